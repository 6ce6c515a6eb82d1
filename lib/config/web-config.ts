import { z } from "zod";
import { addressListSchema, parseEnv, urlSchema } from "./env-schemas";

const webEnvSchema = z.object({
  DATABASE_URL: urlSchema(["postgres", "postgresql"]),
  FOUNDATION_ADDRESSES: addressListSchema,
  CHAIN_ID: z.coerce.number().int().positive("must be a positive chain id").optional(),
});

export interface WebConfig {
  databaseUrl: string;
  /** lower-case operator addresses counted as the foundation */
  foundationAddresses: `0x${string}`[];
  chainId: number | undefined;
}

let cached: WebConfig | undefined;

/** The web app's configuration, read and validated once per server process. */
export function readWebConfig(env: Record<string, string | undefined> = process.env): WebConfig {
  if (env === process.env && cached) return cached;
  const parsed = parseEnv(webEnvSchema, env);
  const config: WebConfig = { databaseUrl: parsed.DATABASE_URL, foundationAddresses: parsed.FOUNDATION_ADDRESSES, chainId: parsed.CHAIN_ID };
  if (env === process.env) cached = config;
  return config;
}
