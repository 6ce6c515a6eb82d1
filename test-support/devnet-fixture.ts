import { startLocalChain, type LocalChain } from "../devnet/local-chain";
import { findFreePort } from "../devnet/port-check";
import { bn254NetworkSigner } from "../devnet/scenario/bn254-network-signer";
import { deployDevnetContracts } from "../devnet/scenario/deploy-devnet";
import { devnetClients, type DevnetClients } from "../devnet/scenario/devnet-rpc";
import { planNetwork, type NetworkPlan, type ScenarioConfig } from "../devnet/scenario/network-plan";
import { writeHistory, type DevnetDeployment } from "../devnet/scenario/write-history";
import { buildContracts } from "../contracts/build";

export interface DevnetFixture {
  chain: LocalChain;
  clients: DevnetClients;
  deployment: DevnetDeployment;
  plan: NetworkPlan;
  endBlock: bigint;
  stop(): Promise<void>;
}

/** A real anvil with the devnet contracts and a small seeded history, for integration tests. */
export async function startDevnetFixture(scenario: Partial<ScenarioConfig> = {}): Promise<DevnetFixture> {
  await buildContracts();
  const config: ScenarioConfig = { seed: "fixture", nodeCount: 60, months: 4, foundationShare: 0.085, endTime: 1_780_000_000, ...scenario };
  const plan = planNetwork(config);
  const chain = await startLocalChain({ port: await findFreePort(), chainId: 31337, genesisTimestamp: plan.startTime - 86_400 });
  const clients = devnetClients(chain.rpcUrl, 31337);
  const deployment = await deployDevnetContracts({ clients, plan, at: plan.startTime - 3_600 });
  const signer = bn254NetworkSigner({ seed: config.seed, chainId: 31337, rewardsContract: deployment.addresses.serviceNodeRewards });
  const { endBlock } = await writeHistory({ clients, deployment, plan, signer });
  return { chain, clients, deployment, plan, endBlock, stop: chain.stop };
}

/** Indexer environment for a fixture chain and a test database. */
export function indexerEnvFor(fixture: DevnetFixture, databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  const a = fixture.deployment.addresses;
  return {
    DATABASE_URL: databaseUrl,
    RPC_URL: fixture.chain.rpcUrl,
    CHAIN_ID: "31337",
    SESH_ADDRESS: a.sesh,
    SERVICE_NODE_REWARDS_ADDRESS: a.serviceNodeRewards,
    REWARD_RATE_POOL_ADDRESS: a.rewardRatePool,
    CONTRIBUTION_FACTORY_ADDRESS: a.contributionFactory,
    VESTING_ADDRESSES: a.vesting.join(","),
    START_BLOCK: fixture.deployment.startBlock.toString(),
    OXEND_RPC_URL: "http://127.0.0.1:9/json_rpc",
    FINALITY_DEPTH: "0",
    POLL_INTERVAL_MS: "50",
    ...extra,
  };
}
