import type { DailyDelta } from "../domain/daily-network-series";
import { prisma } from "./prisma-client";

/** An uptime proof is valid for 2 h 5 min; older means the node missed its proofs. */
const PROOF_VALIDITY_SECONDS = 2 * 3_600 + 5 * 60;

export interface NodeCounts {
  /** registered on chain and not exited: what the contract lists */
  registered: number;
  /** registered and reported active by the network */
  active: number;
  /** funded but not active: decommissioned by their quorum */
  decommissioned: number;
  /** an exit was requested and has not completed */
  awaitingExit: number;
  /** registered on chain but absent from the heartbeats */
  withoutHeartbeat: number;
  /** active but whose last uptime proof is no longer valid */
  staleProofs: number;
  /** multi-contributor nodes still being funded: contribution contracts not finalized */
  awaitingContributors: number;
}

export interface Freshness {
  lastIndexedBlock: bigint | null;
  lastIndexedBlockTime: Date | null;
  headBlock: bigint | null;
  chainCheckedAt: Date | null;
  chainErrorCount: number;
  chainLastError: string | null;
  lastHeartbeatAt: Date | null;
  heartbeatHeight: bigint | null;
  heartbeatErrorCount: number;
  heartbeatLastError: string | null;
}

export interface NetworkOverview {
  nodes: NodeCounts;
  /** SESH atomic units staked in registered nodes */
  totalStaked: bigint;
  freshness: Freshness;
}

/** The overview page's figures, in two round trips. */
export async function getNetworkOverview(): Promise<NetworkOverview> {
  const db = prisma();
  const [counts] = await db.$queryRaw<
    {
      registered: bigint;
      active: bigint;
      decommissioned: bigint;
      awaiting_exit: bigint;
      without_heartbeat: bigint;
      stale_proofs: bigint;
      awaiting_contributors: bigint;
      total_staked: string;
    }[]
  >`
    WITH live AS (
      SELECT s.id, s.state, s.operator, s."totalStaked", h.active, h.funded, h."lastUptimeProof", h."ed25519Pubkey" AS hb
      FROM "ServiceNode" s
      LEFT JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
      WHERE s.state IN ('active', 'exit_requested')
    ), latest AS (SELECT max("lastSeenAt") AS at FROM "NodeHeartbeat")
    SELECT
      count(*) AS registered,
      count(*) FILTER (WHERE active) AS active,
      count(*) FILTER (WHERE funded AND NOT active) AS decommissioned,
      count(*) FILTER (WHERE state = 'exit_requested') AS awaiting_exit,
      count(*) FILTER (WHERE hb IS NULL) AS without_heartbeat,
      count(*) FILTER (WHERE active AND "lastUptimeProof" < (SELECT at FROM latest) - make_interval(secs => ${PROOF_VALIDITY_SECONDS})) AS stale_proofs,
      -- multi-contributor nodes whose contribution contract is not finalized yet
      (SELECT count(*) FROM "ContributionContract" WHERE status <> 'finalized') AS awaiting_contributors,
      coalesce(sum("totalStaked"), 0)::text AS total_staked
    FROM live`;
  const [status, checkpoint] = await Promise.all([
    db.indexerStatus.findMany(),
    db.indexerCheckpoint.findFirst({ orderBy: { blockNumber: "desc" } }),
  ]);
  const chain = status.find((s) => s.component === "chain");
  const beats = status.find((s) => s.component === "heartbeats");
  const lastBlock = checkpoint
    ? await db.indexedBlock.findUnique({ where: { chainId_number: { chainId: checkpoint.chainId, number: checkpoint.blockNumber } } })
    : null;
  const active = Number(counts?.active ?? 0n);
  return {
    nodes: {
      registered: Number(counts?.registered ?? 0n),
      active,
      decommissioned: Number(counts?.decommissioned ?? 0n),
      awaitingExit: Number(counts?.awaiting_exit ?? 0n),
      withoutHeartbeat: Number(counts?.without_heartbeat ?? 0n),
      staleProofs: Number(counts?.stale_proofs ?? 0n),
      awaitingContributors: Number(counts?.awaiting_contributors ?? 0n),
    },
    totalStaked: BigInt(counts?.total_staked ?? "0"),
    freshness: {
      lastIndexedBlock: checkpoint?.blockNumber ?? null,
      lastIndexedBlockTime: lastBlock?.timestamp ?? null,
      headBlock: chain?.headHeight ?? null,
      chainCheckedAt: chain?.lastSuccessAt ?? null,
      chainErrorCount: chain?.errorCount ?? 0,
      chainLastError: chain?.lastError ?? null,
      lastHeartbeatAt: beats?.lastSuccessAt ?? null,
      heartbeatHeight: beats?.height ?? null,
      heartbeatErrorCount: beats?.errorCount ?? 0,
      heartbeatLastError: beats?.lastError ?? null,
    },
  };
}

export interface IndexerHealth {
  status: "ok" | "stale";
  freshness: Freshness;
}

/** Data older than this is "stale" on the page and at /api/health. */
export const STALE_CHAIN_MS = 10 * 60_000;
export const STALE_HEARTBEAT_MS = 15 * 60_000;

export function isStale(freshness: Freshness, now = new Date()): { chain: boolean; heartbeats: boolean } {
  const old = (at: Date | null, limit: number) => at === null || now.getTime() - at.getTime() > limit;
  return { chain: old(freshness.chainCheckedAt, STALE_CHAIN_MS), heartbeats: old(freshness.lastHeartbeatAt, STALE_HEARTBEAT_MS) };
}

export interface RewardPoolFacts {
  /** the RewardRatePool contract, when its events are indexed */
  address: string | null;
  /** SESH atomic units: transfers in minus out */
  balance: bigint;
  /** FundsReleased over the last 30 days */
  released30d: bigint;
  lastRelease: { amount: bigint; at: Date; txHash: string; blockNumber: bigint } | null;
}

export interface SupplyFacts {
  /** minted minus burned, from the SESH Transfer events; null when no mint is indexed */
  indexedSupply: bigint | null;
  pool: RewardPoolFacts;
}

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

/** Total supply and the reward pool, from the token's Transfer and the pool's FundsReleased events. */
export async function getSupplyFacts(now = new Date()): Promise<SupplyFacts> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [row] = await prisma().$queryRaw<
    { minted: string | null; burned: string | null; pool: string | null; pool_in: string | null; pool_out: string | null; released: string | null; last_amount: string | null; last_at: Date | null; last_tx: string | null; last_block: bigint | null }[]
  >`
    WITH pool AS (SELECT address FROM "ChainEvent" WHERE contract = 'RewardRatePool' LIMIT 1),
    transfers AS (SELECT args->>'from' AS "from", args->>'to' AS "to", (args->>'value')::numeric AS value FROM "ChainEvent" WHERE contract = 'SESH' AND "eventName" = 'Transfer'),
    releases AS (SELECT "blockTime", "txHash", "blockNumber", (args->>'amount')::numeric AS amount FROM "ChainEvent" WHERE contract = 'RewardRatePool' AND "eventName" = 'FundsReleased'),
    last AS (SELECT * FROM releases ORDER BY "blockNumber" DESC LIMIT 1)
    SELECT
      (SELECT sum(value) FROM transfers WHERE "from" = ${ZERO_ADDRESS})::text AS minted,
      (SELECT sum(value) FROM transfers WHERE "to" = ${ZERO_ADDRESS})::text AS burned,
      (SELECT address FROM pool) AS pool,
      (SELECT sum(value) FROM transfers WHERE "to" = (SELECT address FROM pool))::text AS pool_in,
      (SELECT sum(value) FROM transfers WHERE "from" = (SELECT address FROM pool))::text AS pool_out,
      (SELECT sum(amount) FROM releases WHERE "blockTime" >= ${since})::text AS released,
      (SELECT amount::text FROM last) AS last_amount, (SELECT "blockTime" FROM last) AS last_at,
      (SELECT "txHash" FROM last) AS last_tx, (SELECT "blockNumber" FROM last) AS last_block`;
  const big = (v: string | null | undefined) => BigInt(v ?? "0");
  return {
    indexedSupply: row?.minted ? big(row.minted) - big(row.burned) : null,
    pool: {
      address: row?.pool ?? null,
      balance: big(row?.pool_in) - big(row?.pool_out),
      released30d: big(row?.released),
      lastRelease: row?.last_amount && row.last_at && row.last_tx && row.last_block !== null
        ? { amount: big(row.last_amount), at: row.last_at, txHash: row.last_tx, blockNumber: row.last_block }
        : null,
    },
  };
}

/** Per UTC day, nodes (and their stake) that registered (+) and ended (-): the input of dailyNetworkSeries. */
export async function listDailyNodeDeltas(): Promise<DailyDelta[]> {
  // Timestamps are stored as UTC without a zone: their date is the UTC day.
  const rows = await prisma().$queryRaw<{ day: string; nodes: number; stake: string }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(nodes)::int AS nodes, sum(stake)::text AS stake FROM (
      SELECT "registeredAt"::date AS day, count(*) AS nodes, sum("totalStaked") AS stake FROM "ServiceNode" GROUP BY 1
      UNION ALL
      SELECT "endedAt"::date, -count(*), -sum("totalStaked") FROM "ServiceNode" WHERE "endedAt" IS NOT NULL GROUP BY 1
    ) d GROUP BY day ORDER BY day`;
  return rows.map((r) => ({ day: r.day, nodes: r.nodes, stake: BigInt(r.stake) }));
}
