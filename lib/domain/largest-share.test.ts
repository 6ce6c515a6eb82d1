import { describe, expect, it } from "vitest";
import { formatShare, largestShare } from "./largest-share";

describe("largestShare", () => {
  it("finds the biggest group and its share of the total", () => {
    expect(largestShare([{ key: "Hetzner", count: 30 }, { key: "OVH", count: 50 }], 200)).toEqual({ key: "OVH", count: 50, share: 0.25 });
  });
  it("breaks ties alphabetically", () => {
    expect(largestShare([{ key: "b", count: 5 }, { key: "a", count: 5 }], 10)?.key).toBe("a");
  });
  it("has no answer for an empty network", () => {
    expect(largestShare([], 0)).toBeNull();
    expect(largestShare([{ key: "a", count: 0 }], 5)).toBeNull();
  });
});

describe("formatShare", () => {
  it("keeps a decimal for small shares and never shows 100% for less", () => {
    expect(formatShare(0.0843)).toBe("8.4%");
    expect(formatShare(0.314)).toBe("31%");
    expect(formatShare(0.9996)).toBe("99.9%");
    expect(formatShare(1)).toBe("100%");
  });
});
