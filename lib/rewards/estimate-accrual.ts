import { splitNodeReward, type StakeShare } from "./split-node-reward";

/** A node as the accrual estimate needs it: when it earned, its fee and its stakes (by beneficiary). */
export interface EarningNode {
  id: bigint;
  feeBasisPoints: number;
  /** beneficiaries and amounts, the operator's first */
  stakes: StakeShare[];
  from: Date;
  /** null while it is live */
  to: Date | null;
}

/** Seconds a node was live within [from, to). */
export function overlapSeconds(node: { from: Date; to: Date | null }, from: Date, to: Date): bigint {
  const start = Math.max(node.from.getTime(), from.getTime());
  const end = Math.min(node.to?.getTime() ?? to.getTime(), to.getTime());
  return end > start ? BigInt(Math.floor((end - start) / 1000)) : 0n;
}

/**
 * What `recipient` accrued from `nodes` over a bucket, as the network splits rewards: the
 * bucket's release shared equally per live node-second (`networkNodeSeconds`), then within each
 * node by fee and stake. An estimate: the chain only records accruals when they are credited.
 */
export function estimateAccrual(opts: {
  recipient: string;
  nodes: EarningNode[];
  released: bigint;
  networkNodeSeconds: bigint;
  from: Date;
  to: Date;
}): { accrued: bigint; stakeSeconds: bigint; byNode: Map<bigint, bigint> } {
  const byNode = new Map<bigint, bigint>();
  let accrued = 0n;
  let stakeSeconds = 0n;
  for (const node of opts.nodes) {
    const seconds = overlapSeconds(node, opts.from, opts.to);
    if (seconds === 0n) continue;
    const own = node.stakes.filter((s) => s.address === opts.recipient).reduce((t, s) => t + s.amount, 0n);
    stakeSeconds += own * seconds;
    if (opts.networkNodeSeconds === 0n) continue;
    const nodeReward = (opts.released * seconds) / opts.networkNodeSeconds;
    const share = splitNodeReward(nodeReward, node.feeBasisPoints, node.stakes).find((p) => p.address === opts.recipient)?.amount ?? 0n;
    byNode.set(node.id, (byNode.get(node.id) ?? 0n) + share);
    accrued += share;
  }
  return { accrued, stakeSeconds, byNode };
}
