import { z } from "zod";
import { parseEnv, positiveIntSchema } from "./env-schemas";

const port = (fallback: number) => positiveIntSchema(65_535).default(fallback);

const stackEnvSchema = z.object({
  PORT: port(3000),
  DEVNET_RPC_PORT: port(8545),
  OXEND_RPC_PORT: port(22023),
  PGPORT: port(54329),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  DEVNET_SEED: z.string().trim().min(1).max(200).default("session-devnet"),
  DEVNET_NODES: positiveIntSchema(50_000).default(2_000),
  DEVNET_MONTHS: positiveIntSchema(36).default(6),
  DEVNET_FOUNDATION_SHARE: z.coerce.number().gt(0, "must be above 0").lt(0.2, "must be below 0.2").default(0.085),
  /** seconds between live devnet blocks once the history is written */
  DEVNET_BLOCK_SECONDS: positiveIntSchema(3_600).default(5),
  /** set: run against that chain (and OXEND_RPC_URL), starting no devnet */
  RPC_URL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
});

export type StackConfig = ReturnType<typeof readStackConfig>;

/** How `npm start` runs: which parts it starts itself and on which ports. */
export function readStackConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(stackEnvSchema, env);
  return {
    webPort: parsed.PORT,
    devnetRpcPort: parsed.DEVNET_RPC_PORT,
    oxendRpcPort: parsed.OXEND_RPC_PORT,
    postgresPort: parsed.PGPORT,
    dataDir: parsed.DATA_DIR,
    devnet: parsed.RPC_URL
      ? undefined
      : {
          seed: parsed.DEVNET_SEED,
          nodeCount: parsed.DEVNET_NODES,
          months: parsed.DEVNET_MONTHS,
          foundationShare: parsed.DEVNET_FOUNDATION_SHARE,
          blockSeconds: parsed.DEVNET_BLOCK_SECONDS,
        },
    externalDatabaseUrl: parsed.DATABASE_URL,
  };
}
