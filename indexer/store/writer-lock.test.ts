import { afterAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { connectDatabase } from "./database";
import { acquireWriterLock, WriterLockHeldError } from "./writer-lock";

let db: TestDatabase;
afterAll(async () => db?.drop());

it("lets one indexer write at a time and frees the lock on release", async () => {
  db = await createTestDatabase();
  const first = connectDatabase(db.url);
  const second = connectDatabase(db.url);
  const lock = await acquireWriterLock(first);
  await expect(acquireWriterLock(second)).rejects.toBeInstanceOf(WriterLockHeldError);
  await lock.release();
  const again = await acquireWriterLock(second);
  await again.release();
  await first.end();
  await second.end();
});
