"use client";
import { createContext, useContext } from "react";
import type { Chain } from "viem";
import type { StakingClientConfig } from "../../lib/config/staking-config";

export interface StakingContextValue {
  config: StakingClientConfig;
  chain: Chain;
}

export const StakingContext = createContext<StakingContextValue | null>(null);

/** The chain and contracts the staking pages work with (from the server's configuration). */
export function useStaking(): StakingContextValue {
  const value = useContext(StakingContext);
  if (!value) throw new Error("useStaking needs <WalletProviders> above it");
  return value;
}
