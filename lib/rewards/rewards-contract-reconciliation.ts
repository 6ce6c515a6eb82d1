/**
 * Every SESH that ServiceNodeRewards holds, accounted for. Flows in: stakes (registrations,
 * finalized contribution contracts, the seeded nodes' bridged stakes) and the pool's releases.
 * Flows out: claims (which pay rewards and returned stakes alike, since exits transfer nothing
 * and credit the stake to the staker's reward balance), and the liquidation penalty's
 * liquidator and pool parts.
 */
export interface RewardsContractFlows {
  /** stakes of nodes still registered (active or exit requested) */
  liveStakes: bigint;
  /** deposits of exited nodes: credited back in full to the contributors' reward balances */
  exitedStakes: bigint;
  /** deposits of liquidated nodes */
  liquidatedStakes: bigint;
  /** FundsReleased from the pool */
  releasesReceived: bigint;
  /** transfers in that are neither stakes nor releases (anyone may send tokens to a contract) */
  otherInflows: bigint;
  /** RewardsClaimed */
  claimsPaid: bigint;
  liquidatorPayouts: bigint;
  poolPayouts: bigint;
}

export interface RewardsContractObligations {
  liveStakes: bigint;
  /** Σ over recipients of credited − claimed */
  unclaimed: bigint;
  /** released to the contract but not yet credited as rewards to anyone: the network credits accrued rewards on chain only when a recipient asks (to claim) */
  uncreditedReleases: bigint;
  /** units the liquidation split's floors left in the contract */
  liquidationDust: bigint;
  otherInflows: bigint;
}

/** The contract's balance by its flows: what balanceOf(ServiceNodeRewards) must equal. */
export function rewardsContractBalance(f: RewardsContractFlows): bigint {
  return f.liveStakes + f.exitedStakes + f.liquidatedStakes + f.releasesReceived + f.otherInflows - f.claimsPaid - f.liquidatorPayouts - f.poolPayouts;
}

/**
 * The same balance as what it is owed to: live stakes, unclaimed balances, releases not yet
 * credited, and liquidation dust. `rewardCredits` and `liquidationCredits` are the reward and
 * liquidation-return parts of all RewardsBalanceUpdated deltas.
 */
export function rewardsContractObligations(
  f: RewardsContractFlows,
  credits: { rewardCredits: bigint; liquidationCredits: bigint },
): RewardsContractObligations {
  const credited = credits.rewardCredits + f.exitedStakes + credits.liquidationCredits;
  return {
    liveStakes: f.liveStakes,
    unclaimed: credited - f.claimsPaid,
    uncreditedReleases: f.releasesReceived - credits.rewardCredits,
    liquidationDust: f.liquidatedStakes - credits.liquidationCredits - f.liquidatorPayouts - f.poolPayouts,
    otherInflows: f.otherInflows,
  };
}

export function obligationsTotal(o: RewardsContractObligations): bigint {
  return o.liveStakes + o.unclaimed + o.uncreditedReleases + o.liquidationDust + o.otherInflows;
}

/** RewardRatePool holds what was deposited (the genesis allocation, liquidation shares, gifts) less what it released. */
export function poolBalance(deposits: bigint, releases: bigint): bigint {
  return deposits - releases;
}

/**
 * A liquidation's penalty as the contract computes it: `deposit × ratio / Σratios` (floored)
 * for the liquidator and for the pool; each contributor gets `stake × recipientRatio / Σratios`.
 */
export function liquidationSplit(
  stakes: bigint[],
  ratios: { liquidator: bigint; pool: bigint; recipient: bigint },
): { liquidator: bigint; pool: bigint; returned: bigint[]; dust: bigint } {
  const sum = ratios.liquidator + ratios.pool + ratios.recipient;
  if (sum <= 0n) throw new RangeError("liquidation ratios must add up to more than zero");
  const deposit = stakes.reduce((t, s) => t + s, 0n);
  const liquidator = (deposit * ratios.liquidator) / sum;
  const pool = (deposit * ratios.pool) / sum;
  const returned = stakes.map((s) => (s * ratios.recipient) / sum);
  return { liquidator, pool, returned, dust: deposit - liquidator - pool - returned.reduce((t, r) => t + r, 0n) };
}
