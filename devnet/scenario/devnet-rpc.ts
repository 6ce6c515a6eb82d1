import { createPublicClient, createTestClient, createWalletClient, http, type PublicClient, type TestClient, type WalletClient } from "viem";
import { foundry } from "viem/chains";

export interface DevnetClients {
  public: PublicClient;
  test: TestClient<"anvil">;
  wallet: WalletClient;
}

/** Clients for the devnet chain (anvil); the wallet sends from any address (auto-impersonate). */
export function devnetClients(rpcUrl: string, chainId: number): DevnetClients {
  const chain = { ...foundry, id: chainId };
  // Local chain, large history: answers beyond viem's 10 MB default are expected here.
  const transport = http(rpcUrl, { timeout: 120_000, retryCount: 0, maxResponseBodySize: 512 * 1024 * 1024 });
  return {
    public: createPublicClient({ chain, transport, pollingInterval: 50 }) as PublicClient,
    test: createTestClient({ chain, transport, mode: "anvil" }),
    wallet: createWalletClient({ chain, transport }),
  };
}
