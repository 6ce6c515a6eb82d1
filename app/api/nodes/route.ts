import { readWebConfig } from "../../../lib/config/web-config";
import { listNodes } from "../../../lib/db/node-list-queries";
import { errorResponse, tabularResponse } from "../../../lib/http/tabular-response";
import { NodeListQueryError, parseNodeListQuery } from "../../../lib/nodes/node-list-query";
import { nodeListColumns } from "../../../lib/tables/node-list-columns";

export const dynamic = "force-dynamic";

/** The /nodes table with the page's filters, sort and page: `?format=csv|json`. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  let query;
  try {
    query = parseNodeListQuery(params);
  } catch (error) {
    if (error instanceof NodeListQueryError) return errorResponse(400, error.message);
    throw error;
  }
  const page = await listNodes(query, readWebConfig().foundationAddresses);
  return tabularResponse(params, `nodes-page-${query.page}`, nodeListColumns, page.rows, {
    total: page.total,
    page: query.page,
    size: query.size,
    amounts: "SESH atomic units (9 decimals)",
    source: "ServiceNode (staking contract events) joined with NodeHeartbeat (latest oxend heartbeat)",
  });
}
