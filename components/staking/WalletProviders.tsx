"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
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
  const { walletConnectProjectId, walletConnectRelayUrl } = config;
  useEffect(() => {
    if (!walletConnectProjectId) return;
    let cancelled = false;
    // Imported only when a project id is configured, so without one no WalletConnect code reaches the browser.
    void import("wagmi/connectors/walletConnect").then(({ walletConnect }) => {
      if (cancelled) return;
      if (state.wagmiConfig.connectors.some((c) => c.type === walletConnect.type)) return;
      // The same route wagmi itself takes to add EIP-6963 wallets after the config exists.
      const connectors = state.wagmiConfig._internal.connectors;
      const connector = connectors.setup(
        walletConnect({
          projectId: walletConnectProjectId,
          ...(walletConnectRelayUrl ? { relayUrl: walletConnectRelayUrl } : {}),
          // The page draws the pairing QR code itself (WalletConnectPairing): WalletConnect's modal
          // would load Reown's AppKit and its wallet list from the internet.
          showQrModal: false,
          // No usage events to WalletConnect's analytics endpoint.
          telemetryEnabled: false,
          metadata: { name: "Session Network Explorer", description: "Stake Session nodes", url: window.location.origin, icons: [] },
        }),
      );
      connectors.setState((current) => [...current, connector]);
    });
    return () => {
      cancelled = true;
    };
  }, [walletConnectProjectId, walletConnectRelayUrl, state.wagmiConfig]);
  return (
    <WagmiProvider config={state.wagmiConfig}>
      <QueryClientProvider client={state.queryClient}>
        <StakingContext.Provider value={{ config, chain: state.chain }}>{children}</StakingContext.Provider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
