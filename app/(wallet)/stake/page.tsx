import type { Metadata } from "next";
import { ContributionContracts } from "../../../components/staking/ContributionContracts";
import { OpenMultiNode } from "../../../components/staking/OpenMultiNode";
import { RegisterSoloNode } from "../../../components/staking/RegisterSoloNode";
import { WalletPanel } from "../../../components/staking/WalletPanel";

export const metadata: Metadata = { title: "Stake" };

export default function StakePage() {
  return (
    <>
      <h1>Stake</h1>
      <p className="lede">
        Run a Session node or join one: connect your wallet, paste the registration your node prepared, or contribute to a node that awaits stake. Every transaction is checked
        against the contract before your wallet is asked to sign it.
      </p>
      <div className="staking-layout">
        <WalletPanel />
        <div className="staking-flows">
          <RegisterSoloNode />
          <OpenMultiNode />
        </div>
      </div>
      <ContributionContracts />
    </>
  );
}
