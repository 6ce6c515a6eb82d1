import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { LazyVersionProgressChart as VersionProgressChart } from "../../components/charts/LazyCharts";
import { DataTable } from "../../components/DataTable";
import { DownloadLinks } from "../../components/DownloadLinks";
import { WorldNodeMap } from "../../components/WorldNodeMap";
import { getNetworkDistribution, listVersionsByDay, type DistributionRow } from "../../lib/db/distribution-queries";
import { lastDays } from "../../lib/domain/daily-network-series";
import { formatShare, largestShare } from "../../lib/domain/largest-share";
import { versionProgress } from "../../lib/domain/version-progress";
import { countryName } from "../../lib/format/country-name";
import { VERSION_HISTORY_DAYS } from "../../lib/nodes/distribution-table";
import { distributionColumns } from "../../lib/tables/distribution-columns";
import { cachedRead, PAGE_READ_TTL_MS } from "../../lib/db/cached-read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Distribution" };

function ShareCell({ nodes, total }: { nodes: number; total: number }) {
  const share = total ? nodes / total : 0;
  return (
    <span title={formatShare(share)}>
      <span className="share-bar" style={{ width: `${Math.max(2, share * 120)}px` }} aria-hidden="true" />
      {nodes.toLocaleString("en-US")}
    </span>
  );
}

function Breakdown({ id, title, note, rows, total, keyHeader, labelHeader, renderKey, table }: {
  id: string; title: string; note?: ReactNode; rows: DistributionRow[]; total: number; keyHeader: string; labelHeader?: string; renderKey?: (r: DistributionRow) => ReactNode; table: string;
}) {
  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {note ? <p className="section-note">{note}</p> : null}
      <div style={{ maxHeight: "28rem", overflowY: "auto" }}>
        <DataTable
          caption={`${rows.length} ${title.toLowerCase()}, largest first`}
          columns={distributionColumns(keyHeader, labelHeader)}
          rows={rows}
          rowKey={(r) => r.key}
          seshColumns={["stake"]}
          testId={`${id}-table`}
          render={{ nodes: (r) => <ShareCell nodes={r.nodes} total={total} />, ...(renderKey ? { key: renderKey } : {}) }}
        />
      </div>
      <DownloadLinks href={`/api/distribution?table=${table}`} label={title.toLowerCase()} />
    </section>
  );
}

export default async function DistributionPage() {
  const window = lastDays(new Date(), VERSION_HISTORY_DAYS);
  const [dist, versionDays] = await Promise.all([
    cachedRead("distribution", PAGE_READ_TTL_MS, getNetworkDistribution),
    cachedRead(`versions-by-day:${window.from}`, PAGE_READ_TTL_MS, () => listVersionsByDay(window.from, window.to)),
  ]);
  const total = dist.located;
  const topCountry = largestShare(dist.byCountry.map((r) => ({ key: r.key, count: r.nodes })), total);
  const topProvider = largestShare(dist.byProvider.map((r) => ({ key: r.key, count: r.nodes })), total);
  const providerName = (asn: string) => dist.byProvider.find((r) => r.key === asn)?.label ?? `AS${asn}`;
  const topVersion = dist.byVersion[0];
  const progress = versionProgress(versionDays);
  const swarmSizes = dist.bySwarm.map((s) => s.nodes).sort((a, b) => a - b);

  return (
    <>
      <h1>Where the nodes run</h1>
      <p className="lede">
        Registered nodes by the country and network of their IP address (offline IP databases), by software version and by swarm, from the latest heartbeats.
        {dist.unlocated ? ` ${dist.unlocated.toLocaleString("en-US")} registered nodes are missing from the heartbeats and are not counted here.` : ""}
      </p>

      <section className="card plain-facts" aria-label="Concentration" data-testid="concentration">
        {topCountry ? (
          <p>
            <strong data-testid="top-country-share">{formatShare(topCountry.share)}</strong> of the {total.toLocaleString("en-US")} located nodes run in{" "}
            <strong>{countryName(topCountry.key)}</strong>, the largest country ({topCountry.count.toLocaleString("en-US")} nodes).
          </p>
        ) : <p>No node has reported a location yet.</p>}
        {topProvider ? (
          <p>
            <strong data-testid="top-provider-share">{formatShare(topProvider.share)}</strong> run on the network of <strong>{providerName(topProvider.key)}</strong>{" "}
            (AS{topProvider.key}), the largest hosting provider ({topProvider.count.toLocaleString("en-US")} nodes).
          </p>
        ) : null}
        {topVersion && total ? (
          <p>
            <strong>{formatShare(topVersion.nodes / total)}</strong> run version {topVersion.key}, the newest seen.
          </p>
        ) : null}
      </section>

      <section className="section" aria-labelledby="map-heading">
        <h2 id="map-heading">Nodes by country</h2>
        <WorldNodeMap countries={dist.byCountry} />
      </section>
      <Breakdown id="country" title="Countries" rows={dist.byCountry} total={total} keyHeader="Country" table="country"
        renderKey={(r) => <Link href={`/nodes?country=${r.key}`}>{countryName(r.key)} ({r.key})</Link>} />
      <Breakdown id="provider" title="Hosting networks" note="Grouped by autonomous system (AS): the network that announces the node's IP address." rows={dist.byProvider} total={total}
        keyHeader="AS number" labelHeader="Network" table="provider"
        renderKey={(r) => (r.label ? <Link href={`/nodes?provider=${encodeURIComponent(r.label)}`}>AS{r.key}</Link> : `AS${r.key}`)} />

      <section className="section" aria-labelledby="upgrade-heading">
        <h2 id="upgrade-heading">Upgrade progress</h2>
        <p className="section-note">
          Nodes on each version at the end of each UTC day, from the explorer&apos;s heartbeat history ({progress.points.length} day{progress.points.length === 1 ? "" : "s"} recorded so far, up to {VERSION_HISTORY_DAYS}).
        </p>
        {progress.points.length ? <VersionProgressChart progress={progress} /> : <p className="stat-hint">No heartbeat history yet.</p>}
        <DownloadLinks href="/api/distribution?table=versions-by-day" label="versions by day" />
      </section>
      <Breakdown id="version" title="Versions" rows={dist.byVersion} total={total} keyHeader="Version" table="version"
        renderKey={(r) => <Link href={`/nodes?version=${encodeURIComponent(r.key)}`}>{r.key}</Link>} />
      <Breakdown id="swarm" title="Swarms"
        note={swarmSizes.length ? `${swarmSizes.length} swarms; nodes per swarm: smallest ${swarmSizes[0]}, median ${swarmSizes[Math.floor(swarmSizes.length / 2)]}, largest ${swarmSizes.at(-1)}. A swarm stores a share of the messages: a small swarm is a fragile one.` : undefined}
        rows={dist.bySwarm} total={total} keyHeader="Swarm id" table="swarm" />
    </>
  );
}
