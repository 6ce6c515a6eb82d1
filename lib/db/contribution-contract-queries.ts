import { prisma } from "./prisma-client";

/** A contribution contract (multi-contributor node) not finalized yet, from the factory's and its own events. */
export interface PendingContributionContract {
  address: string;
  operator: string;
  /** the node's ed25519 key, 64 hex characters */
  ed25519Pubkey: string;
  createdAt: Date;
  createdTx: string;
  /** SESH contributed and not withdrawn, per the contract's events */
  contributed: bigint;
}

/**
 * Contribution contracts the factory deployed that have neither been finalized nor reset into
 * oblivion, newest first. Status and amounts shown to a contributor are read live from each
 * contract: a withdrawal can reopen a filled one without an event.
 */
export async function getPendingContributionContracts(limit = 200): Promise<PendingContributionContract[]> {
  const rows = await prisma().$queryRaw<{ address: string; operator: string; pubkey: string; createdAt: Date; createdTx: string; contributed: string }[]>`
    WITH created AS (
      SELECT lower(args->>'contributorContract') AS address, lower(args->>'operator') AS operator, args->>'serviceNodePubkey' AS pubkey,
             "blockTime" AS "createdAt", "txHash" AS "createdTx", "blockNumber", "logIndex"
      FROM "ChainEvent"
      WHERE contract = 'ServiceNodeContributionFactory' AND "eventName" = 'NewServiceNodeContributionContract'
    ), own AS (
      SELECT e.address,
        bool_or(e."eventName" = 'Finalized') AS finalized,
        coalesce(sum((e.args->>'amount')::numeric) FILTER (WHERE e."eventName" = 'NewContribution'), 0)
          - coalesce(sum((e.args->>'amount')::numeric) FILTER (WHERE e."eventName" = 'WithdrawContribution'), 0) AS contributed
      FROM "ChainEvent" e
      WHERE e.contract = 'ServiceNodeContribution' AND e.address IN (SELECT address FROM created)
      GROUP BY e.address
    )
    SELECT c.address, c.operator, c.pubkey, c."createdAt", c."createdTx", coalesce(own.contributed, 0)::text AS contributed
    FROM created c LEFT JOIN own ON own.address = c.address
    WHERE NOT coalesce(own.finalized, false)
    ORDER BY c."blockNumber" DESC, c."logIndex" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    address: r.address,
    operator: r.operator,
    ed25519Pubkey: BigInt(r.pubkey).toString(16).padStart(64, "0"),
    createdAt: r.createdAt,
    createdTx: r.createdTx,
    contributed: BigInt(r.contributed),
  }));
}
