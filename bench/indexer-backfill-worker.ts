// The indexer side of `npm run bench:indexer`, in its own process so that its peak RSS is the
// indexer's alone (the devnet tooling and anvil run elsewhere). Configured like the indexer
// (environment), plus BENCH_HISTORY_END_BLOCK: it stops once the checkpoint has passed it.
// Prints one JSON line: { events, seconds, maxRssBytes, cpuSeconds, mainThreadBusy (share of the
// time the main thread's event loop was not idle) }; BENCH_TRACE=1 also logs
// each batch with the memory in use.
import { createPublicClient, http, type PublicClient } from "viem";
import { performance } from "node:perf_hooks";
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
const loopStarted = performance.eventLoopUtilization();
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
const mainThreadBusy = performance.eventLoopUtilization(loopStarted).utilization;
await sql.end();
if (process.env.BENCH_TRACE) {
  const { readdirSync, readFileSync } = await import("node:fs");
  const threads = new Map<string, number>();
  for (const tid of readdirSync("/proc/self/task")) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    threads.set(name, (threads.get(name) ?? 0) + (Number(f[11]) + Number(f[12])) / 100);
  }
  console.error("CPU seconds by thread (whole process life):", JSON.stringify(Object.fromEntries([...threads].map(([k, v]) => [k, +v.toFixed(2)]))));
}
if (failure) {
  console.error(failure);
  process.exit(1);
}
// maxRSS is the kernel's high-water mark for this process, in KiB.
console.log(JSON.stringify({ events, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6, mainThreadBusy }));
