import type { Sql } from "./database";

/**
 * ChainEvent's secondary indexes, exactly as the migrations create them (a test compares the
 * definitions). During a long backfill the indexer drops them and builds them once it has caught
 * up: keeping them up to date costs PostgreSQL about three times the row inserts themselves
 * (measured on the 1.1M-event bench: 3.9 s of inserts with the primary key alone, 11.2 s with both
 * indexes), building them afterwards a fraction of that. Ponder defers its indexes past the
 * historical sync for the same reason. Queries the indexer itself makes during a backfill use the
 * primary key (chainId, blockNumber, logIndex).
 */
const deferrableIndexes = [
  { name: "ChainEvent_contract_eventName_blockNumber_idx", columns: `"contract", "eventName", "blockNumber"` },
  { name: "ChainEvent_txHash_idx", columns: `"txHash"` },
] as const;

/** Which of ChainEvent's deferrable indexes are missing: after a crash mid-backfill, some may be. */
export async function missingChainEventIndexes(sql: Sql): Promise<string[]> {
  const present = await sql<{ indexname: string }[]>`
    SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'ChainEvent'`;
  const names = new Set(present.map((p) => p.indexname));
  return deferrableIndexes.map((i) => i.name).filter((name) => !names.has(name));
}

/** Drops the secondary indexes before a long backfill; a no-op for those already gone. */
export async function dropChainEventIndexes(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    for (const index of deferrableIndexes) await tx.unsafe(`DROP INDEX IF EXISTS "${index.name}"`);
  });
}

/**
 * Builds whichever secondary indexes are missing, with the memory a sort of a million rows wants;
 * `CREATE INDEX` lets readers go on meanwhile (only writes wait, and the indexer is the only writer).
 */
export async function buildChainEventIndexes(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`SET LOCAL maintenance_work_mem = '256MB'`;
    for (const index of deferrableIndexes) {
      await tx.unsafe(`CREATE INDEX IF NOT EXISTS "${index.name}" ON "ChainEvent"(${index.columns})`);
    }
  });
}
