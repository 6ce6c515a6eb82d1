// The indexer side of `npm run bench:indexer`, in its own process so that its peak RSS is the
// indexer's alone (the devnet tooling and anvil run elsewhere). Configured like the indexer
// (environment), plus BENCH_HISTORY_END_BLOCK: it stops once the checkpoint has passed it.
// Prints one JSON line: { events, seconds, maxRssBytes, cpuSeconds }; BENCH_TRACE=1 also logs
// each batch with the memory in use.
import { createPublicClient, http, type PublicClient } from "viem";
import { z } from "zod";
import { readIndexerConfig } from "../lib/config/indexer-config";
import { runChainIndexer } from "../indexer/chain-indexer";
import { connectDatabase } from "../indexer/store/database";

const historyEndBlock = z.coerce.bigint().parse(process.env.BENCH_HISTORY_END_BLOCK);
const config = readIndexerConfig();
const sql = connectDatabase(config.databaseUrl);
// A local chain: answers far beyond viem's 10 MB default are expected.
const client = createPublicClient({ transport: http(config.rpcUrl, { maxResponseBodySize: 512 * 1024 * 1024, timeout: 120_000 }) }) as PublicClient;

const controller = new AbortController();
let events = 0;
let failure: unknown;
const started = performance.now();
const cpuStarted = process.cpuUsage();
await runChainIndexer({
  config,
  sql,
  client,
  signal: controller.signal,
  onProgress: (p) => {
    events += p.events;
    if (process.env.BENCH_TRACE) {
      const m = process.memoryUsage();
      console.error(`${p.fromBlock}-${p.toBlock} ${p.events} ev t=${((performance.now() - started) / 1000).toFixed(2)} rss=${(m.rss / 1048576).toFixed(0)} heap=${(m.heapUsed / 1048576).toFixed(0)} ext=${(m.external / 1048576).toFixed(0)} ab=${(m.arrayBuffers / 1048576).toFixed(0)}`);
    }
  },
  onCaughtUp: (block) => block >= historyEndBlock && controller.abort(),
  onError: (error) => {
    failure = error;
    controller.abort();
  },
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
await sql.end();
if (failure) {
  console.error(failure);
  process.exit(1);
}
// maxRSS is the kernel's high-water mark for this process, in KiB.
console.log(JSON.stringify({ events, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
