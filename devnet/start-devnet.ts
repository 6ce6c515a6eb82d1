import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startLocalChain } from "./local-chain";
import { networkSignatureMethods } from "./node-simulator/network-signatures";
import { startNodeSimulator } from "./node-simulator/run-node-simulator";
import { bn254NetworkSigner } from "./scenario/bn254-network-signer";
import { deployDevnetContracts } from "./scenario/deploy-devnet";
import { devnetClients } from "./scenario/devnet-rpc";
import { defaultScenarioConfig, planNetwork, type PlannedNode } from "./scenario/network-plan";
import { runLiveNetwork } from "./scenario/live-network";
import { writeHistory, type DevnetDeployment } from "./scenario/write-history";

export const DEVNET_CHAIN_ID = 31337;

export interface RunningDevnet {
  /** what the indexer and web app need to find this devnet */
  env: Record<string, string>;
  /** last block of the simulated history: the indexer has caught up once past it */
  historyEndBlock: bigint;
  liveNodeCount(): number;
  stop(): Promise<void>;
}

interface DevnetRecord {
  deployment: Omit<DevnetDeployment, "startBlock"> & { startBlock: string };
  historyEndBlock: string;
  scenario: { seed: string; nodeCount: number; months: number; foundationShare: number; endTime: number };
}

const midnightUtc = (unixSeconds: number) => Math.floor(unixSeconds / 86_400) * 86_400;

/**
 * Starts the devnet: anvil with its state under `dataDir`; on first start the contracts and the
 * seeded months of history; then the node simulator and the live network. A later start loads
 * the chain as it was left and carries on.
 */
export async function startDevnet(opts: {
  dataDir: string;
  rpcPort: number;
  oxendPort: number;
  scenario: { seed: string; nodeCount: number; months: number; foundationShare: number; blockSeconds: number };
  log: (line: string) => void;
  /** passed to the chain (local-chain.ts): the indexer benchmark keeps anvil's periodic writes out of its timing */
  saveStateEvery?: number | false;
}): Promise<RunningDevnet> {
  const recordFile = path.join(opts.dataDir, "devnet.json");
  const stateFile = path.join(opts.dataDir, "chain-state.json");
  let record: DevnetRecord | undefined = existsSync(recordFile) && existsSync(stateFile)
    ? (JSON.parse(await readFile(recordFile, "utf8")) as DevnetRecord)
    : undefined;
  const scenario = record?.scenario ?? {
    ...defaultScenarioConfig(midnightUtc(Math.floor(Date.now() / 1000))),
    seed: opts.scenario.seed,
    nodeCount: opts.scenario.nodeCount,
    months: opts.scenario.months,
    foundationShare: opts.scenario.foundationShare,
  };
  const plan = planNetwork(scenario);
  const chain = await startLocalChain({
    port: opts.rpcPort,
    chainId: DEVNET_CHAIN_ID,
    stateFile,
    saveStateEvery: opts.saveStateEvery,
    genesisTimestamp: plan.startTime - 86_400,
  });
  const clients = devnetClients(chain.rpcUrl, DEVNET_CHAIN_ID);
  const stops: (() => Promise<void>)[] = [chain.stop];
  try {
    if (!record) {
      const started = Date.now();
      opts.log(`devnet: deploying contracts and writing ${scenario.months} months of history for ${scenario.nodeCount} nodes (seed "${scenario.seed}")`);
      const deployment = await deployDevnetContracts({ clients, plan, at: plan.startTime - 3_600 });
      const signer = bn254NetworkSigner({ seed: scenario.seed, chainId: DEVNET_CHAIN_ID, rewardsContract: deployment.addresses.serviceNodeRewards });
      const history = await writeHistory({ clients, deployment, plan, signer, log: opts.log });
      record = {
        deployment: { ...deployment, startBlock: deployment.startBlock.toString() },
        historyEndBlock: history.endBlock.toString(),
        scenario,
      };
      await writeFile(recordFile, JSON.stringify(record, null, 2));
      opts.log(`devnet: history written in ${((Date.now() - started) / 1000).toFixed(0)} s: ${history.txCount} transactions up to block ${history.endBlock}`);
    } else {
      opts.log(`devnet: resuming the chain in ${path.relative(process.cwd(), stateFile)}`);
    }
    const deployment: DevnetDeployment = { ...record.deployment, startBlock: BigInt(record.deployment.startBlock) };
    const signer = bn254NetworkSigner({ seed: scenario.seed, chainId: DEVNET_CHAIN_ID, rewardsContract: deployment.addresses.serviceNodeRewards });
    const plannedByKey = new Map<string, PlannedNode>();
    for (const node of plan.nodes) plannedByKey.set(signer.nodeKeys(node.index).ed25519Pubkey.toString(16).padStart(64, "0"), node);
    // The scenario's vesting wallets run nodes with keys past the plan's (see write-history.ts).
    const vestingKeys = new Map<string, number>();
    for (let v = 0; v < deployment.vesting.length; v++) {
      const index = plan.nodes.length + 1_000 + v;
      vestingKeys.set(signer.nodeKeys(index).ed25519Pubkey.toString(16).padStart(64, "0"), index);
    }

    const simulator = await startNodeSimulator({
      client: clients.public,
      rewardsAddress: deployment.addresses.serviceNodeRewards,
      contributionFactory: deployment.addresses.contributionFactory,
      plan,
      plannedNodeFor: (key) => plannedByKey.get(key),
      port: opts.oxendPort,
      stakingRequirement: plan.stakingRequirement,
      extraMethods: (network, { tracker, syncNow }) =>
        networkSignatureMethods({
          network,
          client: clients.public,
          rewardsAddress: deployment.addresses.serviceNodeRewards,
          signer,
          keyIndexOf: (key) => plannedByKey.get(key)?.index ?? vestingKeys.get(key),
          allNodes: () => [...tracker.nodes.values()],
          syncNow,
        }),
    });
    stops.push(simulator.stop);
    const live = runLiveNetwork({ clients, deployment, plan, blockSeconds: opts.scenario.blockSeconds, log: opts.log });
    stops.push(live.stop);
    opts.log(`devnet: chain at ${chain.rpcUrl}, oxend JSON-RPC at ${simulator.url}`);

    const foundation = plan.foundationAddresses.map((a) => a.toLowerCase());
    return {
      env: {
        RPC_URL: chain.rpcUrl,
        CHAIN_ID: String(DEVNET_CHAIN_ID),
        SESH_ADDRESS: deployment.addresses.sesh,
        SERVICE_NODE_REWARDS_ADDRESS: deployment.addresses.serviceNodeRewards,
        REWARD_RATE_POOL_ADDRESS: deployment.addresses.rewardRatePool,
        CONTRIBUTION_FACTORY_ADDRESS: deployment.addresses.contributionFactory,
        VESTING_ADDRESSES: deployment.addresses.vesting.join(","),
        START_BLOCK: deployment.startBlock.toString(),
        OXEND_RPC_URL: simulator.url,
        FOUNDATION_ADDRESSES: foundation.join(","),
        // The devnet never reorgs by itself; tests that inject reorgs set their own depth.
        FINALITY_DEPTH: "0",
        // Blocks here are dense (a 6-hour bucket of history each): start with a short range
        // and let it grow, rather than one answer holding the whole history.
        LOG_RANGE: "50",
        POLL_INTERVAL_MS: "1000",
        HEARTBEAT_INTERVAL_MS: "10000",
      },
      historyEndBlock: BigInt(record.historyEndBlock),
      liveNodeCount: () => simulator.tracker.liveNodes().length,
      async stop() {
        for (const stop of stops.reverse()) await stop().catch(() => {});
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw error;
  }
}

