import { describe, expect, it } from "vitest";
import { liquidationSplit, obligationsTotal, poolBalance, rewardsContractBalance, rewardsContractObligations } from "./rewards-contract-reconciliation";

describe("the rewards contract's balance", () => {
  // Hand case: three nodes of 100 units; one is live, one exited (100 credited back), one was
  // liquidated at 1/1/998 thousandths.
  it("is the same by flows and by obligations", () => {
    const split = liquidationSplit([60n, 40n], { liquidator: 1n, pool: 1n, recipient: 998n });
    // deposit 100: liquidator floor(0.1)=0, pool 0; returned floor(59.88)=59 and floor(39.92)=39; dust 2.
    expect(split).toEqual({ liquidator: 0n, pool: 0n, returned: [59n, 39n], dust: 2n });

    const flows = {
      liveStakes: 100n,
      exitedStakes: 100n,
      liquidatedStakes: 100n,
      releasesReceived: 50n,
      otherInflows: 3n,
      // claimed: 100 returned stake + 59 liquidation return + 20 rewards
      claimsPaid: 179n,
      liquidatorPayouts: split.liquidator,
      poolPayouts: split.pool,
    };
    expect(rewardsContractBalance(flows)).toBe(174n);
    const obligations = rewardsContractObligations(flows, { rewardCredits: 30n, liquidationCredits: 98n });
    // credited 30 + 100 + 98 = 228, claimed 179 → 49 unclaimed; 20 of the releases not credited; 2 dust.
    expect(obligations).toEqual({ liveStakes: 100n, unclaimed: 49n, uncreditedReleases: 20n, liquidationDust: 2n, otherInflows: 3n });
    expect(obligationsTotal(obligations)).toBe(rewardsContractBalance(flows));
  });

  it("splits a 25,000 SESH liquidation at 0.1% / 0.1% / 99.8%", () => {
    const SESH = 1_000_000_000n;
    const s = liquidationSplit([25_000n * SESH], { liquidator: 1n, pool: 1n, recipient: 998n });
    expect(s).toEqual({ liquidator: 25n * SESH, pool: 25n * SESH, returned: [24_950n * SESH], dust: 0n });
  });
});

describe("poolBalance", () => {
  it("is deposits less releases", () => {
    expect(poolBalance(63_177_550n * 1_000_000_000n + 25n, 1_000n)).toBe(63_177_549_999_999_025n);
  });
});
