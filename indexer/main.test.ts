import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { indexerEnvFor, startDevnetFixture, type DevnetFixture } from "../test-support/devnet-fixture";
import { indexedStateSnapshot } from "../test-support/indexed-state-snapshot";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { connectDatabase } from "./store/database";

let fixture: DevnetFixture;
const databases: TestDatabase[] = [];
beforeAll(async () => {
  fixture = await startDevnetFixture({ seed: "kill-9" });
}, 120_000);
afterAll(async () => {
  await fixture?.stop();
  for (const db of databases) await db.drop();
});

const main = path.resolve(import.meta.dirname, "main.ts");

// A hang guard per run, so a stuck indexer fails with its own output rather than the test's
// bare timeout; generous because the suite's other files share the two cores meanwhile.
const RUN_LIMIT_MS = 90_000;

/** Runs `npm run indexer`'s entry point; kills it with SIGKILL after `killAfterBatches` batches, or stops it once caught up. */
function runIndexerProcess(env: Record<string, string>, killAfterBatches?: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", main], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const guard = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`indexer still running after ${RUN_LIMIT_MS} ms (SIGTERM sent: ${/"msg":"live"/.test(output)}): ${output.slice(-2_000)}`));
    }, RUN_LIMIT_MS);
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString();
      // Once the live status appears the backfill is done: stop it the polite way.
      if (/"msg":"live"/.test(output)) child.kill("SIGTERM");
      if (killAfterBatches !== undefined && (output.match(/"msg":"indexed"/g) ?? []).length >= killAfterBatches) child.kill("SIGKILL");
    });
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code, signal) => {
      clearTimeout(guard);
      if (signal === "SIGKILL" || code === 0 || signal === "SIGTERM") resolve();
      else reject(new Error(`indexer exited with ${code}: ${output.slice(-1_000)}`));
    });
  });
}

it("yields the same database after being killed with SIGKILL five times mid-backfill as after one clean run", async () => {
  const clean = await createTestDatabase();
  const killed = await createTestDatabase();
  databases.push(clean, killed);
  // One range per commit: the kills then land between and inside small transactions, not after
  // a handful of 16-range ones that hold the whole fixture.
  const env = (url: string) => indexerEnvFor(fixture, url, { LOG_RANGE: "4", LOG_RANGE_MAX: "4", RANGES_PER_COMMIT: "1", HEARTBEAT_INTERVAL_MS: "600000" });
  await runIndexerProcess(env(clean.url));

  // Kill points at different batches of the backfill; a batch's write may be in flight.
  const counts: number[] = [];
  const partial = connectDatabase(killed.url);
  for (const batches of [3, 9, 5, 12, 7]) {
    await runIndexerProcess(env(killed.url), batches);
    const [row] = await partial<{ n: number }[]>`SELECT count(*)::int AS n FROM "ChainEvent"`.catch(() => [{ n: 0 }]);
    counts.push(row!.n);
  }
  await partial.end();
  await runIndexerProcess(env(killed.url));

  const a = connectDatabase(clean.url);
  const b = connectDatabase(killed.url);
  const expected = await indexedStateSnapshot(a);
  expect(expected.events.length).toBeGreaterThan(500);
  // Most kills landed mid-backfill, with part of the events stored.
  expect(counts.filter((n) => n > 0 && n < expected.events.length).length, `events after each kill: ${counts}`).toBeGreaterThanOrEqual(3);
  expect(await indexedStateSnapshot(b)).toEqual(expected);
  await a.end();
  await b.end();
}, 7 * RUN_LIMIT_MS);
