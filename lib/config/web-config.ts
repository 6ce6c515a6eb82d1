import { z } from "zod";
import { addressListSchema, addressSchema, parseEnv, urlSchema } from "./env-schemas";

const webEnvSchema = z.object({
  DATABASE_URL: urlSchema(["postgres", "postgresql"]),
  FOUNDATION_ADDRESSES: addressListSchema,
  CHAIN_ID: z.coerce.number().int().positive("must be a positive chain id").optional(),
  // The token pages tell contracts from holders; the indexer's addresses, passed on by `npm start`.
  SESH_ADDRESS: addressSchema.optional(),
  SERVICE_NODE_REWARDS_ADDRESS: addressSchema.optional(),
  REWARD_RATE_POOL_ADDRESS: addressSchema.optional(),
  VESTING_ADDRESSES: addressListSchema,
});

export interface WebConfig {
  databaseUrl: string;
  /** lower-case operator addresses counted as the foundation */
  foundationAddresses: `0x${string}`[];
  chainId: number | undefined;
  /** lower-case contract addresses when configured (the pages fall back to the indexed events' emitters) */
  contracts: {
    sesh: `0x${string}` | undefined;
    serviceNodeRewards: `0x${string}` | undefined;
    rewardRatePool: `0x${string}` | undefined;
    vesting: `0x${string}`[];
  };
}

let cached: WebConfig | undefined;

/** The web app's configuration, read and validated once per server process. */
export function readWebConfig(env: Record<string, string | undefined> = process.env): WebConfig {
  if (env === process.env && cached) return cached;
  const parsed = parseEnv(webEnvSchema, env);
  const config: WebConfig = {
    databaseUrl: parsed.DATABASE_URL,
    foundationAddresses: parsed.FOUNDATION_ADDRESSES,
    chainId: parsed.CHAIN_ID,
    contracts: {
      sesh: parsed.SESH_ADDRESS,
      serviceNodeRewards: parsed.SERVICE_NODE_REWARDS_ADDRESS,
      rewardRatePool: parsed.REWARD_RATE_POOL_ADDRESS,
      vesting: parsed.VESTING_ADDRESSES,
    },
  };
  if (env === process.env) cached = config;
  return config;
}
