import Link from "next/link";
import { LazyNetworkSeriesChart as NetworkSeriesChart } from "../components/charts/LazyCharts";
import { DownloadLinks } from "../components/DownloadLinks";
import { TxLink } from "../components/EvidenceLinks";
import { FoundationGauge } from "../components/FoundationGauge";
import { FreshnessPanel } from "../components/FreshnessPanel";
import { StatCard } from "../components/StatCard";
import { readWebConfig } from "../lib/config/web-config";
import { getLiveFoundationShare } from "../lib/db/governance-queries";
import { getNetworkOverview, getSupplyFacts, isStale, listDailyNodeDeltas } from "../lib/db/overview-queries";
import { attributionForChain } from "../lib/governance/attribution-for-chain";
import { dailyNetworkSeries, lastDays } from "../lib/domain/daily-network-series";
import { formatShare } from "../lib/domain/largest-share";
import { OVERVIEW_SERIES_DAYS } from "../lib/nodes/overview-series";
import { genesisAllocation, SESH_UNIT } from "../lib/tokenomics/genesis-allocation";
import { formatAge } from "../lib/format/relative-time";
import { formatSesh } from "../lib/format/sesh-amount";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const config = readWebConfig();
  const now = new Date();
  const window = lastDays(now, OVERVIEW_SERIES_DAYS);
  // The same attribution and count as /foundation, so the two pages never disagree on the pledge.
  const attribution = attributionForChain(config.foundationAddresses, config.chainId);
  const foundationAddresses = attribution.foundationAddresses.map((f) => f.address);
  // No read cache here: the page cache (web-cache/) renders this page once per few seconds, and
  // a second layer would add its age to the page's.
  const [overview, pledge, supply, deltas] = await Promise.all([
    getNetworkOverview(),
    getLiveFoundationShare(foundationAddresses),
    getSupplyFacts(now),
    listDailyNodeDeltas(),
  ]);
  const series = dailyNetworkSeries(deltas, window.from, window.to);
  // Prefer the supply the indexed mints show; the fixed 240M maximum otherwise.
  const totalSupply = supply.indexedSupply ?? genesisAllocation().maxSupply;
  const stakedShare = totalSupply > 0n ? Number((overview.totalStaked * 1_000_000n) / totalSupply) / 1_000_000 : 0;
  // The pool pays 15.1% a year of its balance (simple rate, recomputed at each release).
  const poolYearly = (supply.pool.balance * 151n) / 1000n;
  const stale = isStale(overview.freshness, now);
  const { nodes } = overview;
  const n = (v: number) => v.toLocaleString("en-US");

  return (
    <>
      <h1>Session Network</h1>
      <p className="lede">
        The staked nodes that carry Session&apos;s messages, as the staking contract and the nodes&apos; own heartbeats report them.
      </p>

      {stale.chain || stale.heartbeats ? (
        <div className="notice notice-warning" role="status" data-testid="stale-warning">
          <strong>Data may be out of date.</strong>{" "}
          {stale.chain ? <>Chain data stale since {overview.freshness.chainCheckedAt ? formatAge(overview.freshness.chainCheckedAt, now) : "the start"}. </> : null}
          {stale.heartbeats ? <>Heartbeats stale since {overview.freshness.lastHeartbeatAt ? formatAge(overview.freshness.lastHeartbeatAt, now) : "the start"}.</> : null}
        </div>
      ) : null}

      {nodes.registered === 0 ? (
        <p className="card" data-testid="empty-state">No nodes indexed yet. The indexer fills this page as it reads the chain.</p>
      ) : null}

      <div className="grid">
        <StatCard label="Active nodes" value={n(nodes.active)} testId="active-node-count" hint={`${n(nodes.registered)} registered on chain`} />
        <StatCard label="Awaiting contributors" value={n(nodes.awaitingContributors)} testId="awaiting-contributors-count" hint="multi-contributor nodes being funded, not yet registered" />
        <StatCard label="Decommissioned" value={n(nodes.decommissioned)} testId="decommissioned-node-count" hint="funded, not serving: no valid uptime proof" />
        <StatCard label="Awaiting exit" value={n(nodes.awaitingExit)} testId="exiting-node-count" hint="exit requested, stake still locked" />
        <StatCard label="No heartbeat" value={n(nodes.withoutHeartbeat)} testId="no-heartbeat-count" hint="registered on chain, absent from the network's heartbeats" />
        <StatCard
          label="Total staked"
          value={<>{formatSesh(overview.totalStaked, { fractionDigits: 0, unit: false })} <span className="stat-unit">SESH</span></>}
          testId="total-staked"
          hint={<span data-testid="staked-share">{formatShare(stakedShare)} of the {formatSesh(totalSupply, { fractionDigits: 0 })} supply{supply.indexedSupply === null ? " (fixed maximum; no mint indexed)" : ""}</span>}
        />
        <StatCard
          label="Stale uptime proofs"
          value={n(nodes.staleProofs)}
          testId="stale-proof-count"
          hint="active nodes whose last proof is older than 2 h 5 min"
        />
        <StatCard
          label="Reward pool"
          value={<>{formatSesh(supply.pool.balance, { fractionDigits: 0, unit: false })} <span className="stat-unit">SESH</span></>}
          testId="reward-pool-balance"
          hint={
            <>
              releases {formatSesh(supply.pool.released30d, { fractionDigits: 0 })} in 30 days (15.1% a year ≈ {formatSesh(poolYearly / 365n, { fractionDigits: 0 })} a day)
              {supply.pool.lastRelease ? <>; last <TxLink hash={supply.pool.lastRelease.txHash} /></> : null}
            </>
          }
        />
      </div>

      <div className="two-col">
        <section className="card" aria-labelledby="pledge-heading">
          <h2 id="pledge-heading">Foundation share of nodes</h2>
          <p className="stat-hint">The Session Technology Foundation pledges never to operate more than 10% of the network&apos;s nodes.</p>
          <FoundationGauge share={pledge} />
          <details style={{ marginTop: "1rem" }}>
            <summary>Which addresses count as {attribution.foundation.name}</summary>
            {attribution.foundationAddresses.length === 0 ? (
              <p className="stat-hint">No foundation addresses configured (FOUNDATION_ADDRESSES) or labelled: nothing is attributed to the foundation.</p>
            ) : (
              <ul className="address-list" data-testid="foundation-addresses">
                {attribution.foundationAddresses.map((f) => (
                  <li key={f.address}><code>{f.address}</code> <span className="stat-hint">{f.reasons.join("; ")}</span></li>
                ))}
              </ul>
            )}
            <p className="stat-hint"><Link href="/foundation">Every day of the pledge, its crossings and the method</Link></p>
          </details>
        </section>
        <FreshnessPanel freshness={overview.freshness} now={now} />
      </div>

      <div className="chart-pair section">
        <section className="card" aria-labelledby="node-series-heading">
          <h2 id="node-series-heading">Registered nodes, {OVERVIEW_SERIES_DAYS} days</h2>
          <NetworkSeriesChart points={series.map((p) => ({ day: p.day, value: p.nodes }))} label="Registered nodes" unit="nodes" />
        </section>
        <section className="card" aria-labelledby="stake-series-heading">
          <h2 id="stake-series-heading">Total staked, {OVERVIEW_SERIES_DAYS} days</h2>
          <NetworkSeriesChart points={series.map((p) => ({ day: p.day, value: Number(p.staked / SESH_UNIT) }))} label="Total staked" unit="SESH" />
        </section>
      </div>
      <DownloadLinks href="/api/overview?table=daily" label="nodes and stake per day" />
    </>
  );
}
