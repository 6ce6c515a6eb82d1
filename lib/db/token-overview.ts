import type { WebConfig } from "../config/web-config";
import { genesisTranches, getCategoryPositions, getFoundationAllocationFlows, getPoolState, getTokenSupply, getVestingContracts } from "./token-queries";
import { getAsOf } from "./reward-queries";
import { getDeploymentContracts } from "./deployment-contracts";
import { projectNextYear } from "../tokens/pool-projection";
import { unlockTimeline } from "../tokens/unlock-schedule";

/** The category whose tokens may only run the foundation's nodes (up to 10% of the network). */
export const FOUNDATION_CATEGORY_ID = "treasury-session-nodes";

/** What /tokens and its downloads show, read once. */
export async function getTokenOverview(config: WebConfig) {
  const contracts = await getDeploymentContracts(config.contracts);
  const asOf = await getAsOf();
  const [supply, categories, pool] = await Promise.all([getTokenSupply(contracts, asOf.time), getCategoryPositions(contracts), getPoolState(contracts)]);
  const vesting = await getVestingContracts(contracts, supply.genesisAt);
  const foundationCategory = categories.find((c) => c.id === FOUNDATION_CATEGORY_ID) ?? null;
  const foundationFlows = foundationCategory?.wallet ? await getFoundationAllocationFlows(foundationCategory.wallet, config.foundationAddresses) : [];
  const unlocks = supply.genesisAt ? unlockTimeline(supply.genesisAt, genesisTranches()) : [];
  const projection = pool.lastReleaseAt || asOf.time
    ? projectNextYear({ balance: pool.balance, lastPaidOutAt: pool.lastReleaseAt ?? asOf.time!, intervalSeconds: pool.typicalIntervalSeconds })
    : [];
  return { contracts, asOf, supply, categories, pool, vesting, foundationCategory, foundationFlows, unlocks, projection };
}
