import { decodeFunctionData, type Address, type Hash, type PublicClient } from "viem";
import { serviceNodeRewardsAbi } from "../abi/service-node-rewards-abi";
import type { JsonArgValue } from "../events/decode-session-log";
import type { SeededNodeDetails } from "../staking/service-node-ledger";

type SeedEntry = {
  blsPubkey: { X: bigint; Y: bigint };
  contributors: readonly { staker: { addr: Address; beneficiary: Address }; stakedAmount: bigint }[];
};

const toDetails = (contributors: SeedEntry["contributors"], operator?: string): SeededNodeDetails => ({
  operator: (operator ?? contributors[0]?.staker.addr ?? "0x0000000000000000000000000000000000000000").toLowerCase(),
  contributors: contributors.map((c) => ({ staker: c.staker.addr.toLowerCase(), beneficiary: c.staker.beneficiary.toLowerCase(), amount: c.stakedAmount })),
});

/** The seeded node with this BLS key in a `seedPublicKeyList` call's input, if it is one. */
export function seededNodeFromCalldata(input: `0x${string}`, blsPubkey: { X: bigint; Y: bigint }): SeededNodeDetails | undefined {
  try {
    const call = decodeFunctionData({ abi: serviceNodeRewardsAbi, data: input });
    if (call.functionName !== "seedPublicKeyList") return undefined;
    const entry = (call.args[0] as readonly SeedEntry[]).find((n) => n.blsPubkey.X === blsPubkey.X && n.blsPubkey.Y === blsPubkey.Y);
    return entry ? toDetails(entry.contributors) : undefined;
  } catch {
    return undefined;
  }
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
  /** one seeding transaction carries up to hundreds of nodes: callers may share fetched ones */
  transactions: Map<string, Promise<{ to: Address | null; input: `0x${string}` }>> = new Map(),
): Promise<SeededNodeDetails> {
  const pubkey = seed.args.blsPubkey as { X: string; Y: string };
  const blsPubkey = { X: BigInt(pubkey.X), Y: BigInt(pubkey.Y) };
  let pending = transactions.get(seed.txHash);
  if (!pending) {
    pending = client.getTransaction({ hash: seed.txHash as Hash });
    transactions.set(seed.txHash, pending);
  }
  const tx = await pending;
  const fromInput = tx.to?.toLowerCase() === rewards.toLowerCase() ? seededNodeFromCalldata(tx.input, blsPubkey) : undefined;
  if (fromInput) return fromInput;
  const serviceNodeID = BigInt(String(seed.args.serviceNodeID));
  const node = await client.readContract({ address: rewards, abi: serviceNodeRewardsAbi, functionName: "serviceNodes", args: [serviceNodeID], blockNumber: seed.blockNumber });
  return toDetails(node.contributors, node.operator);
}
