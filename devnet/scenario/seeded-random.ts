import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { keccak256, toHex } from "viem";

export interface SeededRandom {
  /** integer in [from, to] */
  int(from: number, to: number): number;
  /** float in [0, 1) */
  float(): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** index in [0, n) with P(k) ∝ 1/(k+1)^s: a few heavy hitters and a long tail */
  zipf(n: number, s: number): number;
}

/** A deterministic stream for (seed, purpose): each purpose gets an independent sequence. */
export function seededRandom(seed: string, purpose: string): SeededRandom {
  const digest = keccak256(toHex(`${seed}/${purpose}`));
  const rng = xoroshiro128plus(Number.parseInt(digest.slice(2, 10), 16) | 0);
  const zipfTables = new Map<string, number[]>();
  const float = () => uniformFloat64(rng);
  return {
    int: (from, to) => uniformInt(rng, from, to),
    float,
    chance: (p) => float() < p,
    pick: (items) => items[uniformInt(rng, 0, items.length - 1)]!,
    zipf(n, s) {
      const key = `${n}/${s}`;
      let cumulative = zipfTables.get(key);
      if (!cumulative) {
        cumulative = [];
        let total = 0;
        for (let k = 0; k < n; k++) cumulative.push((total += 1 / (k + 1) ** s));
        cumulative = cumulative.map((c) => c / total);
        zipfTables.set(key, cumulative);
      }
      const u = float();
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** A deterministic address for (seed, role, index): the devnet impersonates these accounts. */
export function seededAddress(seed: string, role: string, index: number): `0x${string}` {
  return `0x${keccak256(toHex(`${seed}/address/${role}/${index}`)).slice(-40)}`;
}
