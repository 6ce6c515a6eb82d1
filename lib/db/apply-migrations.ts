import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import postgres from "postgres";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigrations {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationChecksumError extends Error {
  constructor(name: string) {
    super(
      `Migration ${name} was applied with different contents than prisma/migrations/${name}/migration.sql. ` +
        `Committed migrations must never be edited: add a new migration instead (npm run db:migration -- <name>).`,
    );
    this.name = "MigrationChecksumError";
  }
}

const defaultMigrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** Reads prisma/migrations/<timestamp>_<name>/migration.sql in name order, as Prisma does. */
export async function readMigrationFiles(migrationsDir = defaultMigrationsDir): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      // Prisma's checksum is the sha256 of the file's bytes, hex encoded.
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

// Same table and columns as `prisma migrate deploy` keeps, so a machine with Prisma's native
// engines sees these migrations as applied.
const createMigrationsTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any fixed key: serialises concurrent starts (web, indexer, tests) migrating one database.
const migrationLockKey = 7_226_010;

/**
 * Applies the committed migrations that the database has not yet recorded, each in its own
 * transaction, and refuses to run when an applied migration's file has changed since.
 */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDir = defaultMigrationsDir,
): Promise<AppliedMigrations> {
  const files = await readMigrationFiles(migrationsDir);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`SELECT pg_advisory_lock(${migrationLockKey})`;
    try {
      await sql.unsafe(createMigrationsTable);
      const rows = await sql<{ migration_name: string; checksum: string }[]>`
        SELECT migration_name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
      const result: AppliedMigrations = { applied: [], alreadyApplied: [] };
      for (const file of files) {
        const recorded = done.get(file.name);
        if (recorded !== undefined) {
          if (recorded !== file.checksum) throw new MigrationChecksumError(file.name);
          result.alreadyApplied.push(file.name);
          continue;
        }
        await sql.begin(async (tx) => {
          const id = randomUUID();
          await tx`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at)
                   VALUES (${id}, ${file.checksum}, ${file.name}, now())`;
          await tx.unsafe(file.sql);
          await tx`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1
                   WHERE id = ${id}`;
        });
        result.applied.push(file.name);
      }
      return result;
    } finally {
      await sql`SELECT pg_advisory_unlock(${migrationLockKey})`;
    }
  } finally {
    await sql.end();
  }
}
