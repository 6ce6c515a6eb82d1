import { describe, expect, it } from "vitest";
import { concentration, giniCoefficient, herfindahlIndex, nakamotoCoefficient, ONE_HALF, ONE_THIRD, ratio, topWeight } from "./concentration-metrics";

const w = (...values: number[]) => values.map(BigInt);

describe("nakamotoCoefficient", () => {
  it("needs strictly more than the threshold", () => {
    // 40 / 30 / 20 / 10 of 100: 40 > 33.3 → 1; 40 is not > 50, 70 is → 2.
    expect(nakamotoCoefficient(w(10, 40, 20, 30), ONE_THIRD)).toBe(1);
    expect(nakamotoCoefficient(w(10, 40, 20, 30), ONE_HALF)).toBe(2);
  });

  it("counts exactly a third or a half as not enough", () => {
    // 1/3 exactly: 1 of 3 equal entities holds 33.33…%, not more than a third.
    expect(nakamotoCoefficient(w(1, 1, 1), ONE_THIRD)).toBe(2);
    // 50 of 100 is not more than half.
    expect(nakamotoCoefficient(w(50, 25, 25), ONE_HALF)).toBe(2);
    expect(nakamotoCoefficient(w(51, 49), ONE_HALF)).toBe(1);
  });

  it("is n/3-ish for an even spread and 0 for nothing", () => {
    expect(nakamotoCoefficient(Array(10).fill(7n), ONE_THIRD)).toBe(4);
    expect(nakamotoCoefficient(Array(10).fill(7n), ONE_HALF)).toBe(6);
    expect(nakamotoCoefficient([], ONE_HALF)).toBe(0);
    expect(nakamotoCoefficient(w(0, 0), ONE_HALF)).toBe(0);
  });

  it("stays exact on stake-sized weights", () => {
    const sesh = 1_000_000_000n;
    // 80,000,001 of 240,000,000 SESH is just over a third.
    expect(nakamotoCoefficient([80_000_001n * sesh, 79_999_999n * sesh, 80_000_000n * sesh], ONE_THIRD)).toBe(1);
    expect(nakamotoCoefficient([80_000_000n * sesh, 80_000_000n * sesh, 80_000_000n * sesh], ONE_THIRD)).toBe(2);
  });
});

describe("topWeight", () => {
  it("sums the k largest", () => {
    expect(topWeight(w(5, 1, 9, 3), 1)).toBe(9n);
    expect(topWeight(w(5, 1, 9, 3), 2)).toBe(14n);
    expect(topWeight(w(5, 1), 10)).toBe(6n);
  });
});

describe("herfindahlIndex", () => {
  it("is Σ share²", () => {
    // shares 0.5, 0.3, 0.2 → 0.25 + 0.09 + 0.04 = 0.38
    expect(herfindahlIndex(w(50, 30, 20))).toBeCloseTo(0.38, 12);
    expect(herfindahlIndex(w(4, 4, 4, 4))).toBeCloseTo(0.25, 12);
    expect(herfindahlIndex(w(7))).toBe(1);
    expect(herfindahlIndex([])).toBe(0);
  });
});

describe("giniCoefficient", () => {
  it("is 0 for equal weights and (n−1)/n when one holds all", () => {
    expect(giniCoefficient(w(3, 3, 3))).toBe(0);
    expect(giniCoefficient(w(0, 0, 0, 12))).toBeCloseTo(0.75, 12);
  });

  it("matches the mean absolute difference on a hand-computed case", () => {
    // [1, 3]: Σ|xi − xj| over ordered pairs = 4; / (2 · n² · mean) = 4 / (2 · 4 · 2) = 0.25
    expect(giniCoefficient(w(3, 1))).toBeCloseTo(0.25, 12);
    // [1, 2, 3, 4]: pairs sum (ordered) 20; / (2 · 16 · 2.5) = 0.25
    expect(giniCoefficient(w(4, 2, 1, 3))).toBeCloseTo(0.25, 12);
  });

  it("refuses negative weights", () => {
    expect(() => giniCoefficient(w(1, -1))).toThrow(RangeError);
  });
});

describe("concentration", () => {
  it("gives every figure of a small network", () => {
    // 12 entities: one with 30 nodes, two with 10, nine with 5 → 95 nodes.
    const weights = w(30, 10, 10, ...Array(9).fill(5), 0);
    const c = concentration(weights);
    expect(c).toMatchObject({ entities: 12, total: 95n, top1: 30n, top5: 60n, top10: 85n, nakamoto33: 2, nakamoto50: 3 });
    // (900 + 100 + 100 + 9·25) / 95² = 1325 / 9025
    expect(c.hhi).toBeCloseTo(1325 / 9025, 12);
    // ascending: nine 5s, 10, 10, 30 (n = 12): Σ(2i−13)·w = 5·Σ_{i=1..9}(2i−13) + 10·(7 + 9) + 30·11 = 5·(−27) + 160 + 330 = 355
    expect(c.gini).toBeCloseTo(355 / (12 * 95), 12);
  });

  it("computes shares from exact sums", () => {
    expect(ratio(1n, 3n)).toBeCloseTo(1 / 3, 14);
    expect(ratio(201n, 2_000n)).toBe(0.1005);
    expect(ratio(5n, 0n)).toBe(0);
  });
});
