import { expect, it } from "vitest";
import { toCsv } from "../export/tabular-data";
import type { RewardFlowSummary } from "../db/reward-queries";
import { obligationsTotal, rewardsContractBalance, rewardsContractObligations } from "./rewards-contract-reconciliation";
import { reconciliationColumns, reconciliationRows, summaryColumns, summaryRows } from "./reward-tables";

const totals = { released: 50n, rewardCredits: 30n, exitCredits: 100n, liquidationCredits: 98n, claimed: 179n, releaseCount: 2, claimCount: 3 };
const flows = { liveStakes: 100n, exitedStakes: 100n, liquidatedStakes: 100n, releasesReceived: 50n, otherInflows: 0n, claimsPaid: 179n, liquidatorPayouts: 0n, poolPayouts: 0n };
const obligations = rewardsContractObligations(flows, { rewardCredits: 30n, liquidationCredits: 98n });
const summary: RewardFlowSummary = {
  asOf: { block: 10n, time: new Date("2026-01-01T00:00:00Z") },
  allTime: totals,
  period: { ...totals, from: null, to: null },
  reconciliation: {
    pool: { deposits: 1_000n, transfersOut: 50n, releases: 50n, balanceFromTransfers: 950n, balanceByIdentity: 950n },
    rewardsContract: { flows, otherOutflows: 0n, balanceFromTransfers: 171n, balanceByFlows: rewardsContractBalance(flows), obligations, obligationsTotal: obligationsTotal(obligations) },
    unclaimedFromEvents: 49n,
    unclaimedFromAccounts: 48n,
    recipientCount: 2,
  },
};

it("lists each identity with both sides and the difference, so a broken one stands out", () => {
  const rows = reconciliationRows(summary);
  expect(rows.map((r) => r.difference)).toEqual([0n, 0n, 0n, 0n, 0n, 0n, 1n]);
  expect(toCsv(reconciliationColumns, rows).split("\r\n")[0]).toBe("identity,computed,expected,difference");
});

it("puts unclaimed and uncredited in the all-time column only", () => {
  const rows = summaryRows(summary);
  expect(rows.find((r) => r.figure.startsWith("Unclaimed"))).toEqual({ figure: "Unclaimed now (credited − claimed)", period: null, allTime: 49n });
  expect(rows.find((r) => r.figure.startsWith("Released, not yet"))!.allTime).toBe(20n);
  expect(toCsv(summaryColumns, rows).split("\r\n")[1]).toBe("Released by the pool,50,50");
});
