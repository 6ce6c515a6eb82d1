import { z } from "zod";
import { listDailyNodeDeltas } from "../../../lib/db/overview-queries";
import { dailyNetworkSeries, lastDays } from "../../../lib/domain/daily-network-series";
import { errorResponse, tabularResponse } from "../../../lib/http/tabular-response";
import { OVERVIEW_SERIES_DAYS } from "../../../lib/nodes/overview-series";
import { dailyNetworkColumns } from "../../../lib/tables/distribution-columns";

export const dynamic = "force-dynamic";

const tableSchema = z.enum(["daily"], { error: "table must be daily" });

/** The overview's charts: `?table=daily&format=csv|json` (nodes and stake per UTC day, 90 days). */
export async function GET(request: Request): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const table = tableSchema.safeParse(search.get("table") ?? undefined);
  if (!table.success) return errorResponse(400, table.error.issues[0]?.message ?? "invalid table");
  const window = lastDays(new Date(), OVERVIEW_SERIES_DAYS);
  const series = dailyNetworkSeries(await listDailyNodeDeltas(), window.from, window.to);
  return tabularResponse(search, "network-daily", dailyNetworkColumns, series, {
    amounts: "SESH atomic units (9 decimals)",
    source: "ServiceNode registeredAt / endedAt (staking contract events)",
  });
}
