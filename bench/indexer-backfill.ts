// npm run bench:indexer [-- <nodes>]: the devnet history for <nodes> nodes (default 20,000; made
// once, then reused from .data/), backfilled by the chain indexer into an empty database.
// Prints events/s, blocks/s, peak RSS and database size.
import { existsSync } from "node:fs";
import { createPublicClient, http, type PublicClient } from "viem";
import { readIndexerConfig } from "../lib/config/indexer-config";
import { applyMigrations } from "../lib/db/apply-migrations";
import { startDevnet } from "../devnet/start-devnet";
import { startLocalPostgres } from "../devnet/local-postgres";
import { findFreePort } from "../devnet/port-check";
import { runChainIndexer } from "../indexer/chain-indexer";
import { connectDatabase } from "../indexer/store/database";

const nodeCount = Number(process.argv[2] ?? 20_000);
const dataDir = `.data/bench-devnet-${nodeCount}`;
console.log(existsSync(dataDir) ? `reusing the devnet in ${dataDir}` : `writing the devnet history for ${nodeCount} nodes (minutes)`);
const devnet = await startDevnet({
  dataDir,
  rpcPort: await findFreePort(),
  oxendPort: await findFreePort(),
  scenario: { seed: "bench", nodeCount, months: 6, foundationShare: 0.085, blockSeconds: 3_600 },
  log: (line) => console.log(line),
});
const pg = await startLocalPostgres({ dataDir: ".data/bench-postgres", port: await findFreePort(), database: `bench_${Date.now()}` });
await applyMigrations(pg.databaseUrl);
const config = readIndexerConfig({ ...devnet.env, DATABASE_URL: pg.databaseUrl, LOG_RANGE: "2000" });
const sql = connectDatabase(config.databaseUrl, 6);
const client = createPublicClient({ transport: http(config.rpcUrl, { maxResponseBodySize: 512 * 1024 * 1024, timeout: 120_000 }) }) as PublicClient;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const controller = new AbortController();
let events = 0;
const started = performance.now();
await runChainIndexer({
  config,
  sql,
  client,
  signal: controller.signal,
  onProgress: (p) => (events += p.events),
  onCaughtUp: (block) => block >= devnet.historyEndBlock && controller.abort(),
  onError: (e) => {
    console.error(e);
    controller.abort();
  },
});
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const [size] = await sql<{ bytes: string }[]>`SELECT pg_database_size(current_database())::text AS bytes`;
const blocks = Number(devnet.historyEndBlock - BigInt(config.startBlock) + 1n);
console.log(
  `backfill of ${events} events in ${blocks} blocks: ${seconds.toFixed(1)} s, ${Math.round(events / seconds)} events/s, ` +
    `${Math.round(blocks / seconds)} blocks/s, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (indexer and devnet tooling in one process), ` +
    `database ${(Number(size!.bytes) / 1024 / 1024).toFixed(0)} MB`,
);
await sql.end();
await pg.stop();
await devnet.stop();
