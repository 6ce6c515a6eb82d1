// `npm run indexer`: the indexer alone, configured by environment (README, "Configuration").
import { SingleBar } from "cli-progress";
import pino from "pino";
import { ConfigError } from "../lib/config/env-schemas";
import { readIndexerConfig } from "../lib/config/indexer-config";
import { runIndexer } from "./run-indexer";
import { WriterLockHeldError } from "./store/writer-lock";

const logger = pino({ base: { service: "indexer" } });
const interactive = process.stdout.isTTY === true;

let config;
try {
  config = readIndexerConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());

// Backfill shows a bar with rates and ETA on a terminal; elsewhere, JSON lines.
const bar = interactive
  ? new SingleBar({ format: "backfill |{bar}| {percentage}% block {value}/{total} | {bps} blocks/s | {eps} events/s | ETA {eta_formatted}", hideCursor: true })
  : undefined;
let barStarted = false;
const started = Date.now();
let totalEvents = 0;
let lastLiveLine = 0;

await runIndexer(config, controller.signal, {
  // Backfill: a bar with rates and ETA on a terminal, a JSON line per batch elsewhere.
  onChainProgress(p) {
    totalEvents += p.events;
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    const done = Number(p.toBlock - p.startBlock + 1n);
    const total = Number(p.targetBlock - p.startBlock + 1n);
    const rates = { bps: Math.round(done / seconds), eps: Math.round(totalEvents / seconds) };
    if (bar) {
      if (!barStarted) bar.start(total, 0, rates);
      barStarted = true;
      bar.setTotal(total);
      bar.update(done, rates);
    } else {
      logger.info({ block: p.toBlock.toString(), target: p.targetBlock.toString(), events: p.events, ...rates }, "indexed");
    }
  },
  // Live: one status line when caught up, then every ten seconds.
  onCaughtUp(block) {
    if (Date.now() - lastLiveLine < 10_000) return;
    if (barStarted) {
      bar?.stop();
      barStarted = false;
    }
    lastLiveLine = Date.now();
    if (interactive) console.log(`live: block ${block}, ${totalEvents} events indexed since start`);
    else logger.info({ block: block.toString(), events: totalEvents }, "live");
  },
  onHeartbeatPoll(r) {
    if (!interactive) logger.info({ height: r.height.toString(), nodes: r.nodes, rejected: r.rejected }, "heartbeats");
  },
  onGovernanceRound(r) {
    if (!interactive && (r.pledge.rebuilt || (r.webhook && r.webhook.sent + r.webhook.failed > 0))) {
      logger.info({ days: r.pledge.days, transitions: r.pledge.transitions, alerts: r.pledge.alerts, locationDays: r.locationDays, webhook: r.webhook }, "governance series");
    }
  },
  onReorg(r) {
    logger.warn({ fork: r.fork.toString(), removedEvents: r.removedEvents, rebuiltNodes: r.rebuiltNodes }, "reorg: rolled back to the fork");
  },
  onError(component, error) {
    logger.error({ component, err: String((error as Error)?.message ?? error) }, "indexer error");
  },
}).catch((error: unknown) => {
  bar?.stop();
  if (error instanceof WriterLockHeldError) {
    console.error(error.message);
    process.exit(3);
  }
  logger.fatal({ err: String((error as Error)?.stack ?? error) }, "indexer stopped");
  process.exit(1);
});
bar?.stop();
