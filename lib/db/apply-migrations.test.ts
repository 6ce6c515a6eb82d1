import { cp, mkdtemp, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { applyMigrations, MigrationChecksumError, readMigrationFiles } from "./apply-migrations";

const created: TestDatabase[] = [];
afterAll(async () => {
  for (const db of created) await db.drop();
});

describe("applyMigrations", () => {
  it("applies every committed migration once and records it as Prisma does", async () => {
    const db = await createTestDatabase({ migrate: false });
    created.push(db);
    const files = await readMigrationFiles();
    const first = await applyMigrations(db.url);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const second = await applyMigrations(db.url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(files.map((f) => f.name));

    const sql = postgres(db.url, { max: 1 });
    const rows = await sql<{ migration_name: string; checksum: string; applied_steps_count: number }[]>`
      SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;
    const tables = await sql`SELECT 1 FROM information_schema.tables WHERE table_name = 'ServiceNode'`;
    await sql.end();
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      files.map((f) => [f.name, f.checksum, 1]),
    );
    expect(tables).toHaveLength(1);
  });

  it("applies a new migration on top and refuses an edited one", async () => {
    const db = await createTestDatabase({ migrate: false });
    created.push(db);
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await cp(path.resolve(import.meta.dirname, "../../prisma/migrations"), dir, { recursive: true });
    await applyMigrations(db.url, dir);

    const added = path.join(dir, "29991231000000_add_probe");
    await cp(path.join(dir, (await readMigrationFiles(dir))[0]!.name), added, { recursive: true });
    await writeFile(path.join(added, "migration.sql"), 'CREATE TABLE "Probe" ("id" INTEGER PRIMARY KEY);');
    expect((await applyMigrations(db.url, dir)).applied).toEqual(["29991231000000_add_probe"]);

    await appendFile(path.join(added, "migration.sql"), "\n-- edited after it was applied\n");
    await expect(applyMigrations(db.url, dir)).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it("rolls back a failing migration entirely, leaving it pending", async () => {
    const db = await createTestDatabase({ migrate: false });
    created.push(db);
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    const broken = path.join(dir, "20000101000000_broken");
    await cp(path.resolve(import.meta.dirname, "../../prisma/migrations/migration_lock.toml"), path.join(dir, "migration_lock.toml"));
    await import("node:fs/promises").then((fs) => fs.mkdir(broken));
    await writeFile(path.join(broken, "migration.sql"), 'CREATE TABLE "Half" ("id" INTEGER);\nSELECT no_such_function();');
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/no_such_function/);
    const sql = postgres(db.url, { max: 1 });
    const half = await sql`SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`;
    const recorded = await sql`SELECT 1 FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    await sql.end();
    expect(half).toHaveLength(0);
    expect(recorded).toHaveLength(0);
  });
  it("starts the chain index over when it predates the derived tables, so every table is refolded from the chain", async () => {
    const db = await createTestDatabase({ migrate: false });
    created.push(db);
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    const all = path.resolve(import.meta.dirname, "../../prisma/migrations");
    await cp(path.join(all, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
    for (const file of (await readMigrationFiles()).filter((f) => f.name < "20261125101421")) {
      await cp(path.join(all, file.name), path.join(dir, file.name), { recursive: true });
    }
    await applyMigrations(db.url, dir);
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      await sql`INSERT INTO "ChainEvent" ("chainId", "blockNumber", "logIndex", "blockHash", "blockTime", "txHash", address, contract, "eventName", args)
        VALUES (31337, 5, 0, '0xb', now(), '0xt', '0xa', 'SESH', 'Transfer', '{}')`;
      await sql`INSERT INTO "IndexerCheckpoint" ("chainId", "blockNumber", "blockHash", "updatedAt") VALUES (31337, 5, '0xb', now())`;
      await sql`INSERT INTO "NodeHeartbeat" ("ed25519Pubkey", "serviceNodeId", "operatorAddress", active, funded, version, "publicIp", "storagePort", "swarmId",
        "stateHeight", "requestedUnlockHeight", "earnedDowntimeBlocks", "totalContributed", "stakingRequirement", "firstSeenAt", "lastSeenAt")
        VALUES ('ab', 7, '0xo', true, true, '11.0.0', '1.2.3.4', 22021, '1', 1, 0, 0, 0, 0, now(), now())`;

      await applyMigrations(db.url);
      expect(await sql`SELECT 1 FROM "ChainEvent"`).toHaveLength(0);
      expect(await sql`SELECT 1 FROM "IndexerCheckpoint"`).toHaveLength(0);
      expect(await sql`SELECT "serviceNodeId" FROM "NodeHeartbeat"`).toEqual([{ serviceNodeId: null }]);
    } finally {
      await sql.end();
    }
  });
});
