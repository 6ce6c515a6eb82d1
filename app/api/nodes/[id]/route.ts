import { getNodeDetail, listNodeChainEvents, listNodeStateChanges, listNodeUptimeDays, listRecipientRewards } from "../../../../lib/db/node-queries";
import { lastDays } from "../../../../lib/domain/daily-network-series";
import { uptimeTimeline } from "../../../../lib/domain/uptime-hours";
import { errorResponse, tabularResponse } from "../../../../lib/http/tabular-response";
import { firstIssue, nodeIdSchema, nodeTableSchema, uptimeDaysSchema } from "../../../../lib/nodes/node-page-params";
import { nodeChainEventColumns, nodeContributionColumns, nodeStateChangeColumns, recipientRewardsColumns, uptimeDayColumns } from "../../../../lib/tables/node-detail-columns";

export const dynamic = "force-dynamic";

/** The tables of /nodes/<id>: `?table=contributors|events|state-changes|uptime|rewards&format=csv|json`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const id = nodeIdSchema.safeParse((await params).id);
  if (!id.success) return errorResponse(400, firstIssue(id.error));
  const table = nodeTableSchema.safeParse(search.get("table") ?? undefined);
  if (!table.success) return errorResponse(400, firstIssue(table.error));
  const node = await getNodeDetail(id.data);
  if (!node) return errorResponse(404, `no node has id ${id.data}`);
  const name = `node-${id.data}-${table.data}`;
  const meta = { node: id.data.toString(), amounts: "SESH atomic units (9 decimals)" };
  switch (table.data) {
    case "contributors":
      return tabularResponse(search, name, nodeContributionColumns, node.contributions, { ...meta, source: "NodeContribution (registration event)" });
    case "events":
      return tabularResponse(search, name, nodeChainEventColumns, await listNodeChainEvents(id.data), { ...meta, source: "ChainEvent (ServiceNodeRewards)" });
    case "state-changes":
      return tabularResponse(search, name, nodeStateChangeColumns, await listNodeStateChanges(node.ed25519Pubkey), { ...meta, source: "NodeStateChange (heartbeats)" });
    case "uptime": {
      const days = uptimeDaysSchema.safeParse(search.get("days") ?? undefined);
      if (!days.success) return errorResponse(400, firstIssue(days.error));
      const window = lastDays(new Date(), days.data);
      const summary = uptimeTimeline(await listNodeUptimeDays(node.ed25519Pubkey, window.from), window.from, window.to);
      return tabularResponse(search, name, uptimeDayColumns, summary.days, { ...meta, source: "NodeUptimeDay (hourly masks from heartbeats)" });
    }
    case "rewards": {
      const rows = await listRecipientRewards([...new Set(node.contributions.map((c) => c.beneficiary))]);
      return tabularResponse(search, name, recipientRewardsColumns, rows, { ...meta, note: "rewards are per recipient address, not per node", source: "ChainEvent RewardsBalanceUpdated / RewardsClaimed" });
    }
  }
}
