import { readWebConfig } from "../../../../lib/config/web-config";
import { getFoundationPageData } from "../../../../lib/db/governance-queries";
import { attributionForChain } from "../../../../lib/governance/attribution-for-chain";
import { breachPeriods } from "../../../../lib/governance/pledge-series";
import { reportColumns, transparencyReport } from "../../../../lib/governance/transparency-report";
import { tabularResponse } from "../../../../lib/http/tabular-response";

export const dynamic = "force-dynamic";

/** The transparency report: every figure of the foundation page with its block and transaction. */
export async function GET(request: Request) {
  const config = readWebConfig();
  const attribution = attributionForChain(config.foundationAddresses, config.chainId);
  const data = await getFoundationPageData(attribution.foundationAddresses.map((f) => f.address));
  const rows = transparencyReport({ live: data.live, attribution, periods: breachPeriods(data.transitions, data.history), nodes: data.nodes, flows: data.flows });
  return tabularResponse(new URL(request.url).searchParams, "foundation-transparency-report", reportColumns, rows, {
    chainId: config.chainId ?? null,
    lastBlock: data.live.lastBlock?.toString() ?? null,
    methodology: "Nodes registered on chain and not exited; operator = registering address; foundation = FOUNDATION_ADDRESSES and sourced labels.",
  });
}
