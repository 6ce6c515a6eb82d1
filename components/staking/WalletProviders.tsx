"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { defineChain } from "viem";
import { createConfig, http, WagmiProvider } from "wagmi";
import { injected } from "wagmi/connectors";
import type { StakingClientConfig } from "../../lib/config/staking-config";
import { StakingContext } from "./staking-context";

/** wagmi + react-query for the wallet pages only: other pages never load this code. */
export function WalletProviders({ config, children }: { config: StakingClientConfig; children: ReactNode }) {
  const [state] = useState(() => {
    const chain = defineChain({
      id: config.chainId,
      name: config.chainName,
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [config.rpcUrl] } },
      ...(config.explorerUrl ? { blockExplorers: { default: { name: "Explorer", url: config.explorerUrl } } } : {}),
    });
    const wagmiConfig = createConfig({
      chains: [chain],
      // EIP-6963 discovery lists every installed wallet by name; `injected` covers older ones.
      multiInjectedProviderDiscovery: true,
      connectors: [injected({ shimDisconnect: true })],
      transports: { [chain.id]: http(config.rpcUrl) },
      ssr: true,
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 4_000, refetchOnWindowFocus: true } } });
    return { chain, wagmiConfig, queryClient };
  });
  return (
    <WagmiProvider config={state.wagmiConfig}>
      <QueryClientProvider client={state.queryClient}>
        <StakingContext.Provider value={{ config, chain: state.chain }}>{children}</StakingContext.Provider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
