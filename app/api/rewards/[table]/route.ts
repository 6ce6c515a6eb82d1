import { readWebConfig } from "../../../../lib/config/web-config";
import { getDeploymentContracts } from "../../../../lib/db/deployment-contracts";
import { getLiquidations, getRecipientRewardHistory, getRecipientRewards, getRewardFlowSummary, getRewardSankey, getRewardSeries } from "../../../../lib/db/reward-queries";
import { listPoolReleases } from "../../../../lib/db/pool-release-queries";
import { errorResponse, tabularResponse } from "../../../../lib/http/tabular-response";
import { parseRewardView, RewardViewError } from "../../../../lib/rewards/reward-period";
import {
  flowColumns,
  liquidationColumns,
  recipientColumns,
  recipientNodeColumns,
  recipientSeriesColumns,
  releaseColumns,
  releasesInPeriod,
  reconciliationColumns,
  reconciliationRows,
  REWARD_TABLES,
  seriesColumns,
  summaryColumns,
  summaryRows,
  type RewardTable,
} from "../../../../lib/rewards/reward-tables";

export const dynamic = "force-dynamic";

/** CSV/JSON of each /rewards table: `/api/rewards/<table>?period=&bucket=&format=`. */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const { table } = await params;
  if (!(REWARD_TABLES as readonly string[]).includes(table)) return errorResponse(404, `no reward table "${table}"; tables: ${REWARD_TABLES.join(", ")}`);
  const searchParams = new URL(request.url).searchParams;
  let view;
  try {
    view = parseRewardView(searchParams);
  } catch (error) {
    if (error instanceof RewardViewError) return errorResponse(400, error.message);
    throw error;
  }
  const config = readWebConfig();
  const contracts = await getDeploymentContracts(config.contracts);
  const name = `rewards-${table}-${view.period}`;
  const meta = { period: view.period, bucket: view.bucket, source: "ChainEvent (RewardRatePool, ServiceNodeRewards, SESH events) and the indexer's ServiceNode and RewardAccount tables" };
  switch (table as RewardTable) {
    case "summary": {
      const s = await getRewardFlowSummary(contracts, view);
      return tabularResponse(searchParams, name, summaryColumns, summaryRows(s), { ...meta, asOfBlock: s.asOf.block?.toString() ?? null });
    }
    case "reconciliation": {
      const s = await getRewardFlowSummary(contracts, view);
      return tabularResponse(searchParams, name, reconciliationColumns, reconciliationRows(s), { ...meta, asOfBlock: s.asOf.block?.toString() ?? null });
    }
    case "series":
      return tabularResponse(searchParams, `rewards-series-${view.period}-${view.bucket}`, seriesColumns, await getRewardSeries(view), meta);
    case "flows":
      return tabularResponse(searchParams, name, flowColumns, (await getRewardSankey(view, config.foundationAddresses)).groups, meta);
    case "recipients":
      return tabularResponse(searchParams, "rewards-recipients", recipientColumns, (await getRecipientRewards(config.foundationAddresses)).rows, meta);
    case "recipient-series":
    case "recipient-nodes": {
      if (!view.recipient) return errorResponse(400, `${table} needs ?recipient=0x… (an operator's or contributor's address)`);
      const history = await getRecipientRewardHistory(view.recipient, view);
      const recipientMeta = { ...meta, recipient: view.recipient, estimate: "accrual split from the bucket's pool release per live node-second, then by operator fee and stake" };
      return table === "recipient-series"
        ? tabularResponse(searchParams, `rewards-${view.recipient}-${view.period}-${view.bucket}`, recipientSeriesColumns, history.series, recipientMeta)
        : tabularResponse(searchParams, `rewards-${view.recipient}-nodes-${view.period}`, recipientNodeColumns, history.nodes, recipientMeta);
    }
    case "releases": {
      const s = await getRewardFlowSummary(contracts, view);
      return tabularResponse(searchParams, name, releaseColumns, releasesInPeriod(await listPoolReleases(), s.period.from), meta);
    }
    case "liquidations":
      return tabularResponse(searchParams, "rewards-liquidations", liquidationColumns, await getLiquidations(contracts), meta);
  }
}
