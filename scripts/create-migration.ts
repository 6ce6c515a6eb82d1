// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL from the last migration's schema snapshot to prisma/schema.prisma.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startLocalPostgres } from "../devnet/local-postgres";
import { findFreePort } from "../devnet/port-check";
import { diffSchemasToSql, readSchema } from "../prisma/schema-sql";

const migrationsDir = path.resolve(import.meta.dirname, "../prisma/migrations");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in snake_case>");
  process.exit(2);
}
const previous = (await readdir(migrationsDir, { withFileTypes: true }))
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()
  .at(-1);
const snapshotOf = (dir: string) => path.join(migrationsDir, dir, "schema.prisma");
const from = previous && existsSync(snapshotOf(previous)) ? await readFile(snapshotOf(previous), "utf8") : undefined;
const to = await readSchema();

const server = process.env.DATABASE_URL
  ? undefined
  : await startLocalPostgres({ dataDir: ".data/migration-postgres", port: await findFreePort(), database: "postgres" });
try {
  const sql = await diffSchemasToSql({ from, to, databaseUrl: process.env.DATABASE_URL ?? server!.databaseUrl });
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("prisma/schema.prisma matches the last migration: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir);
    await writeFile(path.join(dir, "migration.sql"), sql);
    // The snapshot lets the next migration diff schema to schema, offline.
    await writeFile(path.join(dir, "schema.prisma"), to);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await server?.stop();
}
