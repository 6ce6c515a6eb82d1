import { getTransactionEvents } from "../../../../lib/db/transaction-queries";
import { errorResponse, tabularResponse } from "../../../../lib/http/tabular-response";
import { txHashParamSchema } from "../../../../lib/nodes/address-param";
import { transactionEventColumns } from "../../../../lib/tables/transaction-columns";

export const dynamic = "force-dynamic";

/** The decoded events of a transaction: `?format=csv|json`. */
export async function GET(request: Request, { params }: { params: Promise<{ hash: string }> }): Promise<Response> {
  const hash = txHashParamSchema.safeParse((await params).hash);
  if (!hash.success) return errorResponse(400, hash.error.issues[0]?.message ?? "invalid hash");
  const tx = await getTransactionEvents(hash.data);
  if (!tx) return errorResponse(404, `no indexed event comes from transaction ${hash.data}`);
  return tabularResponse(new URL(request.url).searchParams, `tx-${hash.data}`, transactionEventColumns, tx.events, {
    txHash: tx.txHash,
    blockNumber: tx.blockNumber.toString(),
    blockTime: tx.blockTime.toISOString(),
  });
}
