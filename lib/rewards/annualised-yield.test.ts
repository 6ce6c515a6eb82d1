import { describe, expect, it } from "vitest";
import { annualisedYieldPpm, formatPpmPercent, sharePpm, YEAR_SECONDS } from "./annualised-yield";

const SESH = 1_000_000_000n;
const DAY = 86_400n;

describe("annualisedYieldPpm", () => {
  it("annualises a reward earned on a stake held for part of a year", () => {
    // 25,000 SESH for 30 days earning 250 SESH: 1% in 30 days = 365/30 % a year = 12.1666…%.
    expect(annualisedYieldPpm(250n * SESH, 25_000n * SESH * 30n * DAY)).toBe(121_666n);
  });

  it("weights a stake by how long it was held", () => {
    // 10,000 SESH for a whole year plus 10,000 more for half of it: 15,000 SESH-years; 1,500 SESH earned = 10%.
    const stakeSeconds = 10_000n * SESH * YEAR_SECONDS + 10_000n * SESH * (YEAR_SECONDS / 2n);
    expect(annualisedYieldPpm(1_500n * SESH, stakeSeconds)).toBe(100_000n);
  });

  it("has no yield without stake", () => {
    expect(annualisedYieldPpm(5n, 0n)).toBeNull();
  });
});

describe("formatPpmPercent and sharePpm", () => {
  it("prints ppm as a truncated percentage", () => {
    expect(formatPpmPercent(121_666n)).toBe("12.16%");
    expect(formatPpmPercent(151_000n, 1)).toBe("15.1%");
    expect(formatPpmPercent(5n)).toBe("0.00%");
    expect(formatPpmPercent(null)).toBe("–");
  });

  it("takes shares exactly", () => {
    expect(sharePpm(1n, 3n)).toBe(333_333n);
    expect(sharePpm(1n, 0n)).toBeNull();
  });
});
