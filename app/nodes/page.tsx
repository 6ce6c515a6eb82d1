import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "../../components/DataTable";
import { DownloadLinks } from "../../components/DownloadLinks";
import { AddressLink } from "../../components/EvidenceLinks";
import { NodeStatusBadge } from "../../components/NodeStatusBadge";
import { readWebConfig } from "../../lib/config/web-config";
import { listNodeFilterOptions, listNodes } from "../../lib/db/node-list-queries";
import { countryName } from "../../lib/format/country-name";
import { NODE_STATUSES, NodeListQueryError, nodeListSearch, PAGE_SIZES, parseNodeListQuery, type NodeListQuery, type NodeSort } from "../../lib/nodes/node-list-query";
import { nodeListColumns } from "../../lib/tables/node-list-columns";
import { cachedRead, PAGE_READ_TTL_MS } from "../../lib/db/cached-read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Nodes" };

const SORTABLE: Partial<Record<string, NodeSort>> = {
  id: "id", status: "status", operator: "operator", total_staked: "stake", contributors: "contributors", country: "country",
  provider: "provider", version: "version", last_uptime_proof: "uptime_proof", registered_at: "registered",
};
// The table shows the columns a reader scans; the download carries them all.
const SHOWN = new Set(["id", "status", "operator", "total_staked", "contributors", "country", "provider", "version", "public_ip", "last_uptime_proof"]);

export default async function NodesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  let query: NodeListQuery;
  try {
    query = parseNodeListQuery(await searchParams);
  } catch (error) {
    if (!(error instanceof NodeListQueryError)) throw error;
    return (
      <>
        <h1>Nodes</h1>
        <div className="notice notice-warning" role="alert" data-testid="query-error">
          <strong>This link&apos;s filters cannot be read.</strong>
          <ul>{error.issues.map((i) => <li key={i}>{i}</li>)}</ul>
          <Link href="/nodes">Show all nodes</Link>
        </div>
      </>
    );
  }
  const config = readWebConfig();
  const [page, options] = await Promise.all([
    // The page cache (web-cache/) renders each view once per few seconds; the filter options,
    // the same for every view, are shared between views.
    listNodes(query, config.foundationAddresses),
    cachedRead("node-filter-options", PAGE_READ_TTL_MS, listNodeFilterOptions),
  ]);
  const pages = Math.max(1, Math.ceil(page.total / query.size));
  const columns = nodeListColumns.filter((c) => SHOWN.has(c.key));
  const search = nodeListSearch(query);
  const filtered = Boolean(query.status || query.operator || query.country || query.provider || query.version || query.contributors || query.foundation || query.q);

  const sortedColumn = Object.entries(SORTABLE).find(([, sort]) => sort === query.sort)?.[0];
  const sortHeader = (key: string, header: string) => {
    const sort = SORTABLE[key];
    if (!sort) return header;
    const current = query.sort === sort;
    const dir = current ? (query.dir === "asc" ? "desc" : "asc") : undefined;
    return (
      <Link href={`/nodes${nodeListSearch(query, { sort, dir, page: 1 })}`} aria-label={`Sort by ${header}`} data-testid={`sort-${key}`}>
        {header}{current ? (query.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    );
  };

  return (
    <>
      <h1>Nodes</h1>
      <p className="lede">Every node registered in the staking contract, with what its heartbeats say about it. Filters live in the address bar: copy it to share this view.</p>

      <form className="filters card" method="get" action="/nodes" aria-label="Filter nodes">
        <label>
          Search
          <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="id, key, address or IP" />
        </label>
        <label>
          Status
          <select name="status" defaultValue={query.status ?? ""}>
            <option value="">any</option>
            {NODE_STATUSES.map((s) => <option key={s} value={s}>{s.replace("_", " ")}</option>)}
          </select>
        </label>
        <label>
          Country
          <select name="country" defaultValue={query.country ?? ""}>
            <option value="">any</option>
            {options.countries.map((c) => <option key={c} value={c}>{countryName(c)}</option>)}
          </select>
        </label>
        <label>
          Provider
          <select name="provider" defaultValue={query.provider ?? ""}>
            <option value="">any</option>
            {options.providers.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label>
          Version
          <select name="version" defaultValue={query.version ?? ""}>
            <option value="">any</option>
            {options.versions.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </label>
        <label>
          Contributors
          <select name="contributors" defaultValue={query.contributors ?? ""}>
            <option value="">any</option>
            <option value="solo">solo</option>
            <option value="multi">several</option>
          </select>
        </label>
        <label>
          Foundation
          <select name="foundation" defaultValue={query.foundation ?? ""}>
            <option value="">any</option>
            <option value="yes">foundation only</option>
            <option value="no">others only</option>
          </select>
        </label>
        <label>
          Operator
          <input name="operator" defaultValue={query.operator ?? ""} placeholder="0x…" pattern="0x[0-9a-fA-F]{40}" title="a 0x address" />
        </label>
        <label>
          Per page
          <select name="size" defaultValue={String(query.size)}>
            {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        {query.sort !== "id" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.sort !== "id" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <div className="filter-actions">
          <button type="submit">Apply</button>
          {filtered ? <Link href="/nodes">Clear</Link> : null}
        </div>
      </form>

      <p className="result-count" data-testid="node-count" aria-live="polite">
        <span data-testid="node-total">{page.total.toLocaleString("en-US")}</span> node{page.total === 1 ? "" : "s"}{filtered ? " match" : ""}
        {page.total > 0 ? <> · page {query.page} of {pages}</> : null}
      </p>

      <DataTable
        caption={`Nodes, sorted by ${query.sort.replace("_", " ")} (${query.dir === "asc" ? "ascending" : "descending"})`}
        columns={columns}
        rows={page.rows}
        rowKey={(r) => r.id.toString()}
        seshColumns={["total_staked"]}
        testId="nodes-table"
        empty={query.page > pages ? `There are only ${pages} pages.` : "No node matches these filters."}
        render={{
          id: (r) => <Link href={`/nodes/${r.id}`} data-testid="node-link">{r.id.toString()}</Link>,
          status: (r) => <NodeStatusBadge status={r.status} />,
          operator: (r) => <>{r.foundation ? <span className="tag" title="Foundation">F</span> : null} <AddressLink address={r.operator} /></>,
          country: (r) => (r.country ? <span title={countryName(r.country)}>{r.country}</span> : "—"),
          provider: (r) => r.provider ?? "—",
          version: (r) => r.version ?? "—",
          public_ip: (r) => r.publicIp ?? "—",
          last_uptime_proof: (r) => (r.lastUptimeProof ? <time dateTime={r.lastUptimeProof.toISOString()}>{r.lastUptimeProof.toISOString().slice(5, 16).replace("T", " ")}</time> : "—"),
        }}
        headerRender={sortHeader}
        sorted={sortedColumn ? { key: sortedColumn, dir: query.dir } : undefined}
      />

      <nav className="pagination" aria-label="Pages">
        {query.page > 1 ? <Link href={`/nodes${nodeListSearch(query, { page: query.page - 1 })}`} rel="prev" data-testid="prev-page">← Previous</Link> : <span aria-disabled="true">← Previous</span>}
        <span>Page {query.page} of {pages}</span>
        {query.page < pages ? <Link href={`/nodes${nodeListSearch(query, { page: query.page + 1 })}`} rel="next" data-testid="next-page">Next →</Link> : <span aria-disabled="true">Next →</span>}
      </nav>
      <DownloadLinks href={`/api/nodes${search}`} label="this page of nodes (all columns)" />
    </>
  );
}
