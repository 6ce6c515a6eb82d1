import { getNetworkDistribution, listVersionsByDay } from "../../../lib/db/distribution-queries";
import { lastDays } from "../../../lib/domain/daily-network-series";
import { errorResponse, tabularResponse } from "../../../lib/http/tabular-response";
import { distributionTableSchema, VERSION_HISTORY_DAYS } from "../../../lib/nodes/distribution-table";
import { distributionColumns, versionDayColumns } from "../../../lib/tables/distribution-columns";

export const dynamic = "force-dynamic";

/** The tables of /distribution: `?table=country|provider|version|swarm|versions-by-day&format=csv|json`. */
export async function GET(request: Request): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const table = distributionTableSchema.safeParse(search.get("table") ?? undefined);
  if (!table.success) return errorResponse(400, table.error.issues[0]?.message ?? "invalid table");
  const name = `distribution-${table.data}`;
  if (table.data === "versions-by-day") {
    const window = lastDays(new Date(), VERSION_HISTORY_DAYS);
    return tabularResponse(search, name, versionDayColumns, await listVersionsByDay(window.from, window.to), { source: "NodeStateChange (heartbeat history)" });
  }
  const dist = await getNetworkDistribution();
  const meta = { located: dist.located, unlocated: dist.unlocated, amounts: "SESH atomic units (9 decimals)", source: "NodeHeartbeat joined with ServiceNode" };
  switch (table.data) {
    case "country":
      return tabularResponse(search, name, distributionColumns("Country"), dist.byCountry, meta);
    case "provider":
      return tabularResponse(search, name, distributionColumns("AS number", "Network"), dist.byProvider, meta);
    case "version":
      return tabularResponse(search, name, distributionColumns("Version"), dist.byVersion, meta);
    case "swarm":
      return tabularResponse(search, name, distributionColumns("Swarm id"), dist.bySwarm, meta);
  }
}
