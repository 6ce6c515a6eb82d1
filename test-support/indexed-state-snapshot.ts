import type { Sql } from "../indexer/store/database";

/** Everything the chain indexer writes, in a stable order: two runs that agree compare equal. */
export async function indexedStateSnapshot(sql: Sql) {
  const events = await sql`SELECT "blockNumber"::text, "logIndex", "blockHash", "txHash", address, contract, "eventName", args FROM "ChainEvent" ORDER BY "blockNumber", "logIndex"`;
  const nodes = await sql`SELECT id::text, "blsPubkey", "ed25519Pubkey", operator, fee, state, seeded, "totalStaked"::text, "registeredTx", "endedTx" FROM "ServiceNode" ORDER BY "ServiceNode".id`;
  const contributions = await sql`SELECT "nodeId"::text, position, staker, beneficiary, amount::text FROM "NodeContribution" ORDER BY "nodeId", position`;
  const [checkpoint] = await sql`SELECT "blockNumber"::text, "blockHash" FROM "IndexerCheckpoint"`;
  return { events, nodes, contributions, checkpoint };
}
