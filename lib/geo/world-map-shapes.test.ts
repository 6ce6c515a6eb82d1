import { describe, expect, it } from "vitest";
import { shadeStep, worldMapShapes } from "./world-map-shapes";

describe("worldMapShapes", () => {
  it("draws the countries nodes run in, keyed by their alpha-2 code", () => {
    const shapes = worldMapShapes();
    const byCode = new Map(shapes.map((s) => [s.alpha2, s]));
    for (const code of ["US", "DE", "FR", "NL", "FI", "CA", "AU", "JP", "GB"]) {
      expect(byCode.get(code)?.d).toMatch(/^M[\d.-]+,[\d.-]+/);
    }
    expect(byCode.get("DE")?.name).toBe("Germany");
    expect(byCode.has("AQ")).toBe(false);
    // every drawn country's code is unique
    const codes = shapes.map((s) => s.alpha2).filter(Boolean);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("shadeStep", () => {
  it("is 0 for no nodes and 5 for the largest country", () => {
    expect(shadeStep(0, 100)).toBe(0);
    expect(shadeStep(100, 100)).toBe(5);
    expect(shadeStep(1, 100)).toBe(1);
    expect(shadeStep(10, 100)).toBeGreaterThan(shadeStep(2, 100));
  });
});
