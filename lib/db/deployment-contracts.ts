import type { WebConfig } from "../config/web-config";
import { prisma } from "./prisma-client";

/** The deployment's contracts the token and reward pages account for, lower-case. */
export interface DeploymentContracts {
  sesh: string | null;
  serviceNodeRewards: string | null;
  rewardRatePool: string | null;
  vesting: string[];
  contributionContracts: string[];
}

/**
 * Configured addresses first; otherwise the emitters of the indexed events, so the pages also
 * work for an indexer database read without the indexer's configuration.
 */
export async function getDeploymentContracts(config: WebConfig["contracts"]): Promise<DeploymentContracts> {
  const rows = await prisma().$queryRaw<{ contract: string; address: string }[]>`
    SELECT DISTINCT contract, address FROM "ChainEvent"
    WHERE contract IN ('SESH', 'ServiceNodeRewards', 'RewardRatePool', 'TokenVestingStaking', 'ServiceNodeContribution')`;
  const emitters = (contract: string) => rows.filter((r) => r.contract === contract).map((r) => r.address);
  return {
    sesh: config.sesh ?? emitters("SESH")[0] ?? null,
    serviceNodeRewards: config.serviceNodeRewards ?? emitters("ServiceNodeRewards")[0] ?? null,
    rewardRatePool: config.rewardRatePool ?? emitters("RewardRatePool")[0] ?? null,
    vesting: [...new Set([...config.vesting, ...emitters("TokenVestingStaking")])].sort(),
    contributionContracts: emitters("ServiceNodeContribution").sort(),
  };
}
