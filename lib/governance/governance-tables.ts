import type { Column } from "../export/tabular-data";
import type { ConcentrationDayRow, FoundationNodeRow, PledgeDayRow, PledgeTransitionRow, SeshFlowRow } from "../db/governance-queries";
import { ratio } from "./concentration-metrics";
import type { LeaderboardRow } from "./operator-leaderboard";
import { causingChanges, type BreachPeriod } from "./pledge-series";

// One column list per table: the page shows these rows, the download holds exactly these fields.

export const leaderboardColumns: Column<LeaderboardRow>[] = [
  { key: "entity_id", value: (r) => r.entity.id },
  { key: "entity_name", value: (r) => r.entity.name },
  { key: "attribution", value: (r) => r.entity.kind },
  { key: "addresses", value: (r) => r.addresses.join(" ") },
  { key: "nodes_operated", value: (r) => r.nodes },
  { key: "node_share", value: (r) => r.nodeShare },
  { key: "stake_contributed_atomic", value: (r) => r.stake },
  { key: "stake_share", value: (r) => r.stakeShare },
  { key: "rewards_credited_atomic", value: (r) => r.rewardsCredited },
  { key: "rewards_claimed_atomic", value: (r) => r.rewardsClaimed },
];

export const pledgeHistoryColumns: Column<PledgeDayRow>[] = [
  { key: "day", value: (r) => r.day },
  { key: "as_of", value: (r) => r.asOf },
  { key: "foundation_nodes", value: (r) => r.foundationNodes },
  { key: "total_nodes", value: (r) => r.totalNodes },
  { key: "foundation_share", value: (r) => ratio(BigInt(r.foundationNodes), BigInt(r.totalNodes)) },
  { key: "ceiling_nodes", value: (r) => Math.floor(r.totalNodes / 10) },
  { key: "peak_foundation_nodes", value: (r) => r.peakFoundationNodes },
  { key: "peak_total_nodes", value: (r) => r.peakTotalNodes },
  { key: "status", value: (r) => r.status },
  { key: "foundation_contributed_nodes", value: (r) => r.foundationContributedNodes },
  { key: "foundation_stake_atomic", value: (r) => r.foundationStake },
  { key: "total_stake_atomic", value: (r) => r.totalStake },
];

export const concentrationColumns: Column<ConcentrationDayRow>[] = [
  { key: "dimension", value: (r) => r.dimension },
  { key: "day", value: (r) => r.day },
  { key: "entities", value: (r) => r.entities },
  { key: "total", value: (r) => r.total },
  { key: "top1_share", value: (r) => ratio(r.top1, r.total) },
  { key: "top5_share", value: (r) => ratio(r.top5, r.total) },
  { key: "top10_share", value: (r) => ratio(r.top10, r.total) },
  { key: "nakamoto_third", value: (r) => r.nakamoto33 },
  { key: "nakamoto_half", value: (r) => r.nakamoto50 },
  { key: "hhi", value: (r) => r.hhi },
  { key: "gini", value: (r) => r.gini },
  { key: "largest", value: (r) => r.largestId },
  { key: "largest_weight", value: (r) => r.largestWeight },
];

const txsOf = (t: PledgeTransitionRow | null) => (t ? [...new Set(causingChanges(t.changes).map((c) => c.tx))].join(" ") : null);

export const breachPeriodColumns: Column<BreachPeriod<PledgeTransitionRow>>[] = [
  { key: "start_time", value: (p) => p.start.time },
  { key: "start_block", value: (p) => p.start.block },
  { key: "start_txs", value: (p) => txsOf(p.start) },
  { key: "end_time", value: (p) => p.end?.time ?? null },
  { key: "end_block", value: (p) => p.end?.block ?? null },
  { key: "end_txs", value: (p) => txsOf(p.end) },
  { key: "days", value: (p) => p.days },
  { key: "peak_foundation_nodes", value: (p) => p.peakFoundationNodes },
  { key: "peak_total_nodes", value: (p) => p.peakTotalNodes },
  { key: "peak_share", value: (p) => ratio(BigInt(p.peakFoundationNodes), BigInt(p.peakTotalNodes)) },
];

export const foundationNodeColumns: Column<FoundationNodeRow>[] = [
  { key: "node_id", value: (r) => r.id },
  { key: "role", value: (r) => r.role },
  { key: "operator", value: (r) => r.operator },
  { key: "state", value: (r) => r.state },
  { key: "total_staked_atomic", value: (r) => r.totalStaked },
  { key: "foundation_stake_atomic", value: (r) => r.foundationStake },
  { key: "registered_at", value: (r) => r.registeredAt },
  { key: "registered_block", value: (r) => r.registeredBlock },
  { key: "registered_tx", value: (r) => r.registeredTx },
];

export const seshFlowColumns: Column<SeshFlowRow>[] = [
  { key: "time", value: (r) => r.time },
  { key: "category", value: (r) => r.category },
  { key: "foundation_address", value: (r) => r.address },
  { key: "counterparty", value: (r) => r.counterparty },
  { key: "amount_atomic", value: (r) => r.amount },
  { key: "block", value: (r) => r.block },
  { key: "tx", value: (r) => r.tx },
];
