import type { Metadata } from "next";
import Link from "next/link";
import { FlowSankey, type FlowLink } from "../../components/charts/FlowSankey";
import { SeriesChart } from "../../components/charts/SeriesChart";
import { ExportableTable } from "../../components/ExportableTable";
import { StatCard } from "../../components/StatCard";
import { readWebConfig } from "../../lib/config/web-config";
import { getDeploymentContracts } from "../../lib/db/deployment-contracts";
import { getLiquidations, getRecipientRewardHistory, getRecipientRewards, getRewardFlowSummary, getRewardSankey, getRewardSeries } from "../../lib/db/reward-queries";
import { AddressLink } from "../../components/EvidenceLinks";
import { listPoolReleases } from "../../lib/db/pool-release-queries";
import { formatSesh } from "../../lib/format/sesh-amount";
import { seshDecimal } from "../../lib/format/sesh-decimal";
import { formatPpmPercent } from "../../lib/rewards/annualised-yield";
import { PERIOD_LABELS, parseRewardView, REWARD_PERIODS, RewardViewError, TIME_BUCKETS, type RewardView } from "../../lib/rewards/reward-period";
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
  seriesColumns,
  summaryColumns,
  summaryRows,
} from "../../lib/rewards/reward-tables";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Rewards" };

const sesh = (v: bigint) => formatSesh(v, { fractionDigits: 0 });
// An empty string is a gap in the chart (an incomplete bucket has no yield).
const ppmDecimal = (v: bigint | null) => (v === null ? "" : (Number(v) / 10_000).toFixed(4));

function ViewPicker({ view }: { view: RewardView }) {
  const href = (v: Partial<RewardView>) => `/rewards?period=${v.period ?? view.period}&bucket=${v.bucket ?? view.bucket}${view.recipient ? `&recipient=${view.recipient}` : ""}`;
  return (
    <nav className="view-picker" aria-label="Period and grouping">
      <span className="muted">Period:</span>
      {REWARD_PERIODS.map((p) => (
        <Link key={p} href={href({ period: p })} aria-current={p === view.period ? "true" : undefined}>{PERIOD_LABELS[p]}</Link>
      ))}
      <span className="muted">By:</span>
      {TIME_BUCKETS.map((b) => (
        <Link key={b} href={href({ bucket: b })} aria-current={b === view.bucket ? "true" : undefined}>{b}</Link>
      ))}
    </nav>
  );
}

export default async function RewardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  let view: RewardView;
  try {
    view = parseRewardView(await searchParams);
  } catch (error) {
    if (!(error instanceof RewardViewError)) throw error;
    return (
      <>
        <h1>Rewards</h1>
        <div className="notice notice-warning" role="alert" data-testid="bad-params">
          <strong>Cannot show this view:</strong> {error.message}. <Link href="/rewards">Show the last 30 days</Link>.
        </div>
      </>
    );
  }
  const config = readWebConfig();
  const contracts = await getDeploymentContracts(config.contracts);
  const [summary, series, sankey, recipients, liquidations, history, releases] = await Promise.all([
    getRewardFlowSummary(contracts, view),
    getRewardSeries(view),
    getRewardSankey(view, config.foundationAddresses),
    getRecipientRewards(config.foundationAddresses),
    getLiquidations(contracts),
    view.recipient ? getRecipientRewardHistory(view.recipient, view) : null,
    listPoolReleases(),
  ]);
  const q = `period=${view.period}&bucket=${view.bucket}`;
  const periodLabel = PERIOD_LABELS[view.period];
  const rc = summary.reconciliation.rewardsContract;
  const links: FlowLink[] = [
    { source: "Pool releases", target: "ServiceNodeRewards", value: seshDecimal(sankey.released) },
    ...(sankey.fromEarlierReleases > 0n ? [{ source: "Earlier releases", target: "ServiceNodeRewards", value: seshDecimal(sankey.fromEarlierReleases) }] : []),
    ...sankey.groups.map((g) => ({ source: "ServiceNodeRewards", target: g.group, value: seshDecimal(g.amount) })),
  ];
  const label = (d: Date) => d.toISOString().slice(0, 10);
  const seriesData = series.map((r) => ({
    from: label(r.bucketStart),
    released: seshDecimal(r.released),
    credited: seshDecimal(r.rewardCredited),
    claimed: seshDecimal(r.claimed),
    releasedToDate: seshDecimal(r.cumulative.released),
    creditedToDate: seshDecimal(r.cumulative.rewardCredited),
    claimedToDate: seshDecimal(r.cumulative.claimed),
    releasedApr: ppmDecimal(r.releasedYieldPpm),
    perNodeDay: r.releasedPerNodeDay === null ? "" : seshDecimal(r.releasedPerNodeDay),
  }));
  const latestYield = [...series].reverse().find((r) => r.releasedYieldPpm !== null);

  return (
    <>
      <h1>Rewards: where the SESH goes</h1>
      <p className="lede">
        The staking reward pool releases 15.1% a year of its balance to ServiceNodeRewards; the network credits each operator and
        contributor their share (the operator&apos;s fee first, the rest by stake) when they ask, and they claim it. Exits and
        liquidations return stakes through the same balances. Figures as of block{" "}
        <span data-testid="as-of-block">{summary.asOf.block?.toString() ?? "–"}</span>
        {summary.asOf.time ? ` (${summary.asOf.time.toISOString().slice(0, 16).replace("T", " ")} UTC)` : ""}.
      </p>
      <ViewPicker view={view} />

      <div className="grid amount-grid">
        <StatCard label={`Released, ${periodLabel}`} value={sesh(summary.period.released)} testId="released-period" hint={`${summary.period.releaseCount} payouts · ${sesh(summary.allTime.released)} all time`} />
        <StatCard label={`Rewards credited, ${periodLabel}`} value={sesh(summary.period.rewardCredits)} testId="credited-period" hint={`${sesh(summary.allTime.rewardCredits)} all time`} />
        <StatCard label={`Claimed, ${periodLabel}`} value={sesh(summary.period.claimed)} testId="claimed-period" hint={`${summary.period.claimCount} claims · ${sesh(summary.allTime.claimed)} all time, returned stakes included`} />
        <StatCard label="Unclaimed now" value={sesh(summary.reconciliation.unclaimedFromEvents)} testId="unclaimed-now" hint={`credited − claimed over ${summary.reconciliation.recipientCount.toLocaleString("en-US")} recipients`} />
        <StatCard label="Pool balance" value={sesh(summary.reconciliation.pool.balanceByIdentity)} testId="pool-balance" hint="deposits − releases" />
        <StatCard label="ServiceNodeRewards holds" value={sesh(rc.balanceFromTransfers)} testId="rewards-contract-balance" hint={`${sesh(rc.obligations.liveStakes)} live stakes · ${sesh(rc.obligations.uncreditedReleases)} not yet credited`} />
      </div>

      <section className="card section" aria-labelledby="totals-heading">
        <h2 id="totals-heading">Totals</h2>
        <ExportableTable caption={`Reward totals, ${periodLabel} and all time`} columns={summaryColumns} rows={summaryRows(summary)} downloadHref={`/api/rewards/summary?${q}`} testId="summary-table" rowKey={(r) => r.figure} />
      </section>

      <section className="card section" aria-labelledby="flow-heading">
        <h2 id="flow-heading">Where the releases of the {periodLabel} went</h2>
        <p className="stat-hint">
          Pool releases to ServiceNodeRewards, then rewards credited on chain to the foundation&apos;s configured addresses, the
          top operators and everyone else. Rewards accrue on the network continuously but reach the contract only when a recipient
          asks for them, so part of each release waits, uncredited, in the contract.
        </p>
        <FlowSankey links={links} ariaLabel={`Sankey diagram of reward flows, ${periodLabel}`} />
        <ExportableTable caption={`Reward flows, ${periodLabel}`} columns={flowColumns} rows={sankey.groups} downloadHref={`/api/rewards/flows?${q}`} testId="flows-table" rowKey={(r) => r.group} />
      </section>

      <section className="card section" aria-labelledby="series-heading">
        <h2 id="series-heading">Released, credited and claimed by {view.bucket}</h2>
        <SeriesChart data={seriesData} xKey="from" kind="bar" unit="SESH" ariaLabel={`SESH released, credited and claimed per ${view.bucket}`} series={[
          { key: "released", label: "Released", color: "#2f7fd1" },
          { key: "credited", label: "Rewards credited", color: "#3aa76d" },
          { key: "claimed", label: "Claimed", color: "#d9822b" },
        ]} />
        <SeriesChart data={seriesData} xKey="from" unit="SESH" ariaLabel="Cumulative SESH released, credited and claimed" series={[
          { key: "releasedToDate", label: "Released to date", color: "#2f7fd1" },
          { key: "creditedToDate", label: "Credited to date", color: "#3aa76d" },
          { key: "claimedToDate", label: "Claimed to date (stakes included)", color: "#d9822b" },
        ]} />
        <details>
          <summary>The numbers behind the charts</summary>
          <ExportableTable caption={`Pool releases, ${periodLabel}`} columns={releaseColumns} rows={releasesInPeriod(releases, summary.period.from)} downloadHref={`/api/rewards/releases?${q}`} testId="releases-table" rowKey={(r) => `${r.blockNumber}-${r.logIndex}`} empty="No release in this period." />
          <ExportableTable caption={`Rewards by ${view.bucket}, ${periodLabel}`} columns={seriesColumns} rows={series} downloadHref={`/api/rewards/series?${q}`} testId="series-table" rowKey={(r) => r.bucketStart.toISOString()} />
        </details>
      </section>

      <section className="card section" aria-labelledby="yield-heading">
        <h2 id="yield-heading">Reward per node and yield on stake</h2>
        <p className="stat-hint">
          Yield (APR, simple) = SESH released in the {view.bucket} ÷ stake held in live nodes over it (stake × time), times a year.
          Only whole {view.bucket}s count: payouts are lumpy. Latest: <strong data-testid="latest-yield">{formatPpmPercent(latestYield?.releasedYieldPpm ?? null)}</strong>
          {latestYield ? <>, {formatSesh(latestYield.releasedPerNodeDay ?? 0n)} per node per day</> : null}.
        </p>
        <SeriesChart data={seriesData} xKey="from" unit="%" ariaLabel="Network yield on stake (APR) over time" series={[{ key: "releasedApr", label: "Released ÷ stake, APR %", color: "#9b59b6" }]} />
        <SeriesChart data={seriesData} xKey="from" unit="SESH" ariaLabel="Released per node-day over time" series={[{ key: "perNodeDay", label: "Released per node-day, SESH", color: "#2f7fd1" }]} />
        <p className="stat-hint">The same figures are columns of the table above (download: series).</p>
      </section>

      <section className="card section" aria-labelledby="recipients-heading">
        <h2 id="recipients-heading">Recipients</h2>
        <p className="stat-hint">
          The {recipients.rows.length} largest of {recipients.total.toLocaleString("en-US")} reward accounts. Yield = rewards credited ÷ the
          recipient&apos;s stake as beneficiary over time, up to its last credit, annualised.
        </p>
        <ExportableTable caption="Reward accounts by credited balance" columns={recipientColumns} rows={recipients.rows} downloadHref="/api/rewards/recipients" testId="recipients-table" rowKey={(r) => r.recipient} empty="No reward accounts indexed yet." />
        <form method="get" action="/rewards#recipient-heading" className="recipient-form">
          <input type="hidden" name="period" value={view.period} />
          <input type="hidden" name="bucket" value={view.bucket} />
          <label htmlFor="recipient-input">One operator or contributor over time:</label>
          <input id="recipient-input" name="recipient" defaultValue={view.recipient ?? ""} placeholder="0x… address" spellCheck={false} autoComplete="off" size={44} />
          <button type="submit">Show</button>
        </form>
      </section>

      {view.recipient && history ? (
        <section className="card section" aria-labelledby="recipient-heading" data-testid="recipient-section">
          <h2 id="recipient-heading">Rewards of <AddressLink address={view.recipient} /></h2>
          <p className="stat-hint">
            Accrued (estimate) = each {view.bucket}&apos;s pool release shared equally per live node-second, then within each of this
            address&apos;s nodes by operator fee and stake (lib/rewards/estimate-accrual.ts). The chain records only what is credited,
            when the recipient asks. Yield = accrued ÷ its stake over time, annualised.
          </p>
          <SeriesChart data={history.series.map((r) => ({
            from: label(r.bucketStart),
            accrued: seshDecimal(r.estimatedAccrued),
            credited: seshDecimal(r.rewardCredited),
            claimed: seshDecimal(r.claimed),
          }))} xKey="from" kind="bar" unit="SESH" ariaLabel={`Accrued, credited and claimed per ${view.bucket} for ${view.recipient}`} series={[
            { key: "accrued", label: "Accrued (estimate)", color: "#9b59b6" },
            { key: "credited", label: "Rewards credited", color: "#3aa76d" },
            { key: "claimed", label: "Claimed", color: "#d9822b" },
          ]} />
          <SeriesChart data={history.series.map((r) => ({ from: label(r.bucketStart), apr: ppmDecimal(r.yieldPpm) }))} xKey="from" unit="%" ariaLabel={`Yield on stake over time for ${view.recipient}`} series={[{ key: "apr", label: "Yield, APR % (estimate)", color: "#9b59b6" }]} />
          <ExportableTable caption={`Rewards of ${view.recipient} by ${view.bucket}`} columns={recipientSeriesColumns} rows={history.series} downloadHref={`/api/rewards/recipient-series?${q}&recipient=${view.recipient}`} testId="recipient-series-table" rowKey={(r) => r.bucketStart.toISOString()} />
          <ExportableTable caption={`Nodes ${view.recipient} has stake in`} columns={recipientNodeColumns} rows={history.nodes} downloadHref={`/api/rewards/recipient-nodes?${q}&recipient=${view.recipient}`} testId="recipient-nodes-table" rowKey={(r) => r.nodeId.toString()} empty="This address has no stake in any node." />
        </section>
      ) : null}

      <section className="card section" aria-labelledby="liquidations-heading">
        <h2 id="liquidations-heading">Liquidation penalties</h2>
        <p className="stat-hint">
          A liquidated node&apos;s stake goes back to its contributors less a penalty split between the liquidator and the reward pool.
        </p>
        <ExportableTable caption="Liquidations and where their penalties went" columns={liquidationColumns} rows={liquidations} downloadHref="/api/rewards/liquidations" testId="liquidations-table" rowKey={(r) => r.txHash + r.nodeId} empty="No node has been liquidated." />
      </section>

      <section className="card section" aria-labelledby="reconciliation-heading">
        <h2 id="reconciliation-heading">Reconciliation</h2>
        <p className="stat-hint">
          Every figure above rests on these identities, computed from the indexed events to the last unit (1 SESH = 10⁹ units).
          {summary.asOf.block !== null ? <> Last indexed block {summary.asOf.block.toString()}.</> : null}
        </p>
        <ExportableTable caption="Reward reconciliation" columns={reconciliationColumns} rows={reconciliationRows(summary)} downloadHref={`/api/rewards/reconciliation?${q}`} testId="reconciliation-table" rowKey={(r) => r.identity} />
      </section>
    </>
  );
}
