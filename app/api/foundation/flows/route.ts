import { readWebConfig } from "../../../../lib/config/web-config";
import { getFoundationSeshFlows } from "../../../../lib/db/governance-queries";
import { attributionForChain } from "../../../../lib/governance/attribution-for-chain";
import { seshFlowColumns } from "../../../../lib/governance/governance-tables";
import { tabularResponse } from "../../../../lib/http/tabular-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const config = readWebConfig();
  const attribution = attributionForChain(config.foundationAddresses, config.chainId);
  const rows = await getFoundationSeshFlows(attribution.foundationAddresses.map((f) => f.address));
  return tabularResponse(new URL(request.url).searchParams, "foundation-sesh-flows", seshFlowColumns, rows, { source: "SESH Transfer events (ChainEvent)" });
}
