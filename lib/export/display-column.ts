import type { Column } from "./tabular-data";

/** How a page shows a cell; the download keeps the exact value either way. */
// "reward-recipient": an address with a link to its rewards over time (/rewards?recipient=).
export type CellKind = "sesh" | "address" | "reward-recipient" | "tx" | "block" | "date" | "ppm" | "count" | "text" | "flag";

/** A table column as the page shows it and as its CSV/JSON carry it (`key`, `value`). */
export interface DisplayColumn<Row> extends Column<Row> {
  header: string;
  kind: CellKind;
}
