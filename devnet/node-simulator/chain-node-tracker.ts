import type { Address, Log, PublicClient } from "viem";
import { serviceNodeContributionFactoryAbi } from "../../lib/abi/service-node-contribution-factory-abi";
import { serviceNodeRewardsAbi } from "../../lib/abi/service-node-rewards-abi";
import { readContributionContract } from "../../lib/chain/read-contribution-contract";
import { readSeededNode } from "../../lib/chain/read-seeded-node";
import { decodeSessionLog, type WatchedContract } from "../../lib/events/decode-session-log";
import type { IndexedEvent } from "../../lib/events/indexed-event";
import { applyContributionEvent, type ContributionContractRecord } from "../../lib/staking/contribution-ledger";
import {
  applyServiceNodeEvent,
  serviceNodeEventNames,
  type SeededNodeDetails,
  type ServiceNodeRecord,
} from "../../lib/staking/service-node-ledger";

const PAGE_BLOCKS = 50n;
const nodeEvents = serviceNodeRewardsAbi.filter((e) => e.type === "event" && serviceNodeEventNames.has(e.name));
const contractCreated = serviceNodeContributionFactoryAbi.filter((e) => e.type === "event" && e.name === "NewServiceNodeContributionContract");

const indexedEvent = (contract: WatchedContract, log: Log): IndexedEvent => {
  const decoded = decodeSessionLog(contract, log);
  const stamp = (log as { blockTimestamp?: bigint | string }).blockTimestamp;
  return {
    address: log.address.toLowerCase(),
    contract,
    eventName: decoded.eventName,
    args: decoded.args,
    blockNumber: log.blockNumber!,
    blockTime: new Date(Number(BigInt(stamp ?? 0)) * 1000),
    txHash: log.transactionHash!,
  };
};

/**
 * The simulator's view of which nodes are registered: it reads ServiceNodeRewards' events
 * straight from the chain, as a real oxend follows the contract, never the explorer's database.
 * With the contribution factory's address it also follows the contribution contracts, whose
 * nodes oxend lists as not yet funded.
 */
export class ChainNodeTracker {
  readonly nodes = new Map<bigint, ServiceNodeRecord>();
  /** contribution contracts by lowercase address; finalized ones stay, no longer followed */
  readonly contracts = new Map<string, ContributionContractRecord>();
  private nextBlock = 0n;
  private readonly seedingTransactions = new Map();

  constructor(
    private readonly client: PublicClient,
    private readonly rewardsAddress: Address,
    private readonly contributionFactory?: Address,
  ) {}

  /** Reads events up to the chain's head; returns the head's timestamp. */
  async sync(): Promise<{ head: bigint; timestamp: bigint }> {
    const head = await this.client.getBlock({ blockTag: "latest" });
    // Only the events that change a node, a few hundred blocks at a time: a long history's
    // rewards and transfers would not fit in one answer.
    for (let from = this.nextBlock; from <= head.number!; from += PAGE_BLOCKS) {
      const to = from + PAGE_BLOCKS - 1n < head.number! ? from + PAGE_BLOCKS - 1n : head.number!;
      const logs = await this.client.getLogs({ address: this.rewardsAddress, fromBlock: from, toBlock: to, events: nodeEvents });
      for (const log of logs) {
        const decoded = decodeSessionLog("ServiceNodeRewards", log);
        if (!serviceNodeEventNames.has(decoded.eventName)) continue;
        let seeded: SeededNodeDetails | undefined;
        if (decoded.eventName === "NewSeededServiceNode") {
          seeded = await readSeededNode(this.client, this.rewardsAddress, { args: decoded.args, txHash: log.transactionHash!, blockNumber: log.blockNumber! }, this.seedingTransactions);
        }
        const stamp = (log as { blockTimestamp?: bigint | string }).blockTimestamp;
        applyServiceNodeEvent(
          this.nodes,
          {
            eventName: decoded.eventName,
            args: decoded.args,
            blockNumber: log.blockNumber!,
            blockTime: new Date(Number(BigInt(stamp ?? 0)) * 1000),
            txHash: log.transactionHash!,
          },
          seeded,
        );
      }
      await this.syncContributions(from, to);
      this.nextBlock = to + 1n;
    }
    return { head: head.number!, timestamp: head.timestamp };
  }

  /** The factory's new contracts in [from, to], then the events of every contract not yet finalized. */
  private async syncContributions(fromBlock: bigint, toBlock: bigint): Promise<void> {
    if (!this.contributionFactory) return;
    const created = await this.client.getLogs({ address: this.contributionFactory, fromBlock, toBlock, events: contractCreated });
    const details = await Promise.all(created.map(async (log) => {
      const event = indexedEvent("ServiceNodeContributionFactory", log);
      return { event, details: await readContributionContract(this.client, { address: event.address, args: event.args, txHash: event.txHash, blockNumber: event.blockNumber }) };
    }));
    for (const { event, details: d } of details) applyContributionEvent(this.contracts, event, d);
    // Each contract's events only change that contract: their order among contracts does not matter.
    const followed = [...this.contracts.values()].filter((c) => c.status !== "finalized").map((c) => c.address as Address);
    if (followed.length === 0) return;
    const logs = await this.client.getLogs({ address: followed, fromBlock, toBlock });
    for (const log of logs) applyContributionEvent(this.contracts, indexedEvent("ServiceNodeContribution", log));
  }

  /** Contracts with a stake in but not finalized: nodes waiting for contributors (or the operator's finalize). */
  awaitingContracts(): ContributionContractRecord[] {
    return [...this.contracts.values()].filter((c) => c.status === "open" || c.status === "filled");
  }

  /** Nodes still in the contract's list: active or waiting for their exit. */
  liveNodes(): ServiceNodeRecord[] {
    return [...this.nodes.values()].filter((n) => n.state === "active" || n.state === "exit_requested");
  }
}
