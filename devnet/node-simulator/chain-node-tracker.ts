import type { Address, PublicClient } from "viem";
import { readSeededNode } from "../../lib/chain/read-seeded-node";
import { decodeSessionLog } from "../../lib/events/decode-session-log";
import {
  applyServiceNodeEvent,
  serviceNodeEventNames,
  type SeededNodeDetails,
  type ServiceNodeRecord,
} from "../../lib/staking/service-node-ledger";

/**
 * The simulator's view of which nodes are registered: it reads ServiceNodeRewards' events
 * straight from the chain, as a real oxend follows the contract, never the explorer's database.
 */
export class ChainNodeTracker {
  readonly nodes = new Map<bigint, ServiceNodeRecord>();
  private nextBlock = 0n;

  constructor(
    private readonly client: PublicClient,
    private readonly rewardsAddress: Address,
  ) {}

  /** Reads events up to the chain's head; returns the head's timestamp. */
  async sync(): Promise<{ head: bigint; timestamp: bigint }> {
    const head = await this.client.getBlock({ blockTag: "latest" });
    if (head.number! >= this.nextBlock) {
      const logs = await this.client.getLogs({ address: this.rewardsAddress, fromBlock: this.nextBlock, toBlock: head.number! });
      for (const log of logs) {
        const decoded = decodeSessionLog("ServiceNodeRewards", log);
        if (!serviceNodeEventNames.has(decoded.eventName)) continue;
        let seeded: SeededNodeDetails | undefined;
        if (decoded.eventName === "NewSeededServiceNode") {
          const pubkey = decoded.args.blsPubkey as { X: string; Y: string };
          seeded = await readSeededNode(this.client, this.rewardsAddress, {
            serviceNodeID: BigInt(String(decoded.args.serviceNodeID)),
            blsPubkey: { X: BigInt(pubkey.X), Y: BigInt(pubkey.Y) },
            txHash: log.transactionHash!,
            blockNumber: log.blockNumber!,
          });
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
      this.nextBlock = head.number! + 1n;
    }
    return { head: head.number!, timestamp: head.timestamp };
  }

  /** Nodes still in the contract's list: active or waiting for their exit. */
  liveNodes(): ServiceNodeRecord[] {
    return [...this.nodes.values()].filter((n) => n.state === "active" || n.state === "exit_requested");
  }
}
