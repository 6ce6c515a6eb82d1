import type { NodeStatus } from "../nodes/node-list-query";
import { NODE_STATUS_SQL } from "./node-list-queries";
import { prisma } from "./prisma-client";

export interface NodeContributionRow {
  position: number;
  staker: string;
  beneficiary: string;
  amount: bigint;
}

export interface NodeChainEventRow {
  blockNumber: bigint;
  logIndex: number;
  blockTime: Date;
  txHash: string;
  eventName: string;
  /** who sent the call, as the event names it (not the owner for network-signed exits) */
  initiator: string | null;
  returnedAmount: bigint | null;
}

export interface NodeStateChangeRow {
  observedAt: Date;
  active: boolean;
  funded: boolean;
  version: string;
  publicIp: string;
  swarmId: string;
}

export interface NodeHeartbeatFacts {
  active: boolean;
  funded: boolean;
  version: string;
  publicIp: string;
  storagePort: number;
  country: string | null;
  asn: number | null;
  provider: string | null;
  swarmId: string;
  lastUptimeProof: Date | null;
  earnedDowntimeBlocks: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface RecipientRewardsRow {
  recipient: string;
  /** cumulative lifetime entitlement in the latest RewardsBalanceUpdated (rewards and returned stakes) */
  credited: bigint;
  claimed: bigint;
  lastCreditTx: string | null;
  lastCreditBlock: bigint | null;
}

export interface NodeDetail {
  id: bigint;
  status: NodeStatus;
  blsPubkey: string;
  ed25519Pubkey: string;
  operator: string;
  feeBasisPoints: number;
  seeded: boolean;
  totalStaked: bigint;
  registeredAt: Date;
  registeredBlock: bigint;
  registeredTx: string;
  exitRequestedAt: Date | null;
  endedAt: Date | null;
  returnedAmount: bigint | null;
  contributions: NodeContributionRow[];
  heartbeat: NodeHeartbeatFacts | null;
}

/** A registered node's keys, operator, stakes and latest heartbeat; null when no such id. */
export async function getNodeDetail(id: bigint): Promise<NodeDetail | null> {
  const db = prisma();
  const [rows, contributions] = await Promise.all([
    db.$queryRaw<(Omit<NodeDetail, "contributions" | "heartbeat" | "totalStaked" | "returnedAmount"> & { total_staked: string; returned: string | null; hb: string | null })[]>`
      SELECT s.id, ${NODE_STATUS_SQL} AS status, s."blsPubkey", s."ed25519Pubkey", s.operator, s.fee AS "feeBasisPoints", s.seeded,
        s."totalStaked"::text AS total_staked, s."registeredAt", s."registeredBlock", s."registeredTx", s."exitRequestedAt", s."endedAt",
        s."returnedAmount"::text AS returned, h."ed25519Pubkey" AS hb
      FROM "ServiceNode" s LEFT JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
      WHERE s.id = ${id}`,
    db.nodeContribution.findMany({ where: { nodeId: id }, orderBy: { position: "asc" } }),
  ]);
  const row = rows[0];
  if (!row) return null;
  const heartbeat = row.hb ? await db.nodeHeartbeat.findUnique({ where: { ed25519Pubkey: row.hb } }) : null;
  const { total_staked, returned, hb: _hb, ...node } = row;
  return {
    ...node,
    totalStaked: BigInt(total_staked),
    returnedAmount: returned === null ? null : BigInt(returned),
    contributions: contributions.map((c) => ({ position: c.position, staker: c.staker, beneficiary: c.beneficiary, amount: c.amount })),
    heartbeat,
  };
}

/**
 * The contract events about this node (registration, exit request, exit, liquidation): the
 * transactions behind each change of its on-chain state. Found through the transactions the
 * node's row records, then narrowed to this node's id (a seeding transaction lists many nodes).
 */
export async function listNodeChainEvents(id: bigint): Promise<NodeChainEventRow[]> {
  const rows = await prisma().$queryRaw<(Omit<NodeChainEventRow, "returnedAmount"> & { returned: string | null })[]>`
    SELECT e."blockNumber", e."logIndex", e."blockTime", e."txHash", e."eventName", e.args->>'initiator' AS initiator, e.args->>'returnedAmount' AS returned
    FROM "ChainEvent" e, "ServiceNode" s
    WHERE s.id = ${id}
      AND e."txHash" IN (s."registeredTx", s."exitRequestTx", s."endedTx")
      AND e.contract = 'ServiceNodeRewards'
      AND e.args->>'serviceNodeID' = ${id.toString()}
    ORDER BY e."blockNumber", e."logIndex"`;
  return rows.map(({ returned, ...r }) => ({ ...r, returnedAmount: returned === null ? null : BigInt(returned) }));
}

/** Heartbeat history of the node: each observed change of state, version, IP or swarm, newest first. */
export async function listNodeStateChanges(ed25519Pubkey: string, limit = 200): Promise<NodeStateChangeRow[]> {
  return prisma().nodeStateChange.findMany({
    where: { ed25519Pubkey },
    orderBy: { observedAt: "desc" },
    take: limit,
    select: { observedAt: true, active: true, funded: true, version: true, publicIp: true, swarmId: true },
  });
}

/** Hourly uptime masks of the node from `from` (YYYY-MM-DD) on. */
export async function listNodeUptimeDays(ed25519Pubkey: string, from: string): Promise<{ day: string; activeHours: number; inactiveHours: number }[]> {
  const rows = await prisma().nodeUptimeDay.findMany({
    where: { ed25519Pubkey, day: { gte: new Date(`${from}T00:00:00Z`) } },
    orderBy: { day: "asc" },
  });
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), activeHours: r.activeHours, inactiveHours: r.inactiveHours }));
}

/**
 * Rewards credited to and claimed by each recipient address. On chain, rewards are kept per
 * recipient, not per node: a figure here covers every node the address stakes in. Read from
 * `RewardAccount`, the indexer's fold of the recipients' RewardsBalanceUpdated and RewardsClaimed
 * events (one row per recipient), rather than from the events themselves, which a 20,000-node
 * network has tens of thousands of.
 */
export async function listRecipientRewards(recipients: string[]): Promise<RecipientRewardsRow[]> {
  if (recipients.length === 0) return [];
  const accounts = await prisma().rewardAccount.findMany({
    where: { recipient: { in: recipients } },
    select: { recipient: true, credited: true, claimed: true, lastCreditTx: true, lastCreditBlock: true },
  });
  const byRecipient = new Map(accounts.map((a) => [a.recipient, a]));
  return [...new Set(recipients)].sort().map((recipient) => {
    const a = byRecipient.get(recipient);
    return { recipient, credited: a?.credited ?? 0n, claimed: a?.claimed ?? 0n, lastCreditTx: a?.lastCreditTx ?? null, lastCreditBlock: a?.lastCreditBlock ?? null };
  });
}
