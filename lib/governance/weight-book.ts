import { ONE_HALF, ONE_THIRD, ratio, type Concentration } from "./concentration-metrics";

/**
 * Entities' weights kept in descending order as they change, so a day's concentration is read
 * off the head of the list instead of sorting every entity every day. Exact: bigint weights,
 * binary search with bigint comparisons; only the Gini sum uses doubles.
 */
export class WeightBook {
  private readonly byId = new Map<string, bigint>();
  private readonly idsByWeight = new Map<bigint, Set<string>>();
  /** positive weights, largest first */
  private readonly desc: bigint[] = [];
  /** the same weights as doubles, for the Gini sum */
  private readonly descNum: number[] = [];
  private total = 0n;
  private squares = 0n;

  /** Adds `delta` (may be negative) to `id`'s weight; a weight may never go below zero. */
  add(id: string, delta: bigint): void {
    if (delta === 0n) return;
    const before = this.byId.get(id) ?? 0n;
    const after = before + delta;
    if (after < 0n) throw new RangeError(`weight of ${id} would fall below zero (${before} + ${delta})`);
    if (before > 0n) this.removeValue(id, before);
    if (after > 0n) this.insertValue(id, after);
    if (after === 0n) this.byId.delete(id);
    else this.byId.set(id, after);
    this.total += delta;
    this.squares += after * after - before * before;
  }

  weightOf(id: string): bigint {
    return this.byId.get(id) ?? 0n;
  }

  /** The largest entity; among equals, the smallest id (stable across rebuilds). */
  largest(): { id: string; weight: bigint } | null {
    const top = this.desc[0];
    if (top === undefined) return null;
    let id: string | undefined;
    for (const candidate of this.idsByWeight.get(top)!) if (id === undefined || candidate < id) id = candidate;
    return { id: id!, weight: top };
  }

  concentration(): Concentration {
    const n = this.desc.length;
    let cumulative = 0n;
    let top1 = 0n;
    let top5 = 0n;
    let top10 = 0n;
    let nakamoto33 = 0;
    let nakamoto50 = 0;
    for (let i = 0; i < n && (i < 10 || nakamoto50 === 0); i++) {
      cumulative += this.desc[i]!;
      if (i === 0) top1 = cumulative;
      if (i < 5) top5 = cumulative;
      if (i < 10) top10 = cumulative;
      if (nakamoto33 === 0 && cumulative * ONE_THIRD.den > this.total * ONE_THIRD.num) nakamoto33 = i + 1;
      if (nakamoto50 === 0 && cumulative * ONE_HALF.den > this.total * ONE_HALF.num) nakamoto50 = i + 1;
    }
    // Gini over ascending order: position j in the descending list is n − j ascending (from 1).
    let sum = 0;
    let weighted = 0;
    for (let j = 0; j < n; j++) {
      const x = this.descNum[j]!;
      sum += x;
      weighted += (2 * (n - j) - n - 1) * x;
    }
    return {
      entities: n,
      total: this.total,
      top1,
      top5,
      top10,
      nakamoto33,
      nakamoto50,
      hhi: this.total === 0n ? 0 : ratio(this.squares, this.total * this.total),
      gini: sum === 0 ? 0 : weighted / (n * sum),
    };
  }

  /** First index whose weight is ≤ `value` (the list is descending). */
  private lowerBound(value: bigint): number {
    let lo = 0;
    let hi = this.desc.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.desc[mid]! > value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insertValue(id: string, value: bigint): void {
    const at = this.lowerBound(value);
    this.desc.splice(at, 0, value);
    this.descNum.splice(at, 0, Number(value));
    let ids = this.idsByWeight.get(value);
    if (!ids) this.idsByWeight.set(value, (ids = new Set()));
    ids.add(id);
  }

  private removeValue(id: string, value: bigint): void {
    const at = this.lowerBound(value);
    this.desc.splice(at, 1);
    this.descNum.splice(at, 1);
    const ids = this.idsByWeight.get(value)!;
    ids.delete(id);
    if (ids.size === 0) this.idsByWeight.delete(value);
  }
}
