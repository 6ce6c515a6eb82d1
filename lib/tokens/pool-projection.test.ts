import { describe, expect, it } from "vitest";
import { poolPayout, projectNextYear, projectPoolReleases } from "./pool-projection";

const SESH = 1_000_000_000n;
const WEEK = 7 * 86_400;

describe("poolPayout", () => {
  it("pays 15.1% a year, simple, on the balance", () => {
    expect(poolPayout(1_000_000n * SESH, 365n * 86_400n)).toBe(151_000n * SESH);
    // a week of 63,177,550 SESH: 63,177,550 × 0.151 × 7/365 = 182,955.2612… SESH, floored at the 9th decimal
    expect(poolPayout(63_177_550n * SESH, BigInt(WEEK))).toBe(182_955_261_232_876n);
    expect(poolPayout(0n, 1_000n)).toBe(0n);
  });
});

describe("projectPoolReleases", () => {
  it("recomputes each payout on the balance left", () => {
    const [first, second] = projectPoolReleases({ balance: 1_000_000n * SESH, lastPaidOutAt: new Date("2026-01-01T00:00:00Z"), intervalSeconds: WEEK, payouts: 2 });
    const r1 = (1_000_000n * SESH * 1_510n * BigInt(WEEK)) / (10_000n * 31_536_000n);
    const r2 = ((1_000_000n * SESH - r1) * 1_510n * BigInt(WEEK)) / (10_000n * 31_536_000n);
    expect(first).toEqual({ at: new Date("2026-01-08T00:00:00Z"), release: r1, balanceAfter: 1_000_000n * SESH - r1, cumulative: r1 });
    expect(second!.release).toBe(r2);
    expect(second!.release < first!.release).toBe(true);
    expect(second!.cumulative + second!.balanceAfter).toBe(1_000_000n * SESH);
  });

  it("refuses a zero interval", () => {
    expect(() => projectPoolReleases({ balance: 1n, lastPaidOutAt: new Date(0), intervalSeconds: 0, payouts: 1 })).toThrow(/interval/);
  });
});

describe("projectNextYear", () => {
  it("covers a year at the given rhythm, weekly when none is known", () => {
    const weekly = projectNextYear({ balance: 1_000_000n * SESH, lastPaidOutAt: new Date(0), intervalSeconds: null });
    expect(weekly).toHaveLength(53);
    expect(projectNextYear({ balance: 1n, lastPaidOutAt: new Date(0), intervalSeconds: 86_400 })).toHaveLength(365);
    // A payout every 500 s is projected daily: still a year, not two days.
    const frequent = projectNextYear({ balance: 1n, lastPaidOutAt: new Date(0), intervalSeconds: 500 });
    expect(frequent).toHaveLength(365);
    expect(frequent.at(-1)!.at).toEqual(new Date(365 * 86_400_000));
    // Released over a year of weekly payouts is a little under 15.1% (each payout shrinks the base).
    const released = weekly.at(-1)!.cumulative;
    expect(released < 151_000n * SESH * 53n / 52n).toBe(true);
    expect(released > 140_000n * SESH).toBe(true);
  });
});
