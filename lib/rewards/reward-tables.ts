import type { DisplayColumn } from "../export/display-column";
import type { PoolRelease } from "../db/pool-release-queries";
import type { LiquidationRow, RecipientNodeRow, RecipientRewardRow, RecipientSeriesRow, RewardFlowSummary, RewardGroupFlow, RewardSeriesRow } from "../db/reward-queries";

/** The tables of /rewards: one column list each drives the page and its CSV/JSON download. */
export const REWARD_TABLES = ["summary", "series", "flows", "recipients", "liquidations", "reconciliation", "recipient-series", "recipient-nodes", "releases"] as const;
export type RewardTable = (typeof REWARD_TABLES)[number];

export interface SummaryRow {
  figure: string;
  period: bigint | null;
  allTime: bigint;
}

export function summaryRows(s: RewardFlowSummary): SummaryRow[] {
  const r = s.reconciliation;
  return [
    { figure: "Released by the pool", period: s.period.released, allTime: s.allTime.released },
    { figure: "Rewards credited on chain", period: s.period.rewardCredits, allTime: s.allTime.rewardCredits },
    { figure: "Stakes returned on exit (credited)", period: s.period.exitCredits, allTime: s.allTime.exitCredits },
    { figure: "Stakes returned after liquidation (credited)", period: s.period.liquidationCredits, allTime: s.allTime.liquidationCredits },
    { figure: "Claimed", period: s.period.claimed, allTime: s.allTime.claimed },
    { figure: "Unclaimed now (credited − claimed)", period: null, allTime: r.unclaimedFromEvents },
    { figure: "Released, not yet credited on chain", period: null, allTime: r.rewardsContract.obligations.uncreditedReleases },
  ];
}

export const summaryColumns: DisplayColumn<SummaryRow>[] = [
  { key: "figure", header: "Figure", kind: "text", value: (r) => r.figure },
  { key: "period", header: "In the period (SESH)", kind: "sesh", value: (r) => r.period },
  { key: "all_time", header: "All time (SESH)", kind: "sesh", value: (r) => r.allTime },
];

export const seriesColumns: DisplayColumn<RewardSeriesRow>[] = [
  { key: "bucket_start", header: "From (UTC)", kind: "date", value: (r) => r.bucketStart },
  { key: "released", header: "Released", kind: "sesh", value: (r) => r.released },
  { key: "reward_credited", header: "Rewards credited", kind: "sesh", value: (r) => r.rewardCredited },
  { key: "stake_returned", header: "Stakes returned", kind: "sesh", value: (r) => r.stakeReturned },
  { key: "claimed", header: "Claimed", kind: "sesh", value: (r) => r.claimed },
  { key: "cumulative_released", header: "Released to date", kind: "sesh", value: (r) => r.cumulative.released },
  { key: "cumulative_reward_credited", header: "Credited to date", kind: "sesh", value: (r) => r.cumulative.rewardCredited },
  { key: "cumulative_claimed", header: "Claimed to date", kind: "sesh", value: (r) => r.cumulative.claimed },
  { key: "released_per_node_day", header: "Released per node-day", kind: "sesh", value: (r) => r.releasedPerNodeDay },
  { key: "released_yield_ppm", header: "Released ÷ stake (APR)", kind: "ppm", value: (r) => r.releasedYieldPpm },
  { key: "credited_yield_ppm", header: "Credited ÷ stake (APR)", kind: "ppm", value: (r) => r.creditedYieldPpm },
];

export const flowColumns: DisplayColumn<RewardGroupFlow>[] = [
  { key: "group", header: "Went to", kind: "text", value: (r) => r.group },
  { key: "kind", header: "Kind", kind: "text", value: (r) => r.kind },
  { key: "address", header: "Address", kind: "address", value: (r) => r.address },
  { key: "amount", header: "SESH", kind: "sesh", value: (r) => r.amount },
];

export const recipientColumns: DisplayColumn<RecipientRewardRow>[] = [
  { key: "recipient", header: "Recipient", kind: "reward-recipient", value: (r) => r.recipient },
  { key: "role", header: "Role", kind: "text", value: (r) => (r.isFoundation ? "foundation" : r.isOperator ? "operator" : "contributor") },
  { key: "credited", header: "Credited", kind: "sesh", value: (r) => r.credited },
  { key: "rewards", header: "of it rewards", kind: "sesh", value: (r) => r.rewards },
  { key: "returned_stakes", header: "of it returned stakes", kind: "sesh", value: (r) => r.returnedStakes },
  { key: "claimed", header: "Claimed", kind: "sesh", value: (r) => r.claimed },
  { key: "unclaimed", header: "Unclaimed", kind: "sesh", value: (r) => r.unclaimed },
  { key: "live_stake", header: "Stake now", kind: "sesh", value: (r) => r.liveStake },
  { key: "yield_ppm", header: "Yield (APR)", kind: "ppm", value: (r) => r.yieldPpm },
  { key: "last_credit_tx", header: "Last credit", kind: "tx", value: (r) => r.lastCreditTx },
];

export const liquidationColumns: DisplayColumn<LiquidationRow>[] = [
  { key: "node_id", header: "Node", kind: "count", value: (r) => r.nodeId },
  { key: "at", header: "When (UTC)", kind: "date", value: (r) => r.at },
  { key: "deposit", header: "Stake", kind: "sesh", value: (r) => r.deposit },
  { key: "returned_to_contributors", header: "Returned to contributors", kind: "sesh", value: (r) => r.returnedToContributors },
  { key: "to_liquidator", header: "To the liquidator", kind: "sesh", value: (r) => r.toLiquidator },
  { key: "to_pool", header: "To the reward pool", kind: "sesh", value: (r) => r.toPool },
  { key: "dust", header: "Left by rounding", kind: "sesh", value: (r) => r.dust },
  { key: "liquidator", header: "Liquidator", kind: "address", value: (r) => r.liquidator },
  { key: "tx_hash", header: "Transaction", kind: "tx", value: (r) => r.txHash },
  { key: "block", header: "Block", kind: "block", value: (r) => r.block },
];

export interface ReconciliationRow {
  identity: string;
  computed: bigint;
  expected: bigint;
  difference: bigint;
}

/** The identities every figure of /rewards rests on, with both sides: a non-zero difference is a bug to report. */
export function reconciliationRows(s: RewardFlowSummary): ReconciliationRow[] {
  const r = s.reconciliation;
  const row = (identity: string, computed: bigint, expected: bigint) => ({ identity, computed, expected, difference: computed - expected });
  const rc = r.rewardsContract;
  const rows = [
    row("Pool balance (Σ transfers) = deposits − FundsReleased", r.pool.balanceFromTransfers, r.pool.balanceByIdentity),
    row("Pool transfers out = FundsReleased", r.pool.transfersOut, r.pool.releases),
    row(
      "ServiceNodeRewards balance (Σ transfers) = live stakes + exited stakes + liquidated stakes + releases received − claims − liquidation payouts",
      rc.balanceFromTransfers,
      rc.balanceByFlows,
    ),
    row("ServiceNodeRewards balance = live stakes + unclaimed + releases not yet credited + liquidation dust", rc.balanceFromTransfers, rc.obligationsTotal),
    row("Transfers in that are neither stakes nor releases", rc.flows.otherInflows, 0n),
    row("Transfers out that are neither claims nor liquidation payouts", rc.otherOutflows, 0n),
  ];
  if (r.unclaimedFromAccounts !== null) rows.push(row("Σ unclaimed from events = Σ RewardAccount.unclaimed (indexer)", r.unclaimedFromEvents, r.unclaimedFromAccounts));
  return rows;
}

export const reconciliationColumns: DisplayColumn<ReconciliationRow>[] = [
  { key: "identity", header: "Identity", kind: "text", value: (r) => r.identity },
  { key: "computed", header: "Left side", kind: "sesh", value: (r) => r.computed },
  { key: "expected", header: "Right side", kind: "sesh", value: (r) => r.expected },
  { key: "difference", header: "Difference (units)", kind: "count", value: (r) => r.difference },
];

export const recipientSeriesColumns: DisplayColumn<RecipientSeriesRow>[] = [
  { key: "bucket_start", header: "From (UTC)", kind: "date", value: (r) => r.bucketStart },
  { key: "estimated_accrued", header: "Accrued (estimate)", kind: "sesh", value: (r) => r.estimatedAccrued },
  { key: "reward_credited", header: "Rewards credited", kind: "sesh", value: (r) => r.rewardCredited },
  { key: "stake_returned", header: "Stakes returned", kind: "sesh", value: (r) => r.stakeReturned },
  { key: "claimed", header: "Claimed", kind: "sesh", value: (r) => r.claimed },
  { key: "average_stake", header: "Average stake", kind: "sesh", value: (r) => r.averageStake },
  { key: "yield_ppm", header: "Yield (APR, estimate)", kind: "ppm", value: (r) => r.yieldPpm },
];

export const recipientNodeColumns: DisplayColumn<RecipientNodeRow>[] = [
  { key: "node_id", header: "Node", kind: "count", value: (r) => r.nodeId },
  { key: "state", header: "State", kind: "text", value: (r) => r.state },
  { key: "operator", header: "Operator", kind: "address", value: (r) => r.operator },
  { key: "fee_basis_points", header: "Fee (bp)", kind: "count", value: (r) => r.fee },
  { key: "stake", header: "Its stake", kind: "sesh", value: (r) => r.stake },
  { key: "estimated_accrued", header: "Accrued in the period (estimate)", kind: "sesh", value: (r) => r.estimatedAccrued },
  { key: "registered_tx", header: "Registration", kind: "tx", value: (r) => r.registeredTx },
];

/** The period's FundsReleased, newest first, each with its transaction. */
export function releasesInPeriod(releases: PoolRelease[], from: Date | null): PoolRelease[] {
  return releases.filter((r) => from === null || r.blockTime > from).reverse();
}

export const releaseColumns: DisplayColumn<PoolRelease>[] = [
  { key: "block_time", header: "When (UTC)", kind: "date", value: (r) => r.blockTime },
  { key: "amount", header: "Released", kind: "sesh", value: (r) => r.amount },
  { key: "cumulative", header: "Released to date", kind: "sesh", value: (r) => r.cumulative },
  { key: "tx_hash", header: "Transaction", kind: "tx", value: (r) => r.txHash },
  { key: "block_number", header: "Block", kind: "block", value: (r) => r.blockNumber },
];
