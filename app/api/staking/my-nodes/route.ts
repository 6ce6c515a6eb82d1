import { isAddress } from "viem";
import { getWalletNodes } from "../../../../lib/db/wallet-nodes-queries";
import { walletNodeColumns } from "../../../../lib/export/wallet-node-columns";
import { errorResponse, tabularResponse } from "../../../../lib/http/tabular-response";

export const dynamic = "force-dynamic";

/** Nodes a wallet operates or contributes to, as indexed. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const address = params.get("address") ?? "";
  if (!isAddress(address, { strict: false })) return errorResponse(400, "address must be a 0x address (40 hex characters)");
  const nodes = await getWalletNodes(address.toLowerCase());
  return tabularResponse(params, `nodes-of-${address.toLowerCase()}`, walletNodeColumns, nodes, { address: address.toLowerCase(), source: "ServiceNodeRewards events and node heartbeats, as indexed" });
}
