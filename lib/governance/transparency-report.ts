import type { FoundationNodeRow, LiveFoundationShare, PledgeTransitionRow, SeshFlowRow } from "../db/governance-queries";
import type { Column } from "../export/tabular-data";
import type { Attribution } from "./entity-attribution";
import { causingChanges, type BreachPeriod } from "./pledge-series";

/** One figure of the transparency report and the evidence it rests on. */
export interface ReportFigure {
  section: "pledge" | "attribution" | "breach" | "node" | "holdings";
  figure: string;
  value: string;
  asOf: Date | null;
  block: bigint | null;
  tx: string | null;
  source: string;
}

export const reportColumns: Column<ReportFigure>[] = [
  { key: "section", value: (r) => r.section },
  { key: "figure", value: (r) => r.figure },
  { key: "value", value: (r) => r.value },
  { key: "as_of", value: (r) => r.asOf },
  { key: "block", value: (r) => r.block },
  { key: "tx", value: (r) => r.tx },
  { key: "source", value: (r) => r.source },
];

export interface FlowTotals {
  received: bigint;
  staked: bigint;
  claimed: bigint;
  sent: bigint;
  /** received + claimed − staked − sent: the SESH the foundation's addresses hold now */
  balance: bigint;
}

export function flowTotals(flows: readonly SeshFlowRow[]): FlowTotals {
  const t = { received: 0n, staked: 0n, claimed: 0n, sent: 0n };
  for (const f of flows) t[f.category] += f.amount;
  return { ...t, balance: t.received + t.claimed - t.staked - t.sent };
}

/**
 * The transparency report: every figure of the foundation page, each with the block and
 * transaction (or table) it comes from, so a reader can check it on any explorer.
 */
export function transparencyReport(input: {
  live: LiveFoundationShare;
  attribution: Attribution;
  periods: BreachPeriod<PledgeTransitionRow>[];
  nodes: FoundationNodeRow[];
  flows: SeshFlowRow[];
}): ReportFigure[] {
  const { live } = input;
  const asOf = live.lastBlockTime;
  const block = live.lastBlock;
  const counted = "ServiceNode: nodes registered on chain and not exited or liquidated, as of the last indexed block";
  const figures: ReportFigure[] = [
    { section: "pledge", figure: "foundation nodes operated", value: String(live.foundationNodes), asOf, block, tx: null, source: counted },
    { section: "pledge", figure: "network nodes", value: String(live.totalNodes), asOf, block, tx: null, source: counted },
    { section: "pledge", figure: "foundation share of nodes", value: (live.share * 100).toFixed(4) + "%", asOf, block, tx: null, source: "foundation nodes / network nodes" },
    { section: "pledge", figure: "ceiling (10% of nodes, rounded down)", value: String(live.ceilingNodes), asOf, block, tx: null, source: "floor(network nodes / 10)" },
    { section: "pledge", figure: "pledge status", value: live.status, asOf, block, tx: null, source: "breach above 10%, warning from 9%" },
    { section: "pledge", figure: "nodes the foundation stakes in without operating", value: String(live.contributedNodes), asOf, block, tx: null, source: "NodeContribution stakers" },
    { section: "pledge", figure: "foundation stake in nodes (atomic SESH)", value: live.foundationStake.toString(), asOf, block, tx: null, source: "NodeContribution amounts of foundation addresses" },
    { section: "pledge", figure: "network stake in nodes (atomic SESH)", value: live.totalStake.toString(), asOf, block, tx: null, source: "ServiceNode.totalStaked" },
  ];
  for (const f of input.attribution.foundationAddresses) {
    figures.push({ section: "attribution", figure: `foundation address ${f.address}`, value: "counted as the foundation", asOf: null, block: null, tx: null, source: f.reasons.join("; ") });
  }
  for (const p of input.periods) {
    const label = `above 10% from ${p.start.time.toISOString()}`;
    for (const tx of new Set(causingChanges(p.start.changes).map((c) => c.tx))) {
      figures.push({ section: "breach", figure: `${label}: crossing transaction`, value: `${p.start.foundationNodes} of ${p.start.totalNodes} nodes`, asOf: p.start.time, block: p.start.block, tx, source: "PledgeTransition (replayed registrations and exits)" });
    }
    if (p.end) {
      for (const tx of new Set(causingChanges(p.end.changes).map((c) => c.tx))) {
        figures.push({ section: "breach", figure: `${label}: back within the pledge`, value: `${p.end.foundationNodes} of ${p.end.totalNodes} nodes`, asOf: p.end.time, block: p.end.block, tx, source: "PledgeTransition" });
      }
    } else {
      figures.push({ section: "breach", figure: `${label}: still above the line`, value: `${p.days} days so far`, asOf, block, tx: null, source: "PledgeDay" });
    }
  }
  for (const n of input.nodes) {
    figures.push({ section: "node", figure: `node ${n.id} (${n.role})`, value: n.foundationStake.toString(), asOf: n.registeredAt, block: n.registeredBlock, tx: n.registeredTx, source: `registration by ${n.operator}; value is the foundation's stake in atomic SESH` });
  }
  const totals = flowTotals(input.flows);
  const lastFlow = input.flows.at(-1);
  for (const key of ["received", "staked", "claimed", "sent", "balance"] as const) {
    figures.push({
      section: "holdings",
      figure: key === "balance" ? "SESH held by foundation addresses (atomic)" : `SESH ${key} (atomic)`,
      value: totals[key].toString(),
      asOf: lastFlow?.time ?? null,
      block: lastFlow?.block ?? null,
      tx: lastFlow?.tx ?? null,
      source: "SESH Transfer events of foundation addresses (see the flows download for each transaction)",
    });
  }
  return figures;
}
