import type { Metadata } from "next";
import { MyNodes } from "../../../components/staking/MyNodes";
import { RewardsPanel } from "../../../components/staking/RewardsPanel";
import { WalletPanel } from "../../../components/staking/WalletPanel";

export const metadata: Metadata = { title: "My nodes" };

export default function MyNodesPage() {
  return (
    <>
      <h1>My nodes</h1>
      <p className="lede">The nodes your wallet operates or has stake in, your rewards, and when each node can exit.</p>
      <div className="staking-layout">
        <WalletPanel />
        <RewardsPanel />
      </div>
      <MyNodes />
    </>
  );
}
