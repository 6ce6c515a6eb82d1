import type { Address, PublicClient } from "viem";
import { serviceNodeRewardsAbi } from "../../lib/abi/service-node-rewards-abi";
import { readSeededNode } from "../../lib/chain/read-seeded-node";
import { decodeSessionLog } from "../../lib/events/decode-session-log";
import {
  applyServiceNodeEvent,
  serviceNodeEventNames,
  type SeededNodeDetails,
  type ServiceNodeRecord,
} from "../../lib/staking/service-node-ledger";

const PAGE_BLOCKS = 50n;
const nodeEvents = serviceNodeRewardsAbi.filter((e) => e.type === "event" && serviceNodeEventNames.has(e.name));

/**
 * The simulator's view of which nodes are registered: it reads ServiceNodeRewards' events
 * straight from the chain, as a real oxend follows the contract, never the explorer's database.
 */
export class ChainNodeTracker {
  readonly nodes = new Map<bigint, ServiceNodeRecord>();
  private nextBlock = 0n;
  private readonly seedingTransactions = new Map();

  constructor(
    private readonly client: PublicClient,
    private readonly rewardsAddress: Address,
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
      this.nextBlock = to + 1n;
    }
    return { head: head.number!, timestamp: head.timestamp };
  }

  /** Nodes still in the contract's list: active or waiting for their exit. */
  liveNodes(): ServiceNodeRecord[] {
    return [...this.nodes.values()].filter((n) => n.state === "active" || n.state === "exit_requested");
  }
}
