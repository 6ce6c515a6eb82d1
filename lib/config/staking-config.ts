import { z } from "zod";
import { addressSchema, ConfigError, parseEnv, urlSchema } from "./env-schemas";

const stakingEnvSchema = z.object({
  CHAIN_ID: z.coerce.number().int().positive("must be a positive chain id"),
  RPC_URL: urlSchema(["http", "https"]).optional(),
  /** the RPC the browser and wallets use; on a real chain a public one, not the indexer's */
  WALLET_RPC_URL: urlSchema(["http", "https"]).optional(),
  SESH_ADDRESS: addressSchema,
  SERVICE_NODE_REWARDS_ADDRESS: addressSchema,
  CONTRIBUTION_FACTORY_ADDRESS: addressSchema.optional(),
  OXEND_RPC_URL: urlSchema(["http", "https"]),
  /** WalletConnect Cloud project id; unset (or empty) leaves WalletConnect out of the browser entirely */
  WALLETCONNECT_PROJECT_ID: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().regex(/^[0-9a-f]{32}$/i, "must be a WalletConnect Cloud project id (32 hex characters)").optional(),
  ),
  /** the relay WalletConnect's clients talk through; unset: WalletConnect's own (wss://relay.walletconnect.org) */
  WALLETCONNECT_RELAY_URL: z.preprocess((value) => (value === "" ? undefined : value), urlSchema(["ws", "wss"]).optional()),
});

/** Names and block explorers of the chains Session is deployed on. */
const knownChains: Record<number, { name: string; explorer?: string; publicRpc?: string }> = {
  42161: { name: "Arbitrum One", explorer: "https://arbiscan.io", publicRpc: "https://arb1.arbitrum.io/rpc" },
  421614: { name: "Arbitrum Sepolia", explorer: "https://sepolia.arbiscan.io", publicRpc: "https://sepolia-rollup.arbitrum.io/rpc" },
  31337: { name: "Session devnet" },
};

/** What the wallet pages need in the browser: plain JSON, made once on the server from the environment. */
export interface StakingClientConfig {
  chainId: number;
  chainName: string;
  rpcUrl: string;
  /** block explorer for transaction links outside this explorer, if the chain has one */
  explorerUrl: string | null;
  contracts: { sesh: `0x${string}`; serviceNodeRewards: `0x${string}`; contributionFactory: `0x${string}` | null };
  /** set only when WALLETCONNECT_PROJECT_ID is: the browser then loads the WalletConnect connector */
  walletConnectProjectId: string | null;
  /** WALLETCONNECT_RELAY_URL, or null for WalletConnect's default relay */
  walletConnectRelayUrl: string | null;
}

export interface StakingServerConfig {
  client: StakingClientConfig;
  oxendRpcUrl: string;
}

/** Reads and validates the staking pages' configuration; throws a ConfigError naming each bad variable. */
export function readStakingConfig(env: Record<string, string | undefined> = process.env): StakingServerConfig {
  const parsed = parseEnv(stakingEnvSchema, env);
  const known = knownChains[parsed.CHAIN_ID];
  const rpcUrl = parsed.WALLET_RPC_URL ?? known?.publicRpc ?? parsed.RPC_URL;
  if (parsed.WALLETCONNECT_RELAY_URL && !parsed.WALLETCONNECT_PROJECT_ID) {
    throw new ConfigError([`WALLETCONNECT_RELAY_URL="${parsed.WALLETCONNECT_RELAY_URL}" is set but WALLETCONNECT_PROJECT_ID is not: a relay is used only with WalletConnect on`]);
  }
  if (!rpcUrl) throw new Error(`WALLET_RPC_URL is required: chain ${parsed.CHAIN_ID} has no known public RPC and RPC_URL is not set`);
  return {
    client: {
      chainId: parsed.CHAIN_ID,
      chainName: known?.name ?? `Chain ${parsed.CHAIN_ID}`,
      rpcUrl,
      explorerUrl: known?.explorer ?? null,
      contracts: {
        sesh: parsed.SESH_ADDRESS,
        serviceNodeRewards: parsed.SERVICE_NODE_REWARDS_ADDRESS,
        contributionFactory: parsed.CONTRIBUTION_FACTORY_ADDRESS ?? null,
      },
      walletConnectProjectId: parsed.WALLETCONNECT_PROJECT_ID?.toLowerCase() ?? null,
      walletConnectRelayUrl: parsed.WALLETCONNECT_RELAY_URL ?? null,
    },
    oxendRpcUrl: parsed.OXEND_RPC_URL,
  };
}
