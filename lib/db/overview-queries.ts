import { foundationShare, type FoundationShare } from "../domain/foundation-share";
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
  foundation: FoundationShare & { addresses: string[] };
  freshness: Freshness;
}

/** The overview page's figures, in two round trips. */
export async function getNetworkOverview(foundationAddresses: string[]): Promise<NetworkOverview> {
  const db = prisma();
  const [counts] = await db.$queryRaw<
    {
      registered: bigint;
      active: bigint;
      decommissioned: bigint;
      awaiting_exit: bigint;
      without_heartbeat: bigint;
      stale_proofs: bigint;
      foundation_active: bigint;
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
      count(*) FILTER (WHERE active AND operator = ANY(${foundationAddresses}::text[])) AS foundation_active,
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
    },
    totalStaked: BigInt(counts?.total_staked ?? "0"),
    foundation: { ...foundationShare(Number(counts?.foundation_active ?? 0n), active), addresses: foundationAddresses },
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
