import { describe, expect, it } from "vitest";
import { genesisAllocation } from "../tokenomics/genesis-allocation";
import { MONTH_SECONDS, unlockedAmount, unlockTimeline } from "./unlock-schedule";

const SESH = 1_000_000_000n;
const DAY = 86_400;

describe("unlockedAmount", () => {
  it("A unlocks everything at 24 months (730 days), nothing a second before", () => {
    expect(unlockedAmount(100n, "A", 730 * DAY - 1)).toBe(0n);
    expect(unlockedAmount(100n, "A", 730 * DAY)).toBe(100n);
  });

  it("B unlocks linearly over months 13–24: half at month 18", () => {
    expect(unlockedAmount(1_000_000n * SESH, "B", 12 * MONTH_SECONDS)).toBe(0n);
    expect(unlockedAmount(1_000_000n * SESH, "B", 18 * MONTH_SECONDS)).toBe(500_000n * SESH);
    // one day into the ramp: 1,000,000 SESH × 86,400 / 31,536,000, floored
    expect(unlockedAmount(1_000_000n * SESH, "B", 12 * MONTH_SECONDS + DAY)).toBe(2_739_726_027_397n);
  });

  it("D unlocks over months 13–36: a third at month 20", () => {
    expect(unlockedAmount(27_000_000n * SESH, "D", 20 * MONTH_SECONDS)).toBe(9_000_000n * SESH);
    expect(unlockedAmount(27_000_000n * SESH, "D", 40 * MONTH_SECONDS)).toBe(27_000_000n * SESH);
  });

  it("C is free at genesis and F after 90 days", () => {
    expect(unlockedAmount(7n, "C", 0)).toBe(7n);
    expect(unlockedAmount(7n, "F", 89 * DAY)).toBe(0n);
    expect(unlockedAmount(7n, "F", 90 * DAY)).toBe(7n);
  });
});

describe("unlockTimeline", () => {
  it("unlocks 79M at genesis and everything but the pool by month 36", () => {
    const tranches = genesisAllocation().categories.flatMap((c) => c.tranches.map((t) => ({ lockup: t.lockup, amount: t.amount * SESH })));
    const points = unlockTimeline(new Date("2025-05-01T00:00:00Z"), tranches);
    expect(points[0]!.total).toBe(79_000_000n * SESH);
    expect(points.find((p) => p.label === "day 90")!.byLockup.F).toBe(1_000_000n * SESH);
    expect(points.at(-1)!.total).toBe((240_000_000n - 63_177_550n) * SESH);
    // monotone
    for (let i = 1; i < points.length; i++) expect(points[i]!.total >= points[i - 1]!.total).toBe(true);
  });
});
