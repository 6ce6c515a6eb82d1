import { prisma } from "./prisma-client";

/** One RewardRatePool FundsReleased: SESH moved from the pool to ServiceNodeRewards. */
export interface PoolRelease {
  blockNumber: bigint;
  logIndex: number;
  txHash: string;
  blockTime: Date;
  /** SESH atomic units released */
  amount: bigint;
  /** released by this and every earlier release */
  cumulative: bigint;
}

/**
 * Every pool release, oldest first. Releases are read from the raw events (one event, no state
 * to derive), so they need no table of their own and no rollback step.
 */
export async function listPoolReleases(): Promise<PoolRelease[]> {
  const rows = await prisma().$queryRaw<{ blockNumber: bigint; logIndex: number; txHash: string; blockTime: Date; amount: string; cumulative: string }[]>`
    SELECT "blockNumber", "logIndex", "txHash", "blockTime", args->>'amount' AS amount,
      (sum((args->>'amount')::numeric) OVER (ORDER BY "blockNumber", "logIndex"))::text AS cumulative
    FROM "ChainEvent" WHERE contract = 'RewardRatePool' AND "eventName" = 'FundsReleased'
    ORDER BY "blockNumber", "logIndex"`;
  return rows.map((r) => ({ ...r, amount: BigInt(r.amount), cumulative: BigInt(r.cumulative) }));
}
