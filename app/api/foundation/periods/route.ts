import { getPledgeHistory, getPledgeTransitions } from "../../../../lib/db/governance-queries";
import { breachPeriodColumns } from "../../../../lib/governance/governance-tables";
import { breachPeriods } from "../../../../lib/governance/pledge-series";
import { tabularResponse } from "../../../../lib/http/tabular-response";

export const dynamic = "force-dynamic";

/** Periods above the 10% line with the blocks and transactions that began and ended them. */
export async function GET(request: Request) {
  const [history, transitions] = await Promise.all([getPledgeHistory(), getPledgeTransitions()]);
  return tabularResponse(new URL(request.url).searchParams, "foundation-breach-periods", breachPeriodColumns, breachPeriods(transitions, history), {
    source: "PledgeTransition",
  });
}
