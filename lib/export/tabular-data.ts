/**
 * Tables as the explorer shows them and as it lets people download them: one column list
 * drives the page, the CSV and the JSON, so a download holds exactly the data shown.
 */
export type CellValue = string | number | bigint | boolean | Date | null;

export interface Column<Row> {
  /** JSON field name and CSV header */
  key: string;
  value: (row: Row) => CellValue;
}

export type ExportFormat = "csv" | "json";

export class ExportFormatError extends Error {
  constructor(format: string) {
    super(`format must be "csv" or "json", got "${format}"`);
    this.name = "ExportFormatError";
  }
}

/** `?format=` of a download URL; absent means JSON. */
export function parseExportFormat(value: string | null | undefined): ExportFormat {
  if (value === null || value === undefined || value === "" || value === "json") return "json";
  if (value === "csv") return "csv";
  throw new ExportFormatError(value);
}

/** Exact text of a cell: bigints stay whole (token amounts), dates are ISO 8601 UTC. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** JSON value of a cell: bigints become decimal strings so no amount loses a digit. */
export function cellJson(value: CellValue): string | number | boolean | null {
  if (value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value;
}

// RFC 4180 quoting, and a leading quote on text that a spreadsheet would run as a formula
// (an address label or a node's version string is data from outside).
function csvField(text: string, isText: boolean): string {
  const guarded = isText && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [columns.map((c) => csvField(c.key, true)).join(",")];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          const value = c.value(row);
          return csvField(cellText(value), typeof value === "string");
        })
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

export function toJsonRows<Row>(columns: Column<Row>[], rows: Row[]): Record<string, string | number | boolean | null>[] {
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, cellJson(c.value(row))])));
}
