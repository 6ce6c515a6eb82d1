import { describe, expect, it } from "vitest";
import { concentration } from "./concentration-metrics";
import { WeightBook } from "./weight-book";

describe("WeightBook", () => {
  it("gives the same figures as computing the distribution from scratch, through many changes", () => {
    // A fixed pseudo-random walk (LCG): entities gain and lose weight, some drop to zero.
    let seed = 42;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    const book = new WeightBook();
    const weights = new Map<string, bigint>();
    for (let step = 0; step < 3_000; step++) {
      const id = `e${next() % 60}`;
      const have = weights.get(id) ?? 0n;
      const delta = next() % 3 === 0 && have > 0n ? -BigInt(1 + (next() % Number(have))) : BigInt(1 + (next() % 25)) * 1_000_000_000n;
      book.add(id, delta);
      weights.set(id, have + delta);
      if (step % 97 === 0) {
        const expected = concentration([...weights.values()]);
        const got = book.concentration();
        expect({ ...got, hhi: 0, gini: 0 }).toEqual({ ...expected, hhi: 0, gini: 0 });
        expect(got.hhi).toBeCloseTo(expected.hhi, 12);
        expect(got.gini).toBeCloseTo(expected.gini, 12);
      }
    }
  });

  it("names the largest entity, the smallest id among equals", () => {
    const book = new WeightBook();
    book.add("b", 5n);
    book.add("a", 5n);
    book.add("c", 3n);
    expect(book.largest()).toEqual({ id: "a", weight: 5n });
    book.add("a", -5n);
    expect(book.largest()).toEqual({ id: "b", weight: 5n });
    expect(book.weightOf("a")).toBe(0n);
    expect(() => book.add("c", -4n)).toThrow(RangeError);
    expect(new WeightBook().largest()).toBeNull();
  });
});
