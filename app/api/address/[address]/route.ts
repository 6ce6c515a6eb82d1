import { readWebConfig } from "../../../../lib/config/web-config";
import { listAddressContributions, listAddressTransfers } from "../../../../lib/db/address-queries";
import { listNodes } from "../../../../lib/db/node-list-queries";
import { listRecipientRewards } from "../../../../lib/db/node-queries";
import { errorResponse, tabularResponse } from "../../../../lib/http/tabular-response";
import { addressParamSchema, addressTableSchema } from "../../../../lib/nodes/address-param";
import { parseNodeListQuery } from "../../../../lib/nodes/node-list-query";
import { addressContributionColumns, tokenTransferColumns } from "../../../../lib/tables/address-columns";
import { nodeListColumns } from "../../../../lib/tables/node-list-columns";
import { recipientRewardsColumns } from "../../../../lib/tables/node-detail-columns";

export const dynamic = "force-dynamic";

/** The tables of /address/<address>: `?table=nodes|contributions|rewards|transfers&format=csv|json`. */
export async function GET(request: Request, { params }: { params: Promise<{ address: string }> }): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const address = addressParamSchema.safeParse((await params).address);
  if (!address.success) return errorResponse(400, address.error.issues[0]?.message ?? "invalid address");
  const table = addressTableSchema.safeParse(search.get("table") ?? undefined);
  if (!table.success) return errorResponse(400, table.error.issues[0]?.message ?? "invalid table");
  const a = address.data;
  const name = `address-${a}-${table.data}`;
  const meta = { address: a, amounts: "SESH atomic units (9 decimals)" };
  switch (table.data) {
    case "nodes": {
      const page = await listNodes(parseNodeListQuery({ operator: a, size: "100" }), readWebConfig().foundationAddresses);
      return tabularResponse(search, name, nodeListColumns, page.rows, { ...meta, total: page.total });
    }
    case "contributions":
      return tabularResponse(search, name, addressContributionColumns, await listAddressContributions(a), meta);
    case "rewards": {
      const rows = (await listRecipientRewards([a])).filter((r) => r.credited > 0n || r.claimed > 0n);
      return tabularResponse(search, name, recipientRewardsColumns, rows, meta);
    }
    case "transfers":
      return tabularResponse(search, name, tokenTransferColumns, await listAddressTransfers(a), { ...meta, source: "ChainEvent SESH Transfer" });
  }
}
