import { decodeFunctionData, type Address, type Hash, type PublicClient } from "viem";
import { serviceNodeRewardsAbi } from "../abi/service-node-rewards-abi";
import type { JsonArgValue } from "../events/decode-session-log";
import type { SeededNodeDetails } from "../staking/service-node-ledger";

type SeedEntry = {
  blsPubkey: { X: bigint; Y: bigint };
  contributors: readonly { staker: { addr: Address; beneficiary: Address }; stakedAmount: bigint }[];
};

/** A fetched seeding transaction, its input decoded once for all the nodes it seeded. */
export interface SeedingTransaction {
  to: Address | null;
  /** seeded nodes by BLS key (`X/Y` in decimal); undefined when the input is no `seedPublicKeyList` */
  seeded: Map<string, SeededNodeDetails> | undefined;
}

const toDetails = (contributors: SeedEntry["contributors"], operator?: string): SeededNodeDetails => ({
  operator: (operator ?? contributors[0]?.staker.addr ?? "0x0000000000000000000000000000000000000000").toLowerCase(),
  contributors: contributors.map((c) => ({ staker: c.staker.addr.toLowerCase(), beneficiary: c.staker.beneficiary.toLowerCase(), amount: c.stakedAmount })),
});

const keyOf = (blsPubkey: { X: bigint; Y: bigint }) => `${blsPubkey.X}/${blsPubkey.Y}`;

/** Every node a `seedPublicKeyList` call's input seeds, by BLS key; undefined for any other input. */
export function seededNodesInCalldata(input: `0x${string}`): Map<string, SeededNodeDetails> | undefined {
  try {
    const call = decodeFunctionData({ abi: serviceNodeRewardsAbi, data: input });
    if (call.functionName !== "seedPublicKeyList") return undefined;
    return new Map((call.args[0] as readonly SeedEntry[]).map((entry) => [keyOf(entry.blsPubkey), toDetails(entry.contributors)]));
  } catch {
    return undefined;
  }
}

/** The seeded node with this BLS key in a `seedPublicKeyList` call's input, if it is one. */
export function seededNodeFromCalldata(input: `0x${string}`, blsPubkey: { X: bigint; Y: bigint }): SeededNodeDetails | undefined {
  return seededNodesInCalldata(input)?.get(keyOf(blsPubkey));
}

/**
 * Who owns a node seeded at launch: `NewSeededServiceNode` names only its keys. Read from the
 * seeding transaction's input (works on any node, archive or not), else from serviceNodes(id)
 * at the seeding block. `seed` is the event as decoded (JSON args) with where it was emitted.
 */
export async function readSeededNode(
  client: PublicClient,
  rewards: Address,
  seed: { args: Record<string, JsonArgValue>; txHash: string; blockNumber: bigint },
  /** one seeding transaction carries up to hundreds of nodes: callers share fetched and decoded ones */
  transactions: Map<string, Promise<SeedingTransaction>> = new Map(),
): Promise<SeededNodeDetails> {
  const pubkey = seed.args.blsPubkey as { X: string; Y: string };
  const blsPubkey = { X: BigInt(pubkey.X), Y: BigInt(pubkey.Y) };
  let pending = transactions.get(seed.txHash);
  if (!pending) {
    pending = client.getTransaction({ hash: seed.txHash as Hash }).then((tx) => ({
      to: tx.to,
      seeded: tx.to?.toLowerCase() === rewards.toLowerCase() ? seededNodesInCalldata(tx.input) : undefined,
    }));
    // A failed fetch must not stay cached: the caller retries.
    pending.catch(() => transactions.delete(seed.txHash));
    transactions.set(seed.txHash, pending);
  }
  const fromInput = (await pending).seeded?.get(keyOf(blsPubkey));
  if (fromInput) return fromInput;
  const serviceNodeID = BigInt(String(seed.args.serviceNodeID));
  const node = await client.readContract({ address: rewards, abi: serviceNodeRewardsAbi, functionName: "serviceNodes", args: [serviceNodeID], blockNumber: seed.blockNumber });
  return toDetails(node.contributors, node.operator);
}
