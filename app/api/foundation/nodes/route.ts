import { readWebConfig } from "../../../../lib/config/web-config";
import { getFoundationNodes } from "../../../../lib/db/governance-queries";
import { attributionForChain } from "../../../../lib/governance/attribution-for-chain";
import { foundationNodeColumns } from "../../../../lib/governance/governance-tables";
import { tabularResponse } from "../../../../lib/http/tabular-response";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const config = readWebConfig();
  const attribution = attributionForChain(config.foundationAddresses, config.chainId);
  const rows = await getFoundationNodes(attribution.foundationAddresses.map((f) => f.address));
  return tabularResponse(new URL(request.url).searchParams, "foundation-nodes", foundationNodeColumns, rows, { source: "ServiceNode, NodeContribution" });
}
