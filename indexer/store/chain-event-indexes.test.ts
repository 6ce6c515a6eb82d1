import { afterAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { buildChainEventIndexes, dropChainEventIndexes, missingChainEventIndexes } from "./chain-event-indexes";
import { connectDatabase, type Sql } from "./database";

let db: TestDatabase;
afterAll(async () => db?.drop());

const chainEventIndexDefinitions = async (sql: Sql) =>
  (await sql<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE tablename = 'ChainEvent' ORDER BY indexname`).map((r) => r.indexdef);

it("drops ChainEvent's secondary indexes and builds them back exactly as the migrations define them", async () => {
  db = await createTestDatabase();
  const sql = connectDatabase(db.url);
  const migrated = await chainEventIndexDefinitions(sql);
  expect(migrated).toHaveLength(3);
  expect(await missingChainEventIndexes(sql)).toEqual([]);

  await dropChainEventIndexes(sql);
  expect(await missingChainEventIndexes(sql)).toEqual(["ChainEvent_contract_eventName_blockNumber_idx", "ChainEvent_txHash_idx"]);
  // Only the primary key is left; dropping again is harmless (a restart mid-backfill does).
  expect(await chainEventIndexDefinitions(sql)).toEqual([migrated.find((d) => d.includes("ChainEvent_pkey"))]);
  await dropChainEventIndexes(sql);

  await buildChainEventIndexes(sql);
  expect(await chainEventIndexDefinitions(sql)).toEqual(migrated);
  await buildChainEventIndexes(sql);
  expect(await chainEventIndexDefinitions(sql)).toEqual(migrated);
  await sql.end();
});
