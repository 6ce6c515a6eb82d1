import { prisma } from "./prisma-client";

/** A node a wallet operates or has stake in, as indexed, with its heartbeat and recent uptime. */
export interface WalletNode {
  id: bigint;
  ed25519Pubkey: string;
  blsPubkey: string;
  operator: string;
  fee: number;
  state: string;
  isOperator: boolean;
  /** this wallet's stake in the node (sum of its contributor entries) */
  stake: bigint;
  totalStaked: bigint;
  registeredAt: Date;
  registeredTx: string;
  exitRequestedAt: Date | null;
  endedAt: Date | null;
  /** from the latest heartbeat; null when the network has not reported the node */
  active: boolean | null;
  lastUptimeProof: Date | null;
  /** share of the observed hours the node was active over the last 30 days, 0-1; null if never observed */
  uptime30d: number | null;
}

/** Nodes where `address` (lower-case) is the operator or a contributor, newest first (one query). */
export async function getWalletNodes(address: string): Promise<WalletNode[]> {
  const rows = await prisma().$queryRaw<
    {
      id: bigint; ed25519Pubkey: string; blsPubkey: string; operator: string; fee: number; state: string; stake: string; totalStaked: bigint;
      registeredAt: Date; registeredTx: string; exitRequestedAt: Date | null; endedAt: Date | null; active: boolean | null; lastUptimeProof: Date | null;
      activeHours: number | null; observedHours: number | null;
    }[]
  >`
    WITH mine AS (
      SELECT s.id, coalesce(sum(c.amount) FILTER (WHERE c.staker = ${address}), 0) AS stake
      FROM "ServiceNode" s LEFT JOIN "NodeContribution" c ON c."nodeId" = s.id
      WHERE s.operator = ${address} OR s.id IN (SELECT "nodeId" FROM "NodeContribution" WHERE staker = ${address})
      GROUP BY s.id
    ), uptime AS (
      SELECT u."ed25519Pubkey",
        sum(length(replace(u."activeHours"::bit(24)::text, '0', ''))) AS active_hours,
        sum(length(replace((u."activeHours" | u."inactiveHours")::bit(24)::text, '0', ''))) AS observed_hours
      FROM "NodeUptimeDay" u
      WHERE u.day >= (now() AT TIME ZONE 'UTC')::date - 30
        AND u."ed25519Pubkey" IN (SELECT s."ed25519Pubkey" FROM "ServiceNode" s JOIN mine ON mine.id = s.id)
      GROUP BY u."ed25519Pubkey"
    )
    SELECT s.id, s."ed25519Pubkey", s."blsPubkey", s.operator, s.fee, s.state, mine.stake::text AS stake, s."totalStaked",
      s."registeredAt", s."registeredTx", s."exitRequestedAt", s."endedAt", h.active, h."lastUptimeProof",
      uptime.active_hours::int AS "activeHours", uptime.observed_hours::int AS "observedHours"
    FROM "ServiceNode" s
    JOIN mine ON mine.id = s.id
    LEFT JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
    LEFT JOIN uptime ON uptime."ed25519Pubkey" = s."ed25519Pubkey"
    ORDER BY s."registeredAt" DESC, s.id DESC`;
  return rows.map((r) => ({
    id: r.id,
    ed25519Pubkey: r.ed25519Pubkey,
    blsPubkey: r.blsPubkey,
    operator: r.operator,
    fee: r.fee,
    state: r.state,
    isOperator: r.operator === address,
    stake: BigInt(r.stake),
    totalStaked: r.totalStaked,
    registeredAt: r.registeredAt,
    registeredTx: r.registeredTx,
    exitRequestedAt: r.exitRequestedAt,
    endedAt: r.endedAt,
    active: r.active,
    lastUptimeProof: r.lastUptimeProof,
    uptime30d: r.observedHours ? (r.activeHours ?? 0) / r.observedHours : null,
  }));
}
