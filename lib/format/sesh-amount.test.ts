import { describe, expect, it } from "vitest";
import { formatSesh, formatSeshCompact } from "./sesh-amount";

describe("formatSesh", () => {
  it("formats atomic units exactly with separators", () => {
    expect(formatSesh(1_234_567_123_456_789n)).toBe("1,234,567.12 SESH");
    expect(formatSesh(1_234_567_123_456_789n, { fractionDigits: 9 })).toBe("1,234,567.123456789 SESH");
    expect(formatSesh(25_000_000_000_000n, { fractionDigits: 0, unit: false })).toBe("25,000");
    expect(formatSesh(999_999_999n, { fractionDigits: 2 })).toBe("0.99 SESH");
    expect(formatSesh(-5_500_000_000n)).toBe("-5.50 SESH");
  });

  it("stays exact beyond float precision: the whole 240M supply to the last unit", () => {
    expect(formatSesh(240_000_000_000_000_001n, { fractionDigits: 9 })).toBe("240,000,000.000000001 SESH");
  });

  it("compacts headline figures", () => {
    expect(formatSeshCompact(45_325_000_000_000_000n)).toBe("45.33M SESH");
  });
});
