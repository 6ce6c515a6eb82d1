/**
 * Concentration of a distribution of weights (nodes or atomic SESH per entity). Weights are
 * bigint so sums of stake stay exact; shares and indices are plain numbers, computed from the
 * exact sums at the end.
 */

/** A fraction num/den, compared exactly against sums of weights. */
export interface Threshold {
  num: bigint;
  den: bigint;
}

export const ONE_THIRD: Threshold = { num: 1n, den: 3n };
export const ONE_HALF: Threshold = { num: 1n, den: 2n };

const descending = (weights: readonly bigint[]) => weights.filter((w) => w > 0n).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
const sum = (weights: readonly bigint[]) => weights.reduce((t, w) => t + w, 0n);

function assertNonNegative(weights: readonly bigint[]): void {
  if (weights.some((w) => w < 0n)) throw new RangeError("weights must not be negative");
}

/** a / b as a number with ~15 significant digits, exact for the sizes SESH and node counts reach */
export function ratio(a: bigint, b: bigint): number {
  if (b === 0n) return 0;
  const scale = 10n ** 15n;
  return Number((a * scale) / b) / 1e15;
}

/** Sum of the `k` largest weights. */
export function topWeight(weights: readonly bigint[], k: number): bigint {
  assertNonNegative(weights);
  return sum(descending(weights).slice(0, k));
}

/**
 * Nakamoto coefficient: the smallest number of entities whose weights together exceed
 * `threshold` of the total (strictly more than 1/3, strictly more than 1/2). 0 for an empty
 * distribution.
 */
export function nakamotoCoefficient(weights: readonly bigint[], threshold: Threshold): number {
  assertNonNegative(weights);
  const sorted = descending(weights);
  const total = sum(sorted);
  if (total === 0n) return 0;
  let held = 0n;
  for (const [i, w] of sorted.entries()) {
    held += w;
    if (held * threshold.den > total * threshold.num) return i + 1;
  }
  // Unreachable for thresholds below 1: the whole set holds 100%.
  return sorted.length;
}

/** Herfindahl–Hirschman index: Σ share², from 1/n (even) to 1 (one entity holds everything). */
export function herfindahlIndex(weights: readonly bigint[]): number {
  assertNonNegative(weights);
  const total = sum(weights);
  if (total === 0n) return 0;
  return ratio(weights.reduce((t, w) => t + w * w, 0n), total * total);
}

/**
 * Gini coefficient of the entities' weights: 0 when all hold the same, (n−1)/n when one holds
 * everything. G = Σᵢ (2i − n − 1)·wᵢ / (n·Σw), weights ascending, i from 1.
 */
export function giniCoefficient(weights: readonly bigint[]): number {
  assertNonNegative(weights);
  const sorted = [...weights].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = BigInt(sorted.length);
  const total = sum(sorted);
  if (total === 0n) return 0;
  let weighted = 0n;
  for (const [i, w] of sorted.entries()) weighted += (2n * BigInt(i + 1) - n - 1n) * w;
  return ratio(weighted, n * total);
}

export interface Concentration {
  /** entities holding a positive weight */
  entities: number;
  total: bigint;
  top1: bigint;
  top5: bigint;
  top10: bigint;
  /** entities needed for more than 1/3 and more than 1/2 of the total */
  nakamoto33: number;
  nakamoto50: number;
  hhi: number;
  gini: number;
}

/** Every concentration figure of one distribution. Entities with no weight are left out. */
export function concentration(weights: readonly bigint[]): Concentration {
  assertNonNegative(weights);
  const held = descending(weights);
  return {
    entities: held.length,
    total: sum(held),
    top1: sum(held.slice(0, 1)),
    top5: sum(held.slice(0, 5)),
    top10: sum(held.slice(0, 10)),
    nakamoto33: nakamotoCoefficient(held, ONE_THIRD),
    nakamoto50: nakamotoCoefficient(held, ONE_HALF),
    hhi: herfindahlIndex(held),
    gini: giniCoefficient(held),
  };
}
