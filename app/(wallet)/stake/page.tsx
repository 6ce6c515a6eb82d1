import type { Metadata } from "next";
import { RegisterSoloNode } from "../../../components/staking/RegisterSoloNode";
import { WalletPanel } from "../../../components/staking/WalletPanel";

export const metadata: Metadata = { title: "Stake" };

export default function StakePage() {
  return (
    <>
      <h1>Stake</h1>
      <p className="lede">
        Run a Session node: connect the wallet that will operate it, paste the registration your node prepared, and stake. Every transaction is checked against the contract
        before your wallet is asked to sign it.
      </p>
      <div className="staking-layout">
        <WalletPanel />
        <RegisterSoloNode />
      </div>
    </>
  );
}
