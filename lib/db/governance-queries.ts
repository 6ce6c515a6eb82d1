import { foundationShare, type FoundationShare, type PledgeStatus } from "../domain/foundation-share";
import type { AddressStanding } from "../governance/operator-leaderboard";
import type { Concentration } from "../governance/concentration-metrics";
import type { PledgeDay } from "../governance/pledge-series";
import type { StoredGovernanceAlert } from "../governance/governance-alerts";
import { prisma } from "./prisma-client";

/** Nodes the pledge counts: registered on chain and not yet exited or liquidated. */
const COUNTED_STATES = ["active", "exit_requested"];

export interface LiveFoundationShare extends FoundationShare {
  /** nodes the foundation stakes in without operating them */
  contributedNodes: number;
  foundationStake: bigint;
  totalStake: bigint;
  lastBlock: bigint | null;
  lastBlockTime: Date | null;
}

/** The pledge now, counted straight from the indexed nodes (the gauge), in one statement: one snapshot. */
export async function getLiveFoundationShare(foundationAddresses: string[]): Promise<LiveFoundationShare> {
  const [row] = await prisma().$queryRaw<
    { total: number; foundation: number; contributed: number; foundation_stake: string; total_stake: string; last_block: bigint | null; last_block_time: Date | null }[]
  >`
    WITH checkpoint AS (
      SELECT c."blockNumber", b.timestamp FROM "IndexerCheckpoint" c
      LEFT JOIN "IndexedBlock" b ON b."chainId" = c."chainId" AND b.number = c."blockNumber"
      ORDER BY c."blockNumber" DESC LIMIT 1)
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE s.operator = ANY(${foundationAddresses}::text[]))::int AS foundation,
      count(*) FILTER (WHERE s.operator <> ALL(${foundationAddresses}::text[]) AND EXISTS (
        SELECT 1 FROM "NodeContribution" c WHERE c."nodeId" = s.id AND c.staker = ANY(${foundationAddresses}::text[])))::int AS contributed,
      coalesce((SELECT sum(c.amount) FROM "NodeContribution" c JOIN "ServiceNode" n ON n.id = c."nodeId"
        WHERE n.state = ANY(${COUNTED_STATES}::text[]) AND c.staker = ANY(${foundationAddresses}::text[])), 0)::text AS foundation_stake,
      coalesce(sum(s."totalStaked"), 0)::text AS total_stake,
      (SELECT "blockNumber" FROM checkpoint) AS last_block,
      (SELECT timestamp FROM checkpoint) AS last_block_time
    FROM "ServiceNode" s WHERE s.state = ANY(${COUNTED_STATES}::text[])`;
  return {
    ...foundationShare(row?.foundation ?? 0, row?.total ?? 0),
    contributedNodes: row?.contributed ?? 0,
    foundationStake: BigInt(row?.foundation_stake ?? "0"),
    totalStake: BigInt(row?.total_stake ?? "0"),
    lastBlock: row?.last_block ?? null,
    lastBlockTime: row?.last_block_time ?? null,
  };
}

/** A stored day of the pledge series: the replayed PledgeDay less its in-memory concentration. */
export type PledgeDayRow = Omit<PledgeDay, "operatorNodes" | "entityStake">;

/** The daily pledge series, oldest first (all of it: one row a day). */
export async function getPledgeHistory(): Promise<PledgeDayRow[]> {
  const rows = await prisma().pledgeDay.findMany({ orderBy: { day: "asc" } });
  return rows.map((r) => ({ ...r, day: r.day.toISOString().slice(0, 10), status: r.status as PledgeStatus }));
}

export interface NodeChangeEvidence {
  nodeId: string;
  kind: "registration" | "exit";
  tx: string;
  block: string;
  time: string;
  operator: string;
  entityId: string;
  foundation: boolean;
}

export interface PledgeTransitionRow {
  block: bigint;
  time: Date;
  from: PledgeStatus;
  to: PledgeStatus;
  foundationNodes: number;
  totalNodes: number;
  changes: NodeChangeEvidence[];
}

export async function getPledgeTransitions(): Promise<PledgeTransitionRow[]> {
  const rows = await prisma().pledgeTransition.findMany({ orderBy: { blockNumber: "asc" } });
  return rows.map((r) => ({
    block: r.blockNumber,
    time: r.blockTime,
    from: r.fromStatus as PledgeStatus,
    to: r.toStatus as PledgeStatus,
    foundationNodes: r.foundationNodes,
    totalNodes: r.totalNodes,
    changes: r.changes as unknown as NodeChangeEvidence[],
  }));
}

export interface FoundationNodeChange {
  nodeId: bigint;
  kind: "registration" | "exit";
  operator: string;
  block: bigint;
  tx: string;
  time: Date;
}

/** The foundation's registrations and exits on the given UTC days: what moved its share then. */
export async function getFoundationChangesOnDays(foundationAddresses: string[], days: string[]): Promise<FoundationNodeChange[]> {
  if (days.length === 0 || foundationAddresses.length === 0) return [];
  const rows = await prisma().$queryRaw<{ id: bigint; kind: "registration" | "exit"; operator: string; block: bigint; tx: string; time: Date }[]>`
    SELECT id, 'registration' AS kind, operator, "registeredBlock" AS block, "registeredTx" AS tx, "registeredAt" AS time
    FROM "ServiceNode" WHERE operator = ANY(${foundationAddresses}::text[]) AND to_char("registeredAt", 'YYYY-MM-DD') = ANY(${days}::text[])
    UNION ALL
    SELECT id, 'exit', operator, "endedBlock", "endedTx", "endedAt"
    FROM "ServiceNode" WHERE operator = ANY(${foundationAddresses}::text[]) AND "endedAt" IS NOT NULL AND to_char("endedAt", 'YYYY-MM-DD') = ANY(${days}::text[])
    ORDER BY block, id`;
  return rows.map((r) => ({ nodeId: r.id, kind: r.kind, operator: r.operator, block: r.block, tx: r.tx, time: r.time }));
}

export interface FoundationNodeRow {
  id: bigint;
  operator: string;
  state: string;
  totalStaked: bigint;
  foundationStake: bigint;
  /** "operator" or "contributor" */
  role: "operator" | "contributor";
  registeredBlock: bigint;
  registeredTx: string;
  registeredAt: Date;
}

/** Nodes running now that the foundation operates or stakes in. */
export async function getFoundationNodes(foundationAddresses: string[]): Promise<FoundationNodeRow[]> {
  if (foundationAddresses.length === 0) return [];
  const rows = await prisma().$queryRaw<(Omit<FoundationNodeRow, "foundationStake" | "role"> & { foundation_stake: string; operates: boolean })[]>`
    SELECT s.id, s.operator, s.state, s."totalStaked", s."registeredBlock", s."registeredTx", s."registeredAt",
      s.operator = ANY(${foundationAddresses}::text[]) AS operates,
      coalesce((SELECT sum(c.amount) FROM "NodeContribution" c WHERE c."nodeId" = s.id AND c.staker = ANY(${foundationAddresses}::text[])), 0)::text AS foundation_stake
    FROM "ServiceNode" s
    WHERE s.state = ANY(${COUNTED_STATES}::text[]) AND (s.operator = ANY(${foundationAddresses}::text[])
      OR EXISTS (SELECT 1 FROM "NodeContribution" c WHERE c."nodeId" = s.id AND c.staker = ANY(${foundationAddresses}::text[])))
    ORDER BY operates DESC, s.id`;
  return rows.map(({ foundation_stake, operates, ...r }) => ({ ...r, foundationStake: BigInt(foundation_stake), role: operates ? "operator" : "contributor" }));
}

export type FlowCategory = "received" | "staked" | "claimed" | "sent";

export interface SeshFlowRow {
  category: FlowCategory;
  address: string;
  counterparty: string;
  amount: bigint;
  block: bigint;
  tx: string;
  time: Date;
}

/**
 * The foundation's SESH movements from the token's Transfer events: received (allocation and
 * other inflows), staked (to the staking contract), claimed (paid out by the staking contract:
 * rewards and returned stakes) and sent (transfers out). Moves between its own addresses are left out.
 */
export async function getFoundationSeshFlows(foundationAddresses: string[]): Promise<SeshFlowRow[]> {
  if (foundationAddresses.length === 0) return [];
  const rows = await prisma().$queryRaw<{ from: string; to: string; value: string; block: bigint; tx: string; time: Date; staking: string | null }[]>`
    WITH staking AS (SELECT DISTINCT address FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards')
    SELECT lower(args->>'from') AS "from", lower(args->>'to') AS "to", args->>'value' AS value,
      "blockNumber" AS block, "txHash" AS tx, "blockTime" AS time,
      (SELECT address FROM staking LIMIT 1) AS staking
    FROM "ChainEvent"
    WHERE contract = 'SESH' AND "eventName" = 'Transfer'
      AND (lower(args->>'from') = ANY(${foundationAddresses}::text[]) OR lower(args->>'to') = ANY(${foundationAddresses}::text[]))
    ORDER BY "blockNumber", "logIndex"`;
  const ours = new Set(foundationAddresses);
  const flows: SeshFlowRow[] = [];
  for (const r of rows) {
    const fromUs = ours.has(r.from);
    const toUs = ours.has(r.to);
    if (fromUs && toUs) continue;
    const staking = r.staking?.toLowerCase();
    const category: FlowCategory = fromUs ? (r.to === staking ? "staked" : "sent") : r.from === staking ? "claimed" : "received";
    flows.push({ category, address: fromUs ? r.from : r.to, counterparty: fromUs ? r.to : r.from, amount: BigInt(r.value), block: r.block, tx: r.tx, time: r.time });
  }
  return flows;
}

export interface RewardsClaimRow {
  address: string;
  amount: bigint;
  block: bigint;
  tx: string;
  time: Date;
}

export async function getRewardsClaims(addresses: string[]): Promise<RewardsClaimRow[]> {
  if (addresses.length === 0) return [];
  const rows = await prisma().$queryRaw<{ address: string; amount: string; block: bigint; tx: string; time: Date }[]>`
    SELECT lower(args->>'recipientAddress') AS address, args->>'amount' AS amount, "blockNumber" AS block, "txHash" AS tx, "blockTime" AS time
    FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards' AND "eventName" = 'RewardsClaimed'
      AND lower(args->>'recipientAddress') = ANY(${addresses}::text[])
    ORDER BY "blockNumber", "logIndex"`;
  return rows.map((r) => ({ ...r, amount: BigInt(r.amount) }));
}

/** Every address with active nodes or stake in them, with its rewards from ChainEvent. */
export async function getAddressStandings(): Promise<AddressStanding[]> {
  const rows = await prisma().$queryRaw<{ address: string; nodes: number; stake: string; credited: string; claimed: string }[]>`
    WITH counted AS (SELECT id, operator FROM "ServiceNode" WHERE state = ANY(${COUNTED_STATES}::text[])),
    operated AS (SELECT operator AS address, count(*)::int AS nodes FROM counted GROUP BY operator),
    staked AS (SELECT c.staker AS address, sum(c.amount) AS stake FROM "NodeContribution" c JOIN counted n ON n.id = c."nodeId" GROUP BY c.staker),
    addresses AS (SELECT address FROM operated UNION SELECT address FROM staked),
    credited AS (
      SELECT DISTINCT ON (lower(args->>'recipientAddress')) lower(args->>'recipientAddress') AS address, (args->>'amount')::numeric AS amount
      FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards' AND "eventName" = 'RewardsBalanceUpdated'
      ORDER BY lower(args->>'recipientAddress'), "blockNumber" DESC, "logIndex" DESC),
    claimed AS (
      SELECT lower(args->>'recipientAddress') AS address, sum((args->>'amount')::numeric) AS amount
      FROM "ChainEvent" WHERE contract = 'ServiceNodeRewards' AND "eventName" = 'RewardsClaimed' GROUP BY 1)
    SELECT a.address, coalesce(o.nodes, 0) AS nodes, coalesce(s.stake, 0)::text AS stake,
      coalesce(cr.amount, 0)::text AS credited, coalesce(cl.amount, 0)::text AS claimed
    FROM addresses a
    LEFT JOIN operated o ON o.address = a.address
    LEFT JOIN staked s ON s.address = a.address
    LEFT JOIN credited cr ON cr.address = a.address
    LEFT JOIN claimed cl ON cl.address = a.address`;
  return rows.map((r) => ({ address: r.address, nodes: r.nodes, stake: BigInt(r.stake), rewardsCredited: BigInt(r.credited), rewardsClaimed: BigInt(r.claimed) }));
}

export type ConcentrationDimension = "operator-nodes" | "entity-stake" | "provider-nodes" | "country-nodes";

export interface ConcentrationDayRow extends Concentration {
  dimension: ConcentrationDimension;
  day: string;
  largestId: string | null;
  largestWeight: bigint | null;
}

/** Concentration per day since `since` for every dimension, oldest first. */
export async function getConcentrationHistory(since: Date): Promise<ConcentrationDayRow[]> {
  const rows = await prisma().concentrationDay.findMany({ where: { day: { gte: since } }, orderBy: [{ dimension: "asc" }, { day: "asc" }] });
  return rows.map((r) => ({ ...r, dimension: r.dimension as ConcentrationDimension, day: r.day.toISOString().slice(0, 10) }));
}

export interface GovernanceFreshness {
  seriesDerivedAt: Date | null;
  seriesBlock: bigint | null;
  heartbeatSeriesDerivedAt: Date | null;
  firstHeartbeatDay: string | null;
}

export async function getGovernanceFreshness(): Promise<GovernanceFreshness> {
  const rows = await prisma().governanceDerivation.findMany();
  const chain = rows.find((r) => r.source === "chain");
  const beats = rows.find((r) => r.source === "heartbeats");
  const first = await prisma().concentrationDay.findFirst({ where: { dimension: "provider-nodes" }, orderBy: { day: "asc" } });
  return {
    seriesDerivedAt: chain?.derivedAt ?? null,
    seriesBlock: chain?.sourceBlock ?? null,
    heartbeatSeriesDerivedAt: beats?.derivedAt ?? null,
    firstHeartbeatDay: first ? first.day.toISOString().slice(0, 10) : null,
  };
}

/** A stored alert, as the governance step wrote it from the series. */
export type GovernanceAlertRow = StoredGovernanceAlert;

export async function getGovernanceAlerts(): Promise<GovernanceAlertRow[]> {
  const rows = await prisma().governanceAlert.findMany({ orderBy: [{ day: "desc" }, { id: "asc" }] });
  return rows.map((r) => ({ ...r, day: r.day.toISOString().slice(0, 10), evidence: r.evidence as unknown as GovernanceAlertRow["evidence"] }));
}

export interface FoundationPageData {
  live: LiveFoundationShare;
  history: PledgeDayRow[];
  transitions: PledgeTransitionRow[];
  nodes: FoundationNodeRow[];
  flows: SeshFlowRow[];
  claims: RewardsClaimRow[];
  freshness: GovernanceFreshness;
  alerts: GovernanceAlertRow[];
}

/** Everything the foundation page, its report and their downloads show. */
export async function getFoundationPageData(foundationAddresses: string[]): Promise<FoundationPageData> {
  const [live, history, transitions, nodes, flows, claims, freshness, alerts] = await Promise.all([
    getLiveFoundationShare(foundationAddresses),
    getPledgeHistory(),
    getPledgeTransitions(),
    getFoundationNodes(foundationAddresses),
    getFoundationSeshFlows(foundationAddresses),
    getRewardsClaims(foundationAddresses),
    getGovernanceFreshness(),
    getGovernanceAlerts(),
  ]);
  return { live, history, transitions, nodes, flows, claims, freshness, alerts };
}

/** The concentration charts' window: a year back from today. */
export function concentrationWindowStart(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
}
