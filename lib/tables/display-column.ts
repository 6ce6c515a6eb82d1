import type { Column } from "../export/tabular-data";

/** A download column that a page also shows: the header people read, and whether it is a figure (right-aligned). */
export interface DisplayColumn<Row> extends Column<Row> {
  header: string;
  numeric?: boolean;
}
