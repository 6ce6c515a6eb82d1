import { createPublicClient, http, type PublicClient } from "viem";
import type { IndexerConfig } from "../lib/config/indexer-config";
import { applyMigrations } from "../lib/db/apply-migrations";
import { runChainIndexer, type ChainProgress } from "./chain-indexer";
import { runGovernanceStep, type GovernanceRound } from "./derive/run-governance-step";
import { runHeartbeatIndexer, type HeartbeatPollResult } from "./heartbeat-indexer";
import { connectDatabase } from "./store/database";
import { acquireWriterLock } from "./store/writer-lock";

export interface IndexerEvents {
  onChainProgress?: (progress: ChainProgress) => void;
  onHeartbeatPoll?: (result: HeartbeatPollResult) => void;
  onGovernanceRound?: (round: GovernanceRound) => void;
  onError?: (component: "chain" | "heartbeats" | "governance", error: unknown) => void;
  onReorg?: (reorg: { fork: bigint; removedEvents: number; rebuiltNodes: number }) => void;
  onCaughtUp?: (block: bigint) => void;
}

/** Runs both pipelines until `signal` aborts; resolves once everything is closed. */
export async function runIndexer(config: IndexerConfig, signal: AbortSignal, events: IndexerEvents = {}): Promise<void> {
  await applyMigrations(config.databaseUrl);
  const sql = connectDatabase(config.databaseUrl, 6);
  try {
    const lock = await acquireWriterLock(sql);
    try {
      const client = createPublicClient({ transport: http(config.rpcUrl, { retryCount: 0, timeout: 30_000 }) }) as PublicClient;
      const chainId = await client.getChainId();
      if (chainId !== config.chainId) {
        throw new Error(`RPC_URL ${config.rpcUrl} serves chain ${chainId}, but CHAIN_ID is ${config.chainId}`);
      }
      await Promise.all([
        runChainIndexer({ config, sql, client, signal, onProgress: events.onChainProgress, onReorg: events.onReorg, onCaughtUp: events.onCaughtUp, onError: (e) => events.onError?.("chain", e) }),
        runHeartbeatIndexer({ config, sql, signal, onPoll: events.onHeartbeatPoll, onError: (e) => events.onError?.("heartbeats", e) }),
        runGovernanceStep({ config, sql, signal, onRound: events.onGovernanceRound, onError: (e) => events.onError?.("governance", e) }),
      ]);
    } finally {
      await lock.release();
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
