import type { PendingContributionContract } from "../db/contribution-contract-queries";
import type { Column } from "./tabular-data";

/** Columns of the "nodes awaiting contributors" list: page, CSV and JSON. */
export const contributionContractColumns: Column<PendingContributionContract>[] = [
  { key: "contract", value: (c) => c.address },
  { key: "operator", value: (c) => c.operator },
  { key: "ed25519Pubkey", value: (c) => c.ed25519Pubkey },
  { key: "status", value: (c) => c.status },
  { key: "feeBasisPoints", value: (c) => c.fee },
  { key: "stakingRequirement", value: (c) => c.stakingRequirement },
  { key: "totalContributed", value: (c) => c.totalContributed },
  { key: "contributors", value: (c) => c.contributorCount },
  { key: "maxContributors", value: (c) => c.maxContributors },
  { key: "createdAt", value: (c) => c.createdAt },
  { key: "createdTx", value: (c) => c.createdTx },
];
