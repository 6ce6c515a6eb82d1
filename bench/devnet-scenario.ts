// npm run bench:devnet [-- <nodes>]: writes the seeded history for a network of <nodes> nodes
// (default 20,000: ten times the default) on a fresh anvil and prints how long it took.
import { rm } from "node:fs/promises";
import os from "node:os";
import { startDevnet } from "../devnet/start-devnet";
import { findFreePort } from "../devnet/port-check";
import { processCpuSeconds } from "./process-cpu-time";

const nodeCount = Number(process.argv[2] ?? 20_000);
const dataDir = `.data/bench-devnet-${nodeCount}`;
await rm(dataDir, { recursive: true, force: true });
const started = Date.now();
const devnet = await startDevnet({
  dataDir,
  rpcPort: await findFreePort(),
  oxendPort: await findFreePort(),
  scenario: { seed: "bench", nodeCount, months: 6, foundationShare: 0.085, blockSeconds: 3_600 },
  log: (line) => console.log(line),
});
const seconds = (Date.now() - started) / 1000;
// Wall-clock time depends on what else the machine runs; CPU seconds much less.
const scenarioCpu = process.cpuUsage();
const anvilCpu = processCpuSeconds(`${dataDir}/chain-state.json`);
console.log(`devnet of ${nodeCount} planned nodes ready in ${seconds.toFixed(1)} s; ${devnet.liveNodeCount()} live nodes; history up to block ${devnet.historyEndBlock}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`CPU seconds: scenario ${((scenarioCpu.user + scenarioCpu.system) / 1e6).toFixed(1)}, anvil ${anvilCpu.toFixed(1)}; load average ${os.loadavg()[0]!.toFixed(1)}`);
await devnet.stop();
