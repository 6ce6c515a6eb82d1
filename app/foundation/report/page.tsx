import type { Metadata } from "next";
import Link from "next/link";
import { TxLink } from "../../../components/EvidenceLinks";
import { readWebConfig } from "../../../lib/config/web-config";
import { getFoundationPageData } from "../../../lib/db/governance-queries";
import { attributionForChain } from "../../../lib/governance/attribution-for-chain";
import { breachPeriods } from "../../../lib/governance/pledge-series";
import { transparencyReport } from "../../../lib/governance/transparency-report";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Foundation transparency report" };

const sectionTitles = {
  pledge: "The pledge now",
  attribution: "Who counts as the foundation",
  breach: "Crossings of the 10% line",
  node: "The foundation's nodes",
  holdings: "SESH holdings and flows",
} as const;

/** The transparency report as a printable page: every figure with its block and transaction. */
export default async function FoundationReportPage() {
  const config = readWebConfig();
  const attribution = attributionForChain(config.foundationAddresses, config.chainId);
  const data = await getFoundationPageData(attribution.foundationAddresses.map((f) => f.address));
  const figures = transparencyReport({ live: data.live, attribution, periods: breachPeriods(data.transitions, data.history), nodes: data.nodes, flows: data.flows });
  const generated = new Date();
  return (
    <article className="report governance">
      <h1>Foundation transparency report</h1>
      <p className="lede">
        {attribution.foundation.name}: share of the Session Network&apos;s nodes against the pledge to operate at most 10%. Generated{" "}
        {generated.toISOString().slice(0, 16).replace("T", " ")} UTC from block {data.live.lastBlock?.toString() ?? "none"}
        {config.chainId ? ` of chain ${config.chainId}` : ""}.
      </p>
      <p className="no-print">
        <Link href="/foundation">Back to the foundation page</Link> · <a href="/api/foundation/report?format=csv" download>CSV</a> ·{" "}
        <a href="/api/foundation/report?format=json">JSON</a> · Print this page for a PDF.
      </p>
      <p className="report-summary" data-testid="report-summary">
        {data.live.foundationNodes} of {data.live.totalNodes} nodes ({(data.live.share * 100).toFixed(2)}%); ceiling {data.live.ceilingNodes} nodes;{" "}
        {breachPeriods(data.transitions, data.history).length} period(s) above 10% in the indexed history.
      </p>
      {(Object.keys(sectionTitles) as (keyof typeof sectionTitles)[]).map((section) => {
        const rows = figures.filter((f) => f.section === section);
        if (rows.length === 0) return null;
        return (
          <section key={section} aria-labelledby={`report-${section}`}>
            <h2 id={`report-${section}`}>{sectionTitles[section]}</h2>
            <div className="table-scroll">
            <table className="gov-table compact report-table">
              <caption className="visually-hidden">{sectionTitles[section]}</caption>
              <thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">As of</th><th scope="col">Evidence</th><th scope="col">Source</th></tr></thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={`${r.figure}-${i}`}>
                    <td>{r.figure}</td>
                    <td className="num">{r.value}</td>
                    <td>{r.asOf ? r.asOf.toISOString().slice(0, 16).replace("T", " ") : "—"}</td>
                    <td>{r.tx ? <><TxLink hash={r.tx} block={r.block} /><span className="print-only"> {r.tx}</span></> : r.block !== null ? `block ${r.block}` : "—"}</td>
                    <td>{r.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          </section>
        );
      })}
    </article>
  );
}
