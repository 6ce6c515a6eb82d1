import { describe, expect, it } from "vitest";
import { splitNodeReward } from "./split-node-reward";

const SESH = 1_000_000_000n;

describe("splitNodeReward", () => {
  it("takes the operator fee first, then splits the rest by stake", () => {
    // 100 SESH, 10% fee: operator gets 10 + 90 × 6,250/25,000 = 32.5; the other 90 × 18,750/25,000 = 67.5.
    const parts = splitNodeReward(100n * SESH, 1_000, [
      { address: "op", amount: 6_250n * SESH },
      { address: "c1", amount: 18_750n * SESH },
    ]);
    expect(parts).toEqual([
      { address: "op", amount: 32_500_000_000n },
      { address: "c1", amount: 67_500_000_000n },
    ]);
  });

  it("gives the flooring dust to the operator so the parts add up exactly", () => {
    // 10 units, no fee, three equal stakes: 3 + 3 + 3 and 1 unit of dust to the operator.
    const parts = splitNodeReward(10n, 0, [
      { address: "op", amount: 1n },
      { address: "a", amount: 1n },
      { address: "b", amount: 1n },
    ]);
    expect(parts.map((p) => p.amount)).toEqual([4n, 3n, 3n]);
    expect(parts.reduce((t, p) => t + p.amount, 0n)).toBe(10n);
  });

  it("a solo node's operator gets everything; a 100% fee leaves contributors nothing", () => {
    expect(splitNodeReward(7n, 500, [{ address: "op", amount: 25_000n * SESH }])).toEqual([{ address: "op", amount: 7n }]);
    expect(splitNodeReward(1_000n, 10_000, [{ address: "op", amount: 1n }, { address: "c", amount: 3n }])).toEqual([
      { address: "op", amount: 1_000n },
      { address: "c", amount: 0n },
    ]);
  });

  it("merges an address that staked twice", () => {
    expect(splitNodeReward(100n, 0, [{ address: "op", amount: 1n }, { address: "c", amount: 2n }, { address: "c", amount: 1n }])).toEqual([
      { address: "op", amount: 25n },
      { address: "c", amount: 75n },
    ]);
  });

  it("refuses impossible input", () => {
    expect(() => splitNodeReward(1n, 10_001, [{ address: "op", amount: 1n }])).toThrow(/basis points/);
    expect(() => splitNodeReward(1n, 0, [])).toThrow(/operator/);
    expect(() => splitNodeReward(-1n, 0, [{ address: "op", amount: 1n }])).toThrow(/negative/);
  });
});
