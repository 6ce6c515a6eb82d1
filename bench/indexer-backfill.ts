// npm run bench:indexer [-- <nodes>]: the devnet history for <nodes> nodes (default 20,000),
// backfilled by the chain indexer into an empty database. Prints events/s, blocks/s, the
// indexer's peak RSS and the database size.
//
// The history is written once and kept under .data/, keyed by seed, size and a digest of the
// scenario's sources, so reruns skip straight to the backfill. The indexer runs in its own
// process (bench/indexer-backfill-worker.ts) so that its peak RSS is its own; BENCH_CPU_PROF=<dir>
// writes a V8 CPU profile of it there.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startDevnet } from "../devnet/start-devnet";
import { startLocalPostgres } from "../devnet/local-postgres";
import { findFreePort } from "../devnet/port-check";
import { applyMigrations } from "../lib/db/apply-migrations";
import { benchDevnetDir, BENCH_SEED } from "./devnet-history-cache";
import { processCpuSeconds } from "./process-cpu-time";

const nodeCount = Number(process.argv[2] ?? 20_000);
if (!Number.isInteger(nodeCount) || nodeCount < 10) throw new Error(`bench:indexer: node count must be an integer >= 10, got ${process.argv[2]}`);
const seed = BENCH_SEED;
/** as `npm run indexer` and `npm start` run it (BENCH_NODE_FLAGS replaces them) */
const INDEXER_NODE_FLAGS = "--max-old-space-size=256 --max-semi-space-size=32";

const dataDir = await benchDevnetDir(nodeCount, seed);
console.log(existsSync(path.join(dataDir, "devnet.json")) ? `reusing the devnet history in ${dataDir}` : `writing the devnet history for ${nodeCount} nodes into ${dataDir} (minutes)`);
const historyStarted = Date.now();
const devnet = await startDevnet({
  dataDir,
  rpcPort: await findFreePort(),
  oxendPort: await findFreePort(),
  // No live blocks during the run: the backfill target stays put.
  scenario: { seed, nodeCount, months: 6, foundationShare: 0.085, blockSeconds: 24 * 3_600 },
  log: (line) => console.log(line),
  // A periodic write of the 2.6 GB chain would take a core from the timed backfill; the chain
  // is written when the bench stops it (a cache: a crash costs only the history's rewrite).
  saveStateEvery: false,
});
console.log(`devnet ready in ${((Date.now() - historyStarted) / 1000).toFixed(0)} s`);

const pg = await startLocalPostgres({ dataDir: ".data/bench-postgres", port: await findFreePort(), database: `bench_${Date.now()}` });
try {
  await applyMigrations(pg.databaseUrl);
  const cpuProfDir = process.env.BENCH_CPU_PROF;
  // Where the two cores went: anvil answering eth_getLogs, PostgreSQL writing, the indexer.
  const chainMarker = path.join(dataDir, "chain-state.json");
  const postgresMarker = path.resolve(".data/bench-postgres");
  const cpuBefore = { chain: processCpuSeconds(chainMarker), postgres: processCpuSeconds(postgresMarker) };
  const loadBefore = os.loadavg()[0]!;
  const worker = spawn(
    process.execPath,
    [...(cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : []), ...(process.env.BENCH_NODE_FLAGS ?? INDEXER_NODE_FLAGS).split(" ").filter(Boolean), "--import", "tsx", "bench/indexer-backfill-worker.ts"],
    {
      env: { ...process.env, ...devnet.env, DATABASE_URL: pg.databaseUrl, BENCH_HISTORY_END_BLOCK: devnet.historyEndBlock.toString() },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => worker.once("exit", resolve));
  if (code !== 0) throw new Error(`bench:indexer: the indexer exited with code ${code}: ${output.slice(-2_000)}`);
  const result = JSON.parse(output.trim().split("\n").pop()!) as { events: number; seconds: number; maxRssBytes: number; cpuSeconds: number; mainThreadBusy: number };

  const cpu = {
    chain: processCpuSeconds(chainMarker) - cpuBefore.chain,
    postgres: processCpuSeconds(postgresMarker) - cpuBefore.postgres,
  };
  const sql = postgres(pg.databaseUrl, { max: 1, onnotice: () => {} });
  const [size] = await sql<{ bytes: string }[]>`SELECT pg_database_size(current_database())::text AS bytes`;
  await sql.end();
  const blocks = Number(devnet.historyEndBlock - BigInt(devnet.env.START_BLOCK!) + 1n);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `backfill of ${result.events} events in ${blocks} blocks: ${result.seconds.toFixed(1)} s, ` +
      `${Math.round(result.events / result.seconds)} events/s, ${Math.round(blocks / result.seconds)} blocks/s, ` +
      `peak RSS ${mb(result.maxRssBytes)} MB (indexer process), database ${mb(Number(size!.bytes))} MB`,
  );
  console.log(
    `CPU seconds during the backfill: indexer ${result.cpuSeconds.toFixed(1)}, anvil ${cpu.chain.toFixed(1)}, ` +
      `PostgreSQL ${cpu.postgres.toFixed(1)} (2 cores: ${(2 * result.seconds).toFixed(1)} available; load average before the run ${loadBefore.toFixed(1)}); ` +
      `the indexer's main thread was busy ${(100 * result.mainThreadBusy).toFixed(0)}% of the time`,
  );
} finally {
  await dropBenchDatabase(pg.databaseUrl).catch(() => {});
  await pg.stop();
  await devnet.stop();
}

/** Each run starts from an empty database: drop it afterwards so runs do not pile up. */
async function dropBenchDatabase(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
