import { expect, it } from "vitest";
import { percentile } from "./percentile";

it("takes the nearest rank", () => {
  const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
  expect(percentile(values, 50)).toBe(50);
  expect(percentile(values, 95)).toBe(95);
  expect(percentile(values, 100)).toBe(100);
  expect(percentile(values, 0)).toBe(1);
  expect(percentile([7], 95)).toBe(7);
});

it("has no percentile of nothing and refuses a p outside 0..100", () => {
  expect(percentile([], 50)).toBeNull();
  expect(() => percentile([1], 101)).toThrow(RangeError);
});
