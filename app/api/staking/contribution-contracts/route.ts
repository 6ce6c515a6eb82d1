import { getPendingContributionContracts } from "../../../../lib/db/contribution-contract-queries";
import { contributionContractColumns } from "../../../../lib/export/contribution-contract-columns";
import { tabularResponse } from "../../../../lib/http/tabular-response";

export const dynamic = "force-dynamic";

/** Multi-contributor nodes not finalized yet (the live status is read from each contract). */
export async function GET(request: Request) {
  const rows = await getPendingContributionContracts();
  return tabularResponse(new URL(request.url).searchParams, "contribution-contracts", contributionContractColumns, rows, {
    source: "ContributionContract: derived by the indexer from the factory's and the contribution contracts' events",
  });
}
