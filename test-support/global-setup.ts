import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalPostgres, type LocalPostgres } from "../devnet/local-postgres";
import { findFreePort } from "../devnet/port-check";

declare module "vitest" {
  export interface ProvidedContext {
    /** Server-level URL: tests create their own databases on it (test-support/test-database.ts). */
    postgresServerUrl: string;
  }
}

let server: LocalPostgres | undefined;

/**
 * Starts a real PostgreSQL for the integration tests: the embedded server in a fresh data
 * directory, or the server of DATABASE_URL when it is set.
 */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.DATABASE_URL;
  if (external) {
    project.provide("postgresServerUrl", external);
    return;
  }
  const dataDir = path.resolve(".data/test-postgres");
  await rm(dataDir, { recursive: true, force: true });
  server = await startLocalPostgres({ dataDir, port: await findFreePort(), database: "postgres" });
  project.provide("postgresServerUrl", server.databaseUrl);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
