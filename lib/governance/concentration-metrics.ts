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
 * everything. G = Σᵢ (2i − n − 1)·wᵢ / (n·Σw), weights ascending, i from 1. A statistic, not an
 * amount: computed in doubles (relative error ~1e-16) so a native numeric sort can order them.
 */
export function giniCoefficient(weights: readonly bigint[]): number {
  assertNonNegative(weights);
  const sorted = Float64Array.from(weights, Number).sort();
  const n = sorted.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i]!;
    weighted += (2 * (i + 1) - n - 1) * sorted[i]!;
  }
  return total === 0 ? 0 : weighted / (n * total);
}

/** Largest-first extraction with exact bigint comparisons: heapify is O(n), each pop O(log n). */
function maxHeap(values: bigint[]): () => bigint | undefined {
  const heap = values;
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && heap[l]! > heap[top]!) top = l;
      if (r < heap.length && heap[r]! > heap[top]!) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top]!, heap[i]!];
      i = top;
    }
  };
  for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i--) down(i);
  return () => {
    if (heap.length === 0) return undefined;
    const max = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      down(0);
    }
    return max;
  };
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

/**
 * Every concentration figure of one distribution. Entities with no weight are left out. Only
 * the largest entities are extracted (a heap), never the whole list sorted with bigints: the
 * daily series computes this for every day of a 20,000-node history.
 */
export function concentration(weights: readonly bigint[]): Concentration {
  assertNonNegative(weights);
  const held = weights.filter((w) => w > 0n);
  const total = sum(held);
  let squares = 0n;
  for (const w of held) squares += w * w;
  const gini = giniCoefficient(held);
  const next = maxHeap([...held]);
  let taken = 0;
  let cumulative = 0n;
  const result = { entities: held.length, total, top1: 0n, top5: 0n, top10: 0n, nakamoto33: 0, nakamoto50: 0, hhi: total === 0n ? 0 : ratio(squares, total * total), gini };
  while (taken < 10 || (total > 0n && result.nakamoto50 === 0)) {
    const w = next();
    if (w === undefined) break;
    taken++;
    cumulative += w;
    if (taken === 1) result.top1 = cumulative;
    if (taken <= 5) result.top5 = cumulative;
    if (taken <= 10) result.top10 = cumulative;
    if (result.nakamoto33 === 0 && cumulative * ONE_THIRD.den > total * ONE_THIRD.num) result.nakamoto33 = taken;
    if (result.nakamoto50 === 0 && cumulative * ONE_HALF.den > total * ONE_HALF.num) result.nakamoto50 = taken;
  }
  return result;
}
