import type { ReactNode } from "react";
import { WalletProviders } from "../../components/staking/WalletProviders";
import { ConfigError } from "../../lib/config/env-schemas";
import { readStakingConfig, type StakingServerConfig } from "../../lib/config/staking-config";

export const dynamic = "force-dynamic";

/** Only the wallet pages (/stake, /my-nodes) load wagmi: the explorer's pages stay light. */
export default function WalletLayout({ children }: { children: ReactNode }) {
  let config: StakingServerConfig;
  try {
    config = readStakingConfig();
  } catch (error) {
    return (
      <div className="notice notice-warning" role="alert">
        <strong>Staking is not available on this server.</strong> {error instanceof ConfigError ? error.issues.join("; ") : (error as Error).message}
      </div>
    );
  }
  return <WalletProviders config={config.client}>{children}</WalletProviders>;
}
