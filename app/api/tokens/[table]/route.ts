import { readWebConfig } from "../../../../lib/config/web-config";
import { getSupplySeries, getTopHolders } from "../../../../lib/db/token-queries";
import { getTokenOverview } from "../../../../lib/db/token-overview";
import { errorResponse, tabularResponse } from "../../../../lib/http/tabular-response";
import { parseRewardView, RewardViewError } from "../../../../lib/rewards/reward-period";
import {
  categoryColumns,
  circulatingColumns,
  foundationColumns,
  holderColumns,
  projectionColumns,
  supplyColumns,
  supplyRows,
  TOKEN_TABLES,
  unlockColumns,
  vestingColumns,
  type TokenTable,
} from "../../../../lib/tokens/token-tables";

export const dynamic = "force-dynamic";

/** CSV/JSON of each /tokens table: `/api/tokens/<table>?format=` (`bucket=` for circulating). */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const { table } = await params;
  if (!(TOKEN_TABLES as readonly string[]).includes(table)) return errorResponse(404, `no token table "${table}"; tables: ${TOKEN_TABLES.join(", ")}`);
  const searchParams = new URL(request.url).searchParams;
  let bucket;
  try {
    bucket = parseRewardView(new URLSearchParams({ bucket: searchParams.get("bucket") ?? "month" })).bucket;
  } catch (error) {
    if (error instanceof RewardViewError) return errorResponse(400, error.message);
    throw error;
  }
  const o = await getTokenOverview(readWebConfig());
  const meta = { asOfBlock: o.asOf.block?.toString() ?? null, source: "ChainEvent (SESH Transfer, RewardRatePool and vesting events), the indexer's ServiceNode and TokenBalance tables, lib/tokenomics/genesis-allocation.json" };
  switch (table as TokenTable) {
    case "supply":
      return tabularResponse(searchParams, "tokens-supply", supplyColumns, supplyRows(o.supply), meta);
    case "categories":
      return tabularResponse(searchParams, "tokens-genesis-categories", categoryColumns, o.categories, meta);
    case "foundation":
      return tabularResponse(searchParams, "tokens-foundation-allocation", foundationColumns, o.foundationFlows, { ...meta, wallet: o.foundationCategory?.wallet ?? null });
    case "unlocks":
      return tabularResponse(searchParams, "tokens-unlock-schedule", unlockColumns, o.unlocks, { ...meta, genesisAt: o.supply.genesisAt?.toISOString() ?? null });
    case "vesting":
      return tabularResponse(searchParams, "tokens-vesting-contracts", vestingColumns, o.vesting, meta);
    case "circulating":
      return tabularResponse(searchParams, `tokens-circulating-by-${bucket}`, circulatingColumns, await getSupplySeries(o.contracts, bucket, o.asOf.time), { ...meta, bucket });
    case "projection":
      return tabularResponse(searchParams, "tokens-pool-projection", projectionColumns, o.projection, { ...meta, intervalSeconds: o.pool.typicalIntervalSeconds });
    case "holders":
      return tabularResponse(searchParams, "tokens-top-holders", holderColumns, await getTopHolders(o.contracts), meta);
  }
}
