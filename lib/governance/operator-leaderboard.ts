import { ratio } from "./concentration-metrics";
import type { AttributedEntity, Attribution } from "./entity-attribution";

/** One address's weight in the network now. */
export interface AddressStanding {
  address: string;
  /** active nodes it registered (operator) */
  nodes: number;
  /** SESH atomic units it contributed to active nodes */
  stake: bigint;
  /** lifetime amount credited by RewardsBalanceUpdated (rewards and returned stakes) */
  rewardsCredited: bigint;
  /** sum of RewardsClaimed */
  rewardsClaimed: bigint;
}

export interface LeaderboardRow extends AddressStanding {
  entity: AttributedEntity;
  addresses: string[];
  nodeShare: number;
  stakeShare: number;
}

/**
 * The operators' leaderboard: addresses grouped into their entities (foundation, labelled
 * entities; every other address alone), ranked by nodes operated, then by stake.
 */
export function operatorLeaderboard(standings: readonly AddressStanding[], attribution: Attribution): LeaderboardRow[] {
  const totalNodes = BigInt(standings.reduce((t, s) => t + s.nodes, 0));
  const totalStake = standings.reduce((t, s) => t + s.stake, 0n);
  const byEntity = new Map<string, LeaderboardRow>();
  for (const s of standings) {
    const entity = attribution.entityOf(s.address);
    const row = byEntity.get(entity.id);
    if (!row) {
      byEntity.set(entity.id, { ...s, address: s.address.toLowerCase(), entity, addresses: [s.address.toLowerCase()], nodeShare: 0, stakeShare: 0 });
      continue;
    }
    row.nodes += s.nodes;
    row.stake += s.stake;
    row.rewardsCredited += s.rewardsCredited;
    row.rewardsClaimed += s.rewardsClaimed;
    row.addresses.push(s.address.toLowerCase());
  }
  const rows = [...byEntity.values()];
  for (const row of rows) {
    row.nodeShare = ratio(BigInt(row.nodes), totalNodes);
    row.stakeShare = ratio(row.stake, totalStake);
    row.addresses.sort();
  }
  return rows.sort((a, b) => b.nodes - a.nodes || (a.stake < b.stake ? 1 : a.stake > b.stake ? -1 : a.entity.id.localeCompare(b.entity.id)));
}
