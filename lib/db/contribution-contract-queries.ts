import { prisma } from "./prisma-client";

/** A contribution contract (multi-contributor node) not finalized yet, as the indexer derived it. */
export interface PendingContributionContract {
  address: string;
  operator: string;
  /** the node's ed25519 key, 64 hex characters */
  ed25519Pubkey: string;
  fee: number;
  status: string;
  stakingRequirement: bigint;
  totalContributed: bigint;
  contributorCount: number;
  maxContributors: number;
  createdAt: Date;
  createdTx: string;
}

/**
 * Contribution contracts that have not registered their node, newest first. The page reads each
 * one's live figures from the chain too: a withdrawal in the last seconds is not indexed yet.
 */
export async function getPendingContributionContracts(limit = 200): Promise<PendingContributionContract[]> {
  const rows = await prisma().contributionContract.findMany({
    where: { status: { not: "finalized" } },
    orderBy: [{ createdBlock: "desc" }, { address: "asc" }],
    take: limit,
  });
  return rows.map((r) => ({
    address: r.address,
    operator: r.operator,
    ed25519Pubkey: r.ed25519Pubkey,
    fee: r.fee,
    status: r.status,
    stakingRequirement: r.stakingRequirement,
    totalContributed: r.totalContributed,
    contributorCount: r.contributorCount,
    maxContributors: r.maxContributors,
    createdAt: r.createdAt,
    createdTx: r.createdTx,
  }));
}
