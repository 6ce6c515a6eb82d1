import type { Sql } from "../indexer/store/database";

/** Everything the chain indexer writes, in a stable order: two runs that agree compare equal. */
export async function indexedStateSnapshot(sql: Sql) {
  const events = await sql`SELECT "blockNumber"::text, "logIndex", "blockHash", "txHash", address, contract, "eventName", args FROM "ChainEvent" ORDER BY "blockNumber", "logIndex"`;
  const nodes = await sql`SELECT id::text, "blsPubkey", "ed25519Pubkey", operator, fee, state, seeded, "totalStaked"::text, "registeredTx", "endedTx" FROM "ServiceNode" ORDER BY "ServiceNode".id`;
  const contributions = await sql`SELECT "nodeId"::text, position, staker, beneficiary, amount::text FROM "NodeContribution" ORDER BY "nodeId", position`;
  const [checkpoint] = await sql`SELECT "blockNumber"::text, "blockHash" FROM "IndexerCheckpoint"`;
  const tokenBalances = await sql`SELECT holder, balance::text, "transferCount", "updatedBlock"::text, "updatedTx", "updatedAt" FROM "TokenBalance" ORDER BY holder`;
  const rewardAccounts = await sql`SELECT recipient, credited::text, claimed::text, unclaimed::text, "creditCount", "claimCount", "lastCreditTx", "lastClaimTx", "updatedBlock"::text, "updatedTx", "updatedAt" FROM "RewardAccount" ORDER BY recipient`;
  const contributionContracts = await sql`SELECT address, operator, "blsPubkey", "ed25519Pubkey", fee, "manualFinalize", "stakingRequirement"::text, "maxContributors", status, "totalContributed"::text, "contributorCount", "serviceNodeId"::text, "createdTx", "updatedBlock"::text, "updatedTx", "updatedAt" FROM "ContributionContract" ORDER BY address`;
  const contributionStakes = await sql`SELECT "contractAddress", contributor, beneficiary, amount::text, "updatedTx" FROM "ContributionContractStake" ORDER BY "contractAddress", contributor`;
  const contributionReservations = await sql`SELECT "contractAddress", position, contributor, amount::text, received FROM "ContributionReservation" ORDER BY "contractAddress", position`;
  const operators = await sql`SELECT address, "awaitingContributors", "activeNodes", "exitRequestedNodes", "exitedNodes", "liquidatedNodes", "stakedInLiveNodes"::text, "ownStakeInLiveNodes"::text, "updatedBlock"::text, "updatedTx" FROM "Operator" ORDER BY address`;
  return { events, nodes, contributions, checkpoint, tokenBalances, rewardAccounts, contributionContracts, contributionStakes, contributionReservations, operators };
}
