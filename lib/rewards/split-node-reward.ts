/** One contributor's stake in a node, in registration order (the operator first). */
export interface StakeShare {
  address: string;
  /** SESH atomic units */
  amount: bigint;
}

export interface RewardShare {
  address: string;
  /** SESH atomic units: fee (operator only) plus the stake-proportional part */
  amount: bigint;
}

/**
 * Splits a node's reward as the network does: the operator's fee (basis points of 10,000) comes
 * off first, the rest is shared by stake. Each stake share is floored; the few units the floors
 * leave go to the operator, so the parts always add up to `reward` exactly. Contributors
 * listed twice (same address) get one summed share.
 */
export function splitNodeReward(reward: bigint, feeBasisPoints: number, stakes: StakeShare[]): RewardShare[] {
  if (reward < 0n) throw new RangeError(`reward must not be negative, got ${reward}`);
  if (!Number.isInteger(feeBasisPoints) || feeBasisPoints < 0 || feeBasisPoints > 10_000) {
    throw new RangeError(`operator fee must be whole basis points from 0 to 10,000, got ${feeBasisPoints}`);
  }
  if (stakes.length === 0) throw new RangeError("a node has at least one contributor (its operator)");
  const totalStake = stakes.reduce((t, s) => t + s.amount, 0n);
  if (totalStake <= 0n || stakes.some((s) => s.amount < 0n)) throw new RangeError("stakes must be non-negative and add up to more than zero");

  const fee = (reward * BigInt(feeBasisPoints)) / 10_000n;
  const shared = reward - fee;
  const parts = stakes.map((s) => ({ address: s.address, amount: (shared * s.amount) / totalStake }));
  const dust = shared - parts.reduce((t, p) => t + p.amount, 0n);
  parts[0]!.amount += fee + dust;

  const merged = new Map<string, bigint>();
  for (const p of parts) merged.set(p.address, (merged.get(p.address) ?? 0n) + p.amount);
  return [...merged].map(([address, amount]) => ({ address, amount }));
}
