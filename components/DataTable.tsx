import type { ReactNode } from "react";
import { cellText } from "../lib/export/tabular-data";
import { formatSesh } from "../lib/format/sesh-amount";
import type { DisplayColumn } from "../lib/tables/display-column";

export type CellRenderers<Row> = Partial<Record<string, (row: Row) => ReactNode>>;

/**
 * A table driven by the same column list as its download. Cells show the column's value unless
 * a renderer adds a link or formatting; amounts (columns in `seshColumns`) show as SESH.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  render = {},
  seshColumns = [],
  empty = "Nothing to show.",
  testId,
  headerRender,
  sorted,
}: {
  caption: ReactNode;
  columns: DisplayColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  render?: CellRenderers<Row>;
  seshColumns?: string[];
  empty?: string;
  testId?: string;
  /** a header with a control, e.g. a sort link */
  headerRender?: (key: string, header: string) => ReactNode;
  /** the column the rows are sorted by, announced to screen readers */
  sorted?: { key: string; dir: "asc" | "desc" };
}) {
  return (
    <div className="explorer-table-scroll" role="region" aria-label={typeof caption === "string" ? caption : undefined} tabIndex={0}>
      <table className="explorer-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? "num" : undefined} aria-sort={sorted?.key === c.key ? (sorted.dir === "asc" ? "ascending" : "descending") : undefined}>{headerRender ? headerRender(c.key, c.header) : c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">{empty}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => {
                  const custom = render[c.key];
                  const value = c.value(row);
                  let content: ReactNode;
                  if (custom) content = custom(row);
                  else if (seshColumns.includes(c.key) && typeof value === "bigint") content = formatSesh(value, { unit: false });
                  else if (value instanceof Date) content = <time dateTime={value.toISOString()}>{value.toISOString().slice(0, 16).replace("T", " ")}</time>;
                  else if (typeof value === "boolean") content = value ? "yes" : "no";
                  else content = cellText(value);
                  return <td key={c.key} className={c.numeric ? "num" : undefined}>{content}</td>;
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
