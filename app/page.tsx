import { FoundationGauge } from "../components/FoundationGauge";
import { FreshnessPanel } from "../components/FreshnessPanel";
import { StatCard } from "../components/StatCard";
import { readWebConfig } from "../lib/config/web-config";
import { getNetworkOverview, isStale } from "../lib/db/overview-queries";
import { formatAge } from "../lib/format/relative-time";
import { formatSesh } from "../lib/format/sesh-amount";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const config = readWebConfig();
  const overview = await getNetworkOverview(config.foundationAddresses);
  const now = new Date();
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
        <StatCard label="Decommissioned" value={n(nodes.decommissioned)} testId="decommissioned-node-count" hint="funded, not serving: no valid uptime proof" />
        <StatCard label="Awaiting exit" value={n(nodes.awaitingExit)} testId="exiting-node-count" hint="exit requested, stake still locked" />
        <StatCard label="No heartbeat" value={n(nodes.withoutHeartbeat)} testId="no-heartbeat-count" hint={`${n(nodes.staleProofs)} active with a stale uptime proof`} />
        <StatCard
          label="Total staked"
          value={formatSesh(overview.totalStaked, { fractionDigits: 0 })}
          testId="total-staked"
          hint="in nodes registered on chain"
        />
      </div>

      <div className="two-col">
        <section className="card" aria-labelledby="pledge-heading">
          <h2 id="pledge-heading">Foundation share of nodes</h2>
          <p className="stat-hint">The Session Technology Foundation pledges never to operate more than 10% of the network&apos;s nodes.</p>
          <FoundationGauge share={overview.foundation} />
          <details style={{ marginTop: "1rem" }}>
            <summary>Which addresses count as the foundation</summary>
            {overview.foundation.addresses.length === 0 ? (
              <p className="stat-hint">No foundation addresses configured (FOUNDATION_ADDRESSES): nothing is attributed to the foundation.</p>
            ) : (
              <>
                <p className="stat-hint">Nodes whose operator (the first contributor) is one of these configured addresses:</p>
                <ul className="address-list" data-testid="foundation-addresses">
                  {overview.foundation.addresses.map((a) => (
                    <li key={a}><code>{a}</code></li>
                  ))}
                </ul>
              </>
            )}
          </details>
        </section>
        <FreshnessPanel freshness={overview.freshness} now={now} />
      </div>
    </>
  );
}
