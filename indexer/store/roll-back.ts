import type { Address, PublicClient } from "viem";
import { readSeededNode } from "../../lib/chain/read-seeded-node";
import type { JsonArgValue } from "../../lib/events/decode-session-log";
import { applyServiceNodeEvent, serviceNodeEventNames, type SeededNodeDetails, type ServiceNodeRecord } from "../../lib/staking/service-node-ledger";
import type { Sql } from "./database";
import { applyDerivedRollback, planDerivedRollback } from "./derived-state";
import { linkHeartbeatsToNodes } from "./link-heartbeats";
import { saveServiceNodes } from "./service-node-store";

interface StoredNodeEvent {
  blockNumber: bigint;
  blockTime: Date;
  txHash: string;
  address: string;
  eventName: string;
  args: Record<string, JsonArgValue>;
}

/**
 * Undoes everything indexed after block `fork` (a reorg replaced those blocks): their raw
 * events and block hashes go, and every node and other derived row they touched is rebuilt from
 * its events up to the fork. Derived state is a fold of raw events, so replaying them is the rollback.
 */
export async function rollBackTo(sql: Sql, client: PublicClient, chainId: number, fork: bigint): Promise<{ removedEvents: number; rebuiltNodes: number }> {
  const touched = (
    await sql<{ id: string }[]>`
      SELECT DISTINCT args->>'serviceNodeID' AS id FROM "ChainEvent"
      WHERE "chainId" = ${chainId} AND "blockNumber" > ${fork} AND contract = 'ServiceNodeRewards'
        AND "eventName" = ANY(${[...serviceNodeEventNames]}::text[])`
  ).map((r) => r.id);
  const history = await sql<StoredNodeEvent[]>`
    SELECT "blockNumber", "blockTime", "txHash", address, "eventName", args FROM "ChainEvent"
    WHERE "chainId" = ${chainId} AND "blockNumber" <= ${fork} AND contract = 'ServiceNodeRewards'
      AND "eventName" = ANY(${[...serviceNodeEventNames]}::text[]) AND args->>'serviceNodeID' = ANY(${touched}::text[])
    ORDER BY "blockNumber", "logIndex"`;
  // Owners of seeded nodes come from the chain: read them before the transaction opens.
  const seeded = new Map<string, SeededNodeDetails>();
  const seedingTransactions = new Map();
  for (const e of history.filter((h) => h.eventName === "NewSeededServiceNode")) {
    seeded.set(String(e.args.serviceNodeID), await readSeededNode(client, e.address as Address, e, seedingTransactions));
  }
  const nodes = new Map<bigint, ServiceNodeRecord>();
  for (const e of history) {
    applyServiceNodeEvent(nodes, { eventName: e.eventName, args: e.args, blockNumber: e.blockNumber, blockTime: e.blockTime, txHash: e.txHash }, seeded.get(String(e.args.serviceNodeID)));
  }

  const derived = await planDerivedRollback(sql, client, chainId, fork);

  return sql.begin(async (tx) => {
    const removed = await tx`DELETE FROM "ChainEvent" WHERE "chainId" = ${chainId} AND "blockNumber" > ${fork}`;
    await tx`DELETE FROM "IndexedBlock" WHERE "chainId" = ${chainId} AND number > ${fork}`;
    await tx`UPDATE "NodeHeartbeat" SET "serviceNodeId" = NULL WHERE "serviceNodeId" = ANY(${touched}::bigint[])`;
    await tx`DELETE FROM "ServiceNode" WHERE id = ANY(${touched}::bigint[])`;
    await saveServiceNodes(tx, [...nodes.values()], new Set(nodes.keys()));
    await linkHeartbeatsToNodes(tx, [...nodes.keys()]);
    await applyDerivedRollback(tx, derived);
    const [kept] = await tx<{ hash: string }[]>`SELECT hash FROM "IndexedBlock" WHERE "chainId" = ${chainId} AND number = ${fork}`;
    if (kept) {
      await tx`UPDATE "IndexerCheckpoint" SET "blockNumber" = ${fork}, "blockHash" = ${kept.hash}, "updatedAt" = now() WHERE "chainId" = ${chainId}`;
    } else {
      await tx`DELETE FROM "IndexerCheckpoint" WHERE "chainId" = ${chainId}`;
    }
    return { removedEvents: removed.count, rebuiltNodes: nodes.size };
  });
}
