import { describe, expect, it } from "vitest";
import { genesisAllocation } from "../tokenomics/genesis-allocation";
import { circulatingSupply } from "./circulating-supply";
import { MONTH_SECONDS } from "./unlock-schedule";

const SESH = 1_000_000_000n;
const tranches = genesisAllocation().categories.flatMap((c) => c.tranches.map((t) => ({ lockup: t.lockup, amount: t.amount * SESH })));

describe("circulatingSupply", () => {
  it("is the 79M unlocked at genesis when the pool is untouched", () => {
    expect(circulatingSupply({ totalSupply: 240_000_000n * SESH, poolBalance: 63_177_550n * SESH, tranches, secondsSinceGenesis: 0 })).toEqual({
      circulating: 79_000_000n * SESH,
      locked: (240_000_000n - 63_177_550n - 79_000_000n) * SESH,
    });
  });

  it("adds pool releases and unlocked tranches as time passes", () => {
    // Month 18: A still locked (4,489,700 + 15,000,000), B half unlocked (39,332,750 / 2 locked),
    // D a quarter unlocked (38M × 3/4 locked), F free; the pool released 3M.
    const { circulating, locked } = circulatingSupply({ totalSupply: 240_000_000n * SESH, poolBalance: 60_177_550n * SESH, tranches, secondsSinceGenesis: 18 * MONTH_SECONDS });
    expect(locked).toBe(19_489_700n * SESH + 19_666_375n * SESH + 28_500_000n * SESH);
    expect(circulating).toBe(240_000_000n * SESH - 60_177_550n * SESH - locked);
  });

  it("refuses figures that cannot be", () => {
    expect(() => circulatingSupply({ totalSupply: 1n, poolBalance: 2n, tranches: [], secondsSinceGenesis: 0 })).toThrow(/exceed/);
  });
});
