import type { Address, PublicClient } from "viem";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ServiceNodeRecord } from "../../lib/staking/service-node-ledger";
import type { NetworkPlan, PlannedNode } from "../scenario/network-plan";
import { ChainNodeTracker } from "./chain-node-tracker";
import { nodeBehaviour, OXEND_BLOCK_SECONDS, type NodeBehaviour } from "./node-behaviour";
import { startOxendRpcServer, type SimulatedNetwork } from "./oxend-rpc-server";

/** Real public IPs of Session nodes (mainnet, 2026-01-22), with their real clustering. */
export function sampleNodeIps(): string[] {
  const file = path.resolve(import.meta.dirname, "../../lib/oxend/fixtures/get_service_nodes.active_only.mainnet.2026-01-22.json");
  const sample = JSON.parse(readFileSync(file, "utf8")) as { service_node_states: { public_ip: string }[] };
  return sample.service_node_states.map((s) => s.public_ip);
}

export interface RunningNodeSimulator {
  url: string;
  tracker: ChainNodeTracker;
  network: SimulatedNetwork;
  stop(): Promise<void>;
}

/**
 * Plays the Session nodes registered on the devnet: follows the chain every `syncMs` and serves
 * oxend's JSON-RPC about them. Time is the chain's: the simulated history and the live network
 * agree on when each node was up.
 */
export async function startNodeSimulator(opts: {
  client: PublicClient;
  rewardsAddress: Address;
  /** follows its contribution contracts too: nodes awaiting contributors are listed unfunded */
  contributionFactory?: Address;
  plan: NetworkPlan;
  /** the plan entry of the node with this ed25519 key, if the scenario registered it */
  plannedNodeFor: (ed25519Pubkey: string) => PlannedNode | undefined;
  port: number;
  stakingRequirement: bigint;
  extraMethods?: (network: SimulatedNetwork, tools: { tracker: ChainNodeTracker; syncNow(): Promise<void> }) => SimulatedNetwork["extraMethods"];
  syncMs?: number;
}): Promise<RunningNodeSimulator> {
  const tracker = new ChainNodeTracker(opts.client, opts.rewardsAddress, opts.contributionFactory);
  const ips = sampleNodeIps();
  const behaviours = new Map<string, NodeBehaviour>();
  let chainTime = Math.floor(Date.now() / 1000);
  // One sync at a time: the timer's and those a signing request asks for share one queue.
  let syncing: Promise<void> = Promise.resolve();
  const sync = () => {
    syncing = syncing.catch(() => {}).then(async () => {
      const { timestamp } = await tracker.sync();
      chainTime = Number(timestamp);
    });
    return syncing;
  };
  await sync();

  const network: SimulatedNetwork = {
    liveNodes: () => tracker.liveNodes(),
    awaitingContracts: () => tracker.awaitingContracts(),
    behaviourOf(node: ServiceNodeRecord) {
      let behaviour = behaviours.get(node.ed25519Pubkey);
      if (!behaviour) {
        behaviour = nodeBehaviour(node.ed25519Pubkey, ips, opts.plannedNodeFor(node.ed25519Pubkey));
        behaviours.set(node.ed25519Pubkey, behaviour);
      }
      return behaviour;
    },
    now: () => {
      // The chain only moves when a block is mined; between blocks, time runs on.
      const time = Math.max(chainTime, Math.floor(Date.now() / 1000));
      return { height: BigInt(Math.floor((time - opts.plan.startTime) / OXEND_BLOCK_SECONDS) + 1_000_000), time };
    },
    stakingRequirement: opts.stakingRequirement,
    maxContributors: 10,
  };
  network.extraMethods = opts.extraMethods?.(network, { tracker, syncNow: sync });
  const server = await startOxendRpcServer(network, opts.port);
  let pending = false;
  const timer = setInterval(() => {
    if (pending) return;
    pending = true;
    sync().catch(() => {}).finally(() => { pending = false; });
  }, opts.syncMs ?? 2_000);
  return {
    url: server.url,
    tracker,
    network,
    async stop() {
      clearInterval(timer);
      await server.stop();
    },
  };
}
