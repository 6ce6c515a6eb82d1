import type { PendingContributionContract } from "../db/contribution-contract-queries";
import type { Column } from "./tabular-data";

/** Columns of the "nodes awaiting contributors" list: page, CSV and JSON. */
export const contributionContractColumns: Column<PendingContributionContract>[] = [
  { key: "contract", value: (c) => c.address },
  { key: "operator", value: (c) => c.operator },
  { key: "ed25519Pubkey", value: (c) => c.ed25519Pubkey },
  { key: "contributedPerEvents", value: (c) => c.contributed },
  { key: "createdAt", value: (c) => c.createdAt },
  { key: "createdTx", value: (c) => c.createdTx },
];
