import { getPledgeHistory } from "../../../../lib/db/governance-queries";
import { pledgeHistoryColumns } from "../../../../lib/governance/governance-tables";
import { tabularResponse } from "../../../../lib/http/tabular-response";

export const dynamic = "force-dynamic";

/** The daily pledge series the foundation page charts. */
export async function GET(request: Request) {
  const rows = await getPledgeHistory();
  return tabularResponse(new URL(request.url).searchParams, "foundation-pledge-daily", pledgeHistoryColumns, rows, {
    source: "PledgeDay: registrations and exits of ServiceNodeRewards replayed block by block",
  });
}
