import Link from "next/link";
import type { CellValue } from "../lib/export/tabular-data";
import type { DisplayColumn } from "../lib/export/display-column";
import { formatPpmPercent } from "../lib/rewards/annualised-yield";
import { formatSesh } from "../lib/format/sesh-amount";
import { DownloadLinks } from "./DownloadLinks";
import { AddressLink, TxLink } from "./EvidenceLinks";

function Cell({ kind, value }: { kind: DisplayColumn<unknown>["kind"]; value: CellValue }) {
  if (value === null) return <span className="muted">–</span>;
  switch (kind) {
    case "sesh":
      return typeof value === "bigint" ? <span title={formatSesh(value, { fractionDigits: 9 })}>{formatSesh(value, { unit: false })}</span> : <>{String(value)}</>;
    case "ppm":
      return <>{typeof value === "bigint" ? formatPpmPercent(value) : String(value)}</>;
    case "address":
      return <AddressLink address={String(value)} />;
    case "reward-recipient":
      return (
        <>
          <AddressLink address={String(value)} />{" "}
          <Link href={`/rewards?period=all&recipient=${String(value)}#recipient-heading`} className="row-action">over time</Link>
        </>
      );
    case "tx":
      return <TxLink hash={String(value)} />;
    case "date":
      return <>{value instanceof Date ? `${value.toISOString().slice(0, 16).replace("T", " ")} UTC` : String(value)}</>;
    case "count":
    case "block":
      return <>{typeof value === "bigint" || typeof value === "number" ? value.toLocaleString("en-US") : String(value)}</>;
    case "flag":
      return <>{value ? "yes" : "no"}</>;
    default:
      return <>{String(value)}</>;
  }
}

const numericKinds = new Set(["sesh", "ppm", "count", "block"]);

/**
 * A table whose columns also drive its CSV and JSON download (`downloadHref`, an API route
 * answering `tabularResponse` with the same columns), so the files hold exactly what is shown.
 */
export function ExportableTable<Row>({
  caption,
  columns,
  rows,
  downloadHref,
  testId,
  rowKey,
  empty = "Nothing yet.",
}: {
  caption: string;
  columns: DisplayColumn<Row>[];
  rows: Row[];
  downloadHref: string;
  testId: string;
  rowKey: (row: Row, index: number) => string;
  empty?: string;
}) {
  return (
    <div className="exportable-table">
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table data-testid={testId}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={numericKinds.has(c.kind) ? "num" : undefined}>{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr><td colSpan={columns.length} className="muted">{empty}</td></tr>
            ) : (
              rows.map((row, i) => (
                <tr key={rowKey(row, i)}>
                  {columns.map((c, j) =>
                    j === 0 ? (
                      <th key={c.key} scope="row" className={numericKinds.has(c.kind) ? "num" : undefined}><Cell kind={c.kind} value={c.value(row)} /></th>
                    ) : (
                      <td key={c.key} className={numericKinds.has(c.kind) ? "num" : undefined} data-key={c.key}><Cell kind={c.kind} value={c.value(row)} /></td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <DownloadLinks href={downloadHref} label={caption.toLowerCase()} />
    </div>
  );
}
