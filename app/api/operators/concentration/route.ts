import { concentrationWindowStart, getConcentrationHistory } from "../../../../lib/db/governance-queries";
import { concentrationColumns } from "../../../../lib/governance/governance-tables";
import { tabularResponse } from "../../../../lib/http/tabular-response";

export const dynamic = "force-dynamic";

/** The daily concentration figures behind /operators' charts (the last year). */
export async function GET(request: Request) {
  const rows = await getConcentrationHistory(concentrationWindowStart());
  return tabularResponse(new URL(request.url).searchParams, "concentration-daily", concentrationColumns, rows, {
    source: "ConcentrationDay: operator-nodes and entity-stake from chain history, provider-nodes and country-nodes from heartbeat history",
  });
}
