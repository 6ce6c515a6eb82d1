import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
// Prisma 6.19 ships its schema engine as Wasm: its `migrate diff` works offline, where
// Prisma 7's CLI would download a native engine. It is installed under the alias `prisma6`.
const prisma6Cli = path.join(root, "node_modules/prisma6/build/index.js");
const migrateConfig = path.join(root, "prisma/migrate.config.ts");

/** Prisma 6 wants `url` in the datasource block, which Prisma 7 forbids there. */
function withDatasourceUrl(schema: string): string {
  return schema.replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*"postgresql")/, `$1\n  url = env("DATABASE_URL")`);
}

/**
 * The SQL that takes a database from the schema `from` (undefined: empty) to `to`, as Prisma
 * writes migrations. `databaseUrl` must reach a PostgreSQL server: the Wasm engine connects
 * through the driver adapter even for a pure schema-to-schema diff.
 */
export async function diffSchemasToSql(opts: {
  from?: string;
  to: string;
  databaseUrl: string;
}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "schema-sql-"));
  try {
    const toFile = path.join(dir, "to.prisma");
    await writeFile(toFile, withDatasourceUrl(opts.to));
    const fromArgs = ["--from-empty"];
    if (opts.from !== undefined) {
      const fromFile = path.join(dir, "from.prisma");
      await writeFile(fromFile, withDatasourceUrl(opts.from));
      fromArgs.splice(0, 1, "--from-schema-datamodel", fromFile);
    }
    const { stdout } = await run(
      process.execPath,
      [prisma6Cli, "migrate", "diff", "--config", migrateConfig, ...fromArgs, "--to-schema-datamodel", toFile, "--script"],
      {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: opts.databaseUrl,
          // Never used by `migrate diff` with the Wasm engine, but the CLI checks they exist
          // before it would otherwise download them.
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function readSchema(file = path.join(root, "prisma/schema.prisma")): Promise<string> {
  return readFile(file, "utf8");
}
