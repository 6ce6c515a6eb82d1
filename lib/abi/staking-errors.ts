import type { Abi } from "viem";
import { serviceNodeContributionAbi } from "./service-node-contribution-abi";
import { serviceNodeContributionFactoryAbi } from "./service-node-contribution-factory-abi";
import { serviceNodeRewardsAbi } from "./service-node-rewards-abi";
import { seshl2Abi } from "./seshl2-abi";

/**
 * Every custom error of the staking contracts and SESH, deduplicated: a revert deep in a call
 * (SESH inside ServiceNodeRewards inside a contribution contract) bubbles up unchanged, so the
 * caller's ABI alone cannot always name it.
 */
export const stakingErrorAbi: Abi = (() => {
  const seen = new Set<string>();
  return [...serviceNodeRewardsAbi, ...serviceNodeContributionAbi, ...serviceNodeContributionFactoryAbi, ...seshl2Abi].filter((item) => {
    if (item.type !== "error") return false;
    const key = `${item.name}(${item.inputs.map((i) => i.type).join(",")})`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
})();
