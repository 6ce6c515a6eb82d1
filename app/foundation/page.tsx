import type { Metadata } from "next";
import Link from "next/link";
import { DownloadLinks } from "../../components/DownloadLinks";
import { AddressLink, TxLink } from "../../components/EvidenceLinks";
import { FoundationAttribution } from "../../components/FoundationAttribution";
import { FoundationGauge } from "../../components/FoundationGauge";
import { PledgeHistoryChart } from "../../components/PledgeHistoryChart";
import { StatCard } from "../../components/StatCard";
import { readWebConfig } from "../../lib/config/web-config";
import { getFoundationChangesOnDays, getFoundationPageData } from "../../lib/db/governance-queries";
import { formatAge } from "../../lib/format/relative-time";
import { formatSesh } from "../../lib/format/sesh-amount";
import { attributionForChain } from "../../lib/governance/attribution-for-chain";
import { ratio } from "../../lib/governance/concentration-metrics";
import { breachPeriods, causingChanges, utcDay } from "../../lib/governance/pledge-series";
import { flowTotals } from "../../lib/governance/transparency-report";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Foundation pledge" };

const pct = (part: number | bigint, whole: number | bigint) => `${(ratio(BigInt(part), BigInt(whole)) * 100).toFixed(2)}%`;
const n = (v: number) => v.toLocaleString("en-US");
/** A block's transactions: the first few, the rest behind a disclosure (a burst can be dozens). */
function TxList({ hashes, block }: { hashes: string[]; block: bigint }) {
  const unique = [...new Set(hashes)];
  const shown = unique.slice(0, 3);
  const more = unique.slice(3);
  return (
    <>
      {shown.map((tx) => <div key={tx}><TxLink hash={tx} block={block} /></div>)}
      {more.length > 0 ? (
        <details className="tx-more">
          <summary>{more.length} more in block {block.toString()}</summary>
          {more.map((tx) => <div key={tx}><TxLink hash={tx} block={block} /></div>)}
        </details>
      ) : null}
    </>
  );
}

const stamp = (d: Date) => d.toISOString().replace("T", " ").slice(0, 16) + " UTC";

export default async function FoundationPage() {
  const config = readWebConfig();
  const attribution = attributionForChain(config.foundationAddresses, config.chainId);
  const foundation = attribution.foundationAddresses.map((f) => f.address);
  const data = await getFoundationPageData(foundation);
  const { live, history } = data;
  const periods = breachPeriods(data.transitions, history);
  const aroundDays = [...new Set(periods.flatMap((p) => [utcDay(p.start.time), ...(p.end ? [utcDay(p.end.time)] : [])]))];
  const around = await getFoundationChangesOnDays(foundation, aroundDays);
  const totals = flowTotals(data.flows);
  const claimed = data.claims.reduce((t, c) => t + c.amount, 0n);
  const now = new Date();
  const breachDays = history.filter((d) => d.status === "breach").length;
  const operated = data.nodes.filter((x) => x.role === "operator");
  const contributed = data.nodes.filter((x) => x.role === "contributor");

  return (
    <div className="governance">
      <h1>The foundation&apos;s 10% pledge</h1>
      <p className="lede">
        The Session Technology Foundation pledges never to operate more than 10% of the network&apos;s nodes. Here is that share now and on every
        day since the first node, each figure traced to the transactions behind it.
      </p>
      <FoundationAttribution attribution={attribution} />

      <div className="two-col governance-top">
        <section className="card" aria-labelledby="gauge-heading">
          <h2 id="gauge-heading">Now</h2>
          <FoundationGauge share={live} />
          <p className="stat-hint">
            Nodes registered on chain and not yet exited (exit requests still count: those nodes run until they leave), as of block{" "}
            <span data-testid="gauge-block">{live.lastBlock?.toString() ?? "none"}</span>
            {live.lastBlockTime ? <> mined {formatAge(live.lastBlockTime, now)}</> : null}.
          </p>
        </section>
        <section className="card" aria-labelledby="ways-heading">
          <h2 id="ways-heading">Counted three ways</h2>
          <dl className="facts">
            <dt>Nodes operated (the pledge)</dt>
            <dd data-testid="ways-operated">{n(live.foundationNodes)} of {n(live.totalNodes)} ({pct(live.foundationNodes, live.totalNodes)})</dd>
            <dt>Stake contributed</dt>
            <dd data-testid="ways-stake">{formatSesh(live.foundationStake, { fractionDigits: 0 })} of {formatSesh(live.totalStake, { fractionDigits: 0 })} ({pct(live.foundationStake, live.totalStake)})</dd>
            <dt>Staked in, not operated</dt>
            <dd data-testid="ways-contributed">{n(live.contributedNodes)} nodes</dd>
          </dl>
          <p className="stat-hint">Only nodes operated count toward the pledge; stake is the economic weight behind them.</p>
        </section>
      </div>

      <section className="card section" aria-labelledby="history-heading">
        <h2 id="history-heading">Every day</h2>
        <p className="stat-hint">
          {history.length === 0
            ? "The daily series has not been derived yet: the indexer builds it once it has read the chain."
            : <>{n(history.length)} days from {history[0]!.day} to {history.at(-1)!.day}; {n(breachDays)} of them above 10% at some block. A day counts as above the line if the share passed 10% at any block of it.</>}
        </p>
        <PledgeHistoryChart
          points={history.map((d) => ({
            day: d.day,
            share: ratio(BigInt(d.foundationNodes), BigInt(d.totalNodes)) * 100,
            peak: ratio(BigInt(d.peakFoundationNodes), BigInt(d.peakTotalNodes)) * 100,
            foundationNodes: d.foundationNodes,
            totalNodes: d.totalNodes,
          }))}
        />
        <DownloadLinks href="/api/foundation/history" label="the daily series" />
      </section>

      <section className="card section" aria-labelledby="periods-heading">
        <h2 id="periods-heading">Periods above the 10% line</h2>
        {periods.length === 0 ? (
          <p data-testid="no-breach">None: the foundation has stayed within its pledge on every day of the indexed history.</p>
        ) : (
          <div className="table-scroll">
            <table className="gov-table" data-testid="breach-periods">
              <caption className="visually-hidden">Periods when the foundation operated more than 10% of nodes</caption>
              <thead>
                <tr>
                  <th scope="col">From</th><th scope="col">Crossed by</th><th scope="col">Until</th><th scope="col">Back by</th>
                  <th scope="col" className="num">Days</th><th scope="col" className="num">Highest share</th>
                </tr>
              </thead>
              <tbody>
                {periods.map((p) => (
                  <tr key={p.start.block.toString()} id={`day-${utcDay(p.start.time)}`}>
                    <td>{stamp(p.start.time)}<br /><span className="stat-hint">{p.start.foundationNodes} of {p.start.totalNodes} nodes</span></td>
                    <td><TxList hashes={causingChanges(p.start.changes).map((c) => c.tx)} block={p.start.block} /></td>
                    <td>{p.end ? <>{stamp(p.end.time)}<br /><span className="stat-hint">{p.end.foundationNodes} of {p.end.totalNodes} nodes</span></> : <strong>still above</strong>}</td>
                    <td>{p.end ? <TxList hashes={causingChanges(p.end.changes).map((c) => c.tx)} block={p.end.block} /> : "—"}</td>
                    <td className="num">{p.days}</td>
                    <td className="num">{pct(p.peakFoundationNodes, p.peakTotalNodes)} ({p.peakFoundationNodes} of {p.peakTotalNodes})</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <DownloadLinks href="/api/foundation/periods" label="the periods" />
        {around.length > 0 ? (
          <details className="around">
            <summary>The foundation&apos;s registrations and exits on the crossing days ({around.length})</summary>
            <div className="table-scroll">
              <table className="gov-table compact">
                <caption className="visually-hidden">Foundation registrations and exits on the days its share crossed 10%</caption>
                <thead><tr><th scope="col">Time</th><th scope="col">What</th><th scope="col">Node</th><th scope="col">Operator</th><th scope="col">Transaction</th></tr></thead>
                <tbody>
                  {around.map((c) => (
                    <tr key={`${c.kind}-${c.nodeId}`}>
                      <td>{stamp(c.time)}</td><td>{c.kind}</td><td><Link href={`/nodes/${c.nodeId}`}>#{c.nodeId.toString()}</Link></td>
                      <td><AddressLink address={c.operator} /></td><td><TxLink hash={c.tx} block={c.block} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ) : null}
      </section>

      <section className="card section" aria-labelledby="nodes-heading">
        <h2 id="nodes-heading">The foundation&apos;s nodes</h2>
        <p className="stat-hint">{n(operated.length)} operated, {n(contributed.length)} staked in without operating.</p>
        <div className="table-scroll tall">
          <table className="gov-table compact" data-testid="foundation-nodes">
            <caption className="visually-hidden">Nodes the foundation operates or stakes in</caption>
            <thead><tr><th scope="col">Node</th><th scope="col">Role</th><th scope="col">Operator</th><th scope="col">State</th><th scope="col" className="num">Foundation stake</th><th scope="col">Registered</th></tr></thead>
            <tbody>
              {data.nodes.map((x) => (
                <tr key={x.id.toString()}>
                  <td><Link href={`/nodes/${x.id}`}>#{x.id.toString()}</Link></td><td>{x.role}</td><td><AddressLink address={x.operator} /></td>
                  <td>{x.state === "exit_requested" ? "exit requested" : x.state}</td>
                  <td className="num">{formatSesh(x.foundationStake, { fractionDigits: 0 })}</td>
                  <td><TxLink hash={x.registeredTx} block={x.registeredBlock} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DownloadLinks href="/api/foundation/nodes" label="the nodes" />
      </section>

      <section className="card section" aria-labelledby="sesh-heading">
        <h2 id="sesh-heading">SESH holdings and flows</h2>
        <div className="grid">
          <StatCard label="Held now" value={formatSesh(totals.balance, { fractionDigits: 0 })} testId="sesh-held" hint="received + paid out − staked − sent" />
          <StatCard label="Received" value={formatSesh(totals.received, { fractionDigits: 0 })} testId="sesh-received" hint="allocation and other transfers in" />
          <StatCard label="Staked" value={formatSesh(totals.staked, { fractionDigits: 0 })} testId="sesh-staked" hint="to the staking contract" />
          <StatCard label="Rewards claimed" value={formatSesh(claimed, { fractionDigits: 0 })} testId="sesh-claimed" hint={`${n(data.claims.length)} claims; include returned stakes`} />
          <StatCard label="Sent out" value={formatSesh(totals.sent, { fractionDigits: 0 })} testId="sesh-sent" hint="transfers to other addresses" />
        </div>
        <details>
          <summary>Every transfer ({n(data.flows.length)})</summary>
          <div className="table-scroll tall">
            <table className="gov-table compact">
              <caption className="visually-hidden">SESH transfers of the foundation&apos;s addresses</caption>
              <thead><tr><th scope="col">Time</th><th scope="col">Kind</th><th scope="col">Counterparty</th><th scope="col" className="num">Amount</th><th scope="col">Transaction</th></tr></thead>
              <tbody>
                {data.flows.map((f) => (
                  <tr key={`${f.tx}-${f.address}-${f.counterparty}-${f.amount}`}>
                    <td>{stamp(f.time)}</td><td>{f.category}</td><td><AddressLink address={f.counterparty} /></td>
                    <td className="num">{formatSesh(f.amount, { fractionDigits: 0 })}</td><td><TxLink hash={f.tx} block={f.block} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <DownloadLinks href="/api/foundation/flows" label="the transfers" />
      </section>

      <section className="card section" aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts</h2>
        <p className="stat-hint">
          Subscribe to the <a href="/foundation/alerts.xml">Atom feed</a>: an entry when the share reaches 9%, passes 10%, comes back, or any entity
          holds more than a third of nodes or stake. The indexer can also POST them to a webhook (ALERT_WEBHOOK_URL).
        </p>
        <ul className="alert-list">
          {data.alerts.slice(0, 8).map((a) => (
            <li key={a.id}><span className="badge" data-status={a.severity === "critical" ? "breach" : a.severity === "warning" ? "warning" : "ok"}>{a.severity}</span> {a.title}</li>
          ))}
        </ul>
      </section>

      <section className="card section methodology" aria-labelledby="method-heading">
        <h2 id="method-heading">Methodology</h2>
        <ul>
          <li><strong>Attribution.</strong> A node&apos;s operator is the address that registered it (ServiceNodeRewards&apos; <code>NewServiceNodeV2</code>, or the seeding transaction for nodes migrated from Oxen). It counts as the foundation&apos;s when that address is listed above, from FOUNDATION_ADDRESSES or a sourced label. Nothing else is guessed.</li>
          <li><strong>What is counted.</strong> Nodes registered on chain and not yet exited or liquidated. The share is foundation nodes ÷ all such nodes; the ceiling is 10% of them, rounded down. Exactly 10% keeps the pledge; from 9% the page warns.</li>
          <li><strong>Every day.</strong> The indexer replays every registration and exit block by block into one row per UTC day (end-of-day counts and the highest share reached during the day) and records each block where the status changed, with its transactions. The series is rebuilt whenever the indexed chain changes, reorgs included.</li>
          <li><strong>SESH flows.</strong> From the token&apos;s Transfer events of the foundation&apos;s addresses; claims from <code>RewardsClaimed</code>, which mixes rewards and returned stakes.</li>
          <li><strong>Freshness.</strong> Last indexed block {live.lastBlock?.toString() ?? "none"}; daily series derived {data.freshness.seriesDerivedAt ? formatAge(data.freshness.seriesDerivedAt, now) : "not yet"} (up to block {data.freshness.seriesBlock?.toString() ?? "none"}).</li>
        </ul>
        <p>
          <Link href="/foundation/report" data-testid="report-link">Transparency report (printable)</Link> ·{" "}
          <a href="/api/foundation/report?format=csv" download data-testid="report-csv">CSV</a> ·{" "}
          <a href="/api/foundation/report?format=json" data-testid="report-json">JSON</a> · <Link href="/operators">Operators and concentration</Link>
        </p>
      </section>
    </div>
  );
}
