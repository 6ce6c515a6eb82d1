import type { Sql } from "./database";

// Any fixed key: one indexer writes to a database at a time.
const writerLockKey = 7_226_011;

export class WriterLockHeldError extends Error {
  constructor() {
    super("Another indexer is already writing to this database (Postgres advisory lock held). Stop it first, or point DATABASE_URL elsewhere.");
    this.name = "WriterLockHeldError";
  }
}

/** Takes the writer lock on a reserved connection; release() frees it. Throws when held elsewhere. */
export async function acquireWriterLock(sql: Sql): Promise<{ release(): Promise<void> }> {
  const connection = await sql.reserve();
  const [row] = await connection<{ locked: boolean }[]>`SELECT pg_try_advisory_lock(${writerLockKey}) AS locked`;
  if (!row?.locked) {
    connection.release();
    throw new WriterLockHeldError();
  }
  return {
    async release() {
      await connection`SELECT pg_advisory_unlock(${writerLockKey})`.catch(() => {});
      connection.release();
    },
  };
}
