import type { Metadata } from "next";
import Link from "next/link";
import { ConcentrationTrendChart } from "../../components/ConcentrationTrendChart";
import { DownloadLinks } from "../../components/DownloadLinks";
import { AddressLink } from "../../components/EvidenceLinks";
import { FoundationAttribution } from "../../components/FoundationAttribution";
import { readWebConfig } from "../../lib/config/web-config";
import { concentrationWindowStart, getAddressStandings, getConcentrationHistory, getGovernanceFreshness, type ConcentrationDayRow, type ConcentrationDimension } from "../../lib/db/governance-queries";
import { formatAge } from "../../lib/format/relative-time";
import { formatSesh } from "../../lib/format/sesh-amount";
import { attributionForChain } from "../../lib/governance/attribution-for-chain";
import { ratio } from "../../lib/governance/concentration-metrics";
import { parseLeaderboardParams } from "../../lib/governance/leaderboard-params";
import { operatorLeaderboard } from "../../lib/governance/operator-leaderboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Operators and concentration" };

const dimensions: { key: ConcentrationDimension; label: string; unit: string; color: string }[] = [
  { key: "operator-nodes", label: "Operators, by nodes", unit: "nodes", color: "var(--accent)" },
  { key: "entity-stake", label: "Stakers, by stake", unit: "stake", color: "#7c6bd6" },
  { key: "provider-nodes", label: "Hosting providers, by nodes", unit: "nodes", color: "#d08a1c" },
  { key: "country-nodes", label: "Countries, by nodes", unit: "nodes", color: "#2f8fd8" },
];
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export default async function OperatorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const parsed = parseLeaderboardParams({ get: (k) => (typeof raw[k] === "string" ? (raw[k] as string) : null) });
  if (!parsed.ok) {
    return (
      <div className="governance">
        <h1>Operators and concentration</h1>
        <p className="notice notice-warning" role="alert" data-testid="param-error">Invalid parameter: {parsed.error}. <Link href="/operators">Show the default list</Link>.</p>
      </div>
    );
  }
  const config = readWebConfig();
  const attribution = attributionForChain(config.foundationAddresses, config.chainId);
  const [standings, history, freshness] = await Promise.all([getAddressStandings(), getConcentrationHistory(concentrationWindowStart()), getGovernanceFreshness()]);
  const all = operatorLeaderboard(standings, attribution);
  const rows = all.slice(0, parsed.top);
  const latest = new Map<ConcentrationDimension, ConcentrationDayRow>();
  for (const r of history) latest.set(r.dimension, r);
  const byDay = new Map<string, Record<string, string | number | null>>();
  for (const r of history) {
    const point = byDay.get(r.day) ?? { day: r.day };
    point[`${r.dimension}:n33`] = r.nakamoto33;
    point[`${r.dimension}:n50`] = r.nakamoto50;
    point[`${r.dimension}:top5`] = ratio(r.top5, r.total) * 100;
    point[`${r.dimension}:hhi`] = r.hhi;
    point[`${r.dimension}:gini`] = r.gini;
    byDay.set(r.day, point);
  }
  const points = [...byDay.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  const seriesOf = (metric: string) => dimensions.map((d) => ({ key: `${d.key}:${metric}`, label: d.label, color: d.color }));
  const now = new Date();
  const heartbeatDays = history.filter((r) => r.dimension === "provider-nodes").length;

  return (
    <div className="governance">
      <h1>Operators and concentration</h1>
      <p className="lede">
        Who runs the Session Network&apos;s nodes and who stakes in them, grouped into entities only where configuration or a sourced label says so,
        and how concentrated that is, now and every day of the last year. The foundation&apos;s pledge has <Link href="/foundation">its own page</Link>.
      </p>
      <FoundationAttribution attribution={attribution} />

      <section className="card section" aria-labelledby="now-heading">
        <h2 id="now-heading">Concentration today</h2>
        <div className="table-scroll">
          <table className="gov-table" data-testid="concentration-now">
            <caption className="visually-hidden">Concentration of nodes and stake today</caption>
            <thead>
              <tr>
                <th scope="col">Distribution</th><th scope="col" className="num">Entities</th><th scope="col" className="num">Top 1</th><th scope="col" className="num">Top 5</th>
                <th scope="col" className="num">Top 10</th><th scope="col" className="num" title="fewest entities holding more than a third">Nakamoto &gt;⅓</th>
                <th scope="col" className="num" title="fewest entities holding more than half">Nakamoto &gt;½</th><th scope="col" className="num">HHI</th><th scope="col" className="num">Gini</th>
              </tr>
            </thead>
            <tbody>
              {dimensions.map((d) => {
                const r = latest.get(d.key);
                return (
                  <tr key={d.key} data-dimension={d.key}>
                    <th scope="row">{d.label}{r ? <span className="stat-hint"> · {r.day}</span> : null}</th>
                    {r ? (
                      <>
                        <td className="num">{r.entities.toLocaleString("en-US")}</td><td className="num">{pct(ratio(r.top1, r.total))}</td>
                        <td className="num">{pct(ratio(r.top5, r.total))}</td><td className="num">{pct(ratio(r.top10, r.total))}</td>
                        <td className="num" data-testid={`${d.key}-n33`}>{r.nakamoto33}</td><td className="num">{r.nakamoto50}</td>
                        <td className="num">{r.hhi.toFixed(4)}</td><td className="num">{r.gini.toFixed(3)}</td>
                      </>
                    ) : (
                      <td colSpan={8} className="stat-hint">{d.key.endsWith("-nodes") && d.key !== "operator-nodes" ? "no heartbeat history yet" : "not derived yet"}</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="stat-hint">
          Operators and stakers: from every registration and exit on chain, one row a day. Providers and countries: from the nodes&apos; heartbeats, which
          exist only since the indexer began polling ({heartbeatDays} day{heartbeatDays === 1 ? "" : "s"} so far); IPs placed with offline databases, unknown places kept apart.
          Series derived {freshness.seriesDerivedAt ? formatAge(freshness.seriesDerivedAt, now) : "not yet"}.
        </p>
      </section>

      <section className="card section" aria-labelledby="trends-heading">
        <h2 id="trends-heading">The last year</h2>
        <div className="chart-grid">
          <ConcentrationTrendChart title="Nakamoto coefficient (> ⅓)" points={points} series={seriesOf("n33")} unit="count" />
          <ConcentrationTrendChart title="Nakamoto coefficient (> ½)" points={points} series={seriesOf("n50")} unit="count" />
          <ConcentrationTrendChart title="Top-5 share" points={points} series={seriesOf("top5")} unit="percent" />
          <ConcentrationTrendChart title="HHI" points={points} series={seriesOf("hhi")} unit="index" />
          <ConcentrationTrendChart title="Gini" points={points} series={seriesOf("gini")} unit="index" />
        </div>
        <DownloadLinks href="/api/operators/concentration" label="the daily figures" />
      </section>

      <section className="card section" aria-labelledby="board-heading">
        <h2 id="board-heading">Leaderboard</h2>
        <p className="stat-hint">
          Entities ranked by nodes operated (the address that registered each node), then by stake contributed to nodes not yet exited.
          Rewards: lifetime amount credited (RewardsBalanceUpdated, which includes returned stakes) and claimed (RewardsClaimed). Showing{" "}
          {rows.length.toLocaleString("en-US")} of {all.length.toLocaleString("en-US")}
          {rows.length < all.length ? <> · <Link href={`/operators?top=${all.length}`}>show all</Link></> : null}.
        </p>
        <div className="table-scroll">
          <table className="gov-table" data-testid="leaderboard">
            <caption className="visually-hidden">Operators and stakers ranked by nodes operated</caption>
            <thead>
              <tr>
                <th scope="col" className="num">#</th><th scope="col">Entity</th><th scope="col" className="num">Nodes</th><th scope="col" className="num">Node share</th>
                <th scope="col" className="num">Stake</th><th scope="col" className="num">Stake share</th><th scope="col" className="num">Rewards credited</th><th scope="col" className="num">Claimed</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.entity.id} data-entity-kind={r.entity.kind}>
                  <td className="num">{i + 1}</td>
                  <td>
                    {r.entity.kind === "address" ? (
                      <AddressLink address={r.address} />
                    ) : (
                      <>
                        <strong>{r.entity.name}</strong>
                        <span className="stat-hint"> · {r.addresses.length} address{r.addresses.length === 1 ? "" : "es"}</span>
                        <div className="entity-addresses">{r.addresses.map((a) => <AddressLink key={a} address={a} />)}</div>
                      </>
                    )}
                  </td>
                  <td className="num">{r.nodes.toLocaleString("en-US")}</td>
                  <td className="num">{pct(r.nodeShare)}</td>
                  <td className="num">{formatSesh(r.stake, { fractionDigits: 0 })}</td>
                  <td className="num">{pct(r.stakeShare)}</td>
                  <td className="num">{formatSesh(r.rewardsCredited, { fractionDigits: 0 })}</td>
                  <td className="num">{formatSesh(r.rewardsClaimed, { fractionDigits: 0 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DownloadLinks href={`/api/operators?top=${parsed.top}`} label="the leaderboard" />
      </section>
    </div>
  );
}
