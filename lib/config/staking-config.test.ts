import { describe, expect, it } from "vitest";
import { ConfigError } from "./env-schemas";
import { readStakingConfig } from "./staking-config";

const devnet = {
  CHAIN_ID: "31337",
  RPC_URL: "http://127.0.0.1:8545",
  SESH_ADDRESS: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  SERVICE_NODE_REWARDS_ADDRESS: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
  OXEND_RPC_URL: "http://127.0.0.1:22023/json_rpc",
};

describe("readStakingConfig", () => {
  it("gives the browser the devnet's chain, RPC and contracts", () => {
    expect(readStakingConfig(devnet)).toEqual({
      client: {
        chainId: 31337,
        chainName: "Session devnet",
        rpcUrl: "http://127.0.0.1:8545",
        explorerUrl: null,
        contracts: { sesh: "0x5fbdb2315678afecb367f032d93f642f64180aa3", serviceNodeRewards: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512", contributionFactory: null },
        walletConnectProjectId: null,
        walletConnectRelayUrl: null,
      },
      oxendRpcUrl: "http://127.0.0.1:22023/json_rpc",
    });
  });

  it("uses Arbitrum One's public RPC for wallets, never the indexer's own", () => {
    const config = readStakingConfig({ ...devnet, CHAIN_ID: "42161", RPC_URL: "https://private.example/key" });
    expect(config.client).toMatchObject({ chainName: "Arbitrum One", rpcUrl: "https://arb1.arbitrum.io/rpc", explorerUrl: "https://arbiscan.io" });
    expect(readStakingConfig({ ...devnet, CHAIN_ID: "42161", WALLET_RPC_URL: "https://rpc.example" }).client.rpcUrl).toBe("https://rpc.example");
  });

  it("offers WalletConnect only with a well-formed project id", () => {
    const projectId = "0123456789ABCDEF0123456789abcdef";
    expect(readStakingConfig({ ...devnet, WALLETCONNECT_PROJECT_ID: projectId }).client.walletConnectProjectId).toBe(projectId.toLowerCase());
    expect(readStakingConfig({ ...devnet, WALLETCONNECT_PROJECT_ID: "" }).client.walletConnectProjectId).toBeNull();
    expect(() => readStakingConfig({ ...devnet, WALLETCONNECT_PROJECT_ID: "my-project" })).toThrow(
      /WALLETCONNECT_PROJECT_ID="my-project": must be a WalletConnect Cloud project id \(32 hex characters\)/,
    );
    expect(() => readStakingConfig({ ...devnet, WALLETCONNECT_PROJECT_ID: `${projectId}0` })).toThrow(ConfigError);
  });

  it("takes a WalletConnect relay URL (ws or wss) only together with a project id", () => {
    const projectId = "0123456789abcdef0123456789abcdef";
    const withRelay = readStakingConfig({ ...devnet, WALLETCONNECT_PROJECT_ID: projectId, WALLETCONNECT_RELAY_URL: "ws://127.0.0.1:24600" });
    expect(withRelay.client).toMatchObject({ walletConnectProjectId: projectId, walletConnectRelayUrl: "ws://127.0.0.1:24600" });
    expect(readStakingConfig({ ...devnet, WALLETCONNECT_PROJECT_ID: projectId, WALLETCONNECT_RELAY_URL: "" }).client.walletConnectRelayUrl).toBeNull();
    expect(() => readStakingConfig({ ...devnet, WALLETCONNECT_PROJECT_ID: projectId, WALLETCONNECT_RELAY_URL: "https://relay.example" })).toThrow(
      /WALLETCONNECT_RELAY_URL="https:\/\/relay.example": must be a ws or wss URL/,
    );
    expect(() => readStakingConfig({ ...devnet, WALLETCONNECT_RELAY_URL: "wss://relay.example" })).toThrow(/WALLETCONNECT_PROJECT_ID is not/);
  });

  it("names each bad variable", () => {
    expect(() => readStakingConfig({ ...devnet, SESH_ADDRESS: "0x12", CHAIN_ID: "x" })).toThrow(ConfigError);
    expect(() => readStakingConfig({ ...devnet, SESH_ADDRESS: "0x12" })).toThrow(/SESH_ADDRESS="0x12": must be a 0x-prefixed 20-byte hex address/);
    expect(() => readStakingConfig({ ...devnet, CHAIN_ID: "5", RPC_URL: undefined })).toThrow(/WALLET_RPC_URL is required/);
  });
});
