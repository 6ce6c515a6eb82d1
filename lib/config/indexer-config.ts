import { z } from "zod";
import {
  addressListSchema,
  addressSchema,
  blockNumberSchema,
  parseEnv,
  positiveIntSchema,
  urlSchema,
} from "./env-schemas";

const indexerEnvSchema = z.object({
  DATABASE_URL: urlSchema(["postgres", "postgresql"]),
  RPC_URL: urlSchema(["http", "https"]),
  CHAIN_ID: z.coerce.number().int().positive("must be a positive chain id"),
  SESH_ADDRESS: addressSchema,
  SERVICE_NODE_REWARDS_ADDRESS: addressSchema,
  REWARD_RATE_POOL_ADDRESS: addressSchema.optional(),
  CONTRIBUTION_FACTORY_ADDRESS: addressSchema.optional(),
  VESTING_ADDRESSES: addressListSchema,
  START_BLOCK: blockNumberSchema,
  OXEND_RPC_URL: urlSchema(["http", "https"]),
  FOUNDATION_ADDRESSES: addressListSchema,
  /** Blocks behind the head treated as final; Arbitrum One's sequencer rarely reorgs deeper. */
  FINALITY_DEPTH: z.coerce.number().int().min(0).max(10_000).default(64),
  /** First eth_getLogs range; it adapts to the RPC's limits. */
  LOG_RANGE: positiveIntSchema(1_000_000).default(10_000),
  /** the range never grows past this: some providers refuse wider ranges whatever they hold */
  LOG_RANGE_MAX: positiveIntSchema(1_000_000).default(100_000),
  /** eth_getLogs ranges fetched at once, ahead of the one being written; lower it for a strict RPC plan */
  LOG_CONCURRENCY: positiveIntSchema(32).default(4),
  RANGES_PER_COMMIT: positiveIntSchema(256).default(64),
  POLL_INTERVAL_MS: positiveIntSchema(3_600_000).default(2_000),
  HEARTBEAT_INTERVAL_MS: positiveIntSchema(3_600_000).default(30_000),
  /** where governance alerts are POSTed as JSON (the 9%/10% pledge lines, entities over a third) */
  ALERT_WEBHOOK_URL: urlSchema(["http", "https"]).optional(),
});

export type IndexerConfig = ReturnType<typeof readIndexerConfig>;

export function readIndexerConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(indexerEnvSchema, env);
  return {
    databaseUrl: parsed.DATABASE_URL,
    rpcUrl: parsed.RPC_URL,
    chainId: parsed.CHAIN_ID,
    contracts: {
      sesh: parsed.SESH_ADDRESS,
      serviceNodeRewards: parsed.SERVICE_NODE_REWARDS_ADDRESS,
      rewardRatePool: parsed.REWARD_RATE_POOL_ADDRESS,
      contributionFactory: parsed.CONTRIBUTION_FACTORY_ADDRESS,
      vesting: parsed.VESTING_ADDRESSES,
    },
    startBlock: parsed.START_BLOCK,
    oxendRpcUrl: parsed.OXEND_RPC_URL,
    foundationAddresses: parsed.FOUNDATION_ADDRESSES,
    finalityDepth: parsed.FINALITY_DEPTH,
    logRange: Math.min(parsed.LOG_RANGE, parsed.LOG_RANGE_MAX),
    logRangeMax: parsed.LOG_RANGE_MAX,
    logConcurrency: parsed.LOG_CONCURRENCY,
    rangesPerCommit: parsed.RANGES_PER_COMMIT,
    pollIntervalMs: parsed.POLL_INTERVAL_MS,
    heartbeatIntervalMs: parsed.HEARTBEAT_INTERVAL_MS,
    alertWebhookUrl: parsed.ALERT_WEBHOOK_URL,
  };
}
