import type { Tx } from "./service-node-store";

/**
 * Links heartbeats to live on-chain registrations by ed25519 key. Runs whenever either side
 * changes (a poll, or a block range that registers nodes), so neither has to arrive first.
 * A node seen on one side only keeps a null link: flagged on the pages, never dropped.
 */
export async function linkHeartbeatsToNodes(sql: Tx, nodeIds?: bigint[]): Promise<void> {
  const only = nodeIds ? nodeIds.map(String) : null;
  await sql`
    UPDATE "NodeHeartbeat" h SET "serviceNodeId" = s.id
    FROM "ServiceNode" s
    WHERE s."ed25519Pubkey" = h."ed25519Pubkey" AND s.state IN ('active', 'exit_requested')
      AND (${only}::bigint[] IS NULL OR s.id = ANY(${only}::bigint[]))
      AND h."serviceNodeId" IS DISTINCT FROM s.id`;
}
