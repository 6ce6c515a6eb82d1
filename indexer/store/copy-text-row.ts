/** A column value as PostgreSQL's COPY text format reads it; null is NULL (`\N`). */
export type CopyValue = string | number | bigint | boolean | Date | null;

/** Backslash, newline, carriage return and tab are COPY's delimiters and escapes: escape them. */
const escapeCopyText = (text: string) => (/[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => ({ "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!) : text);

/** One row of `COPY ... FROM STDIN` in text format: tab-separated, newline-terminated. */
export function copyTextRow(values: readonly CopyValue[]): string {
  let row = "";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) row += "\t";
    if (value === null) row += "\\N";
    else if (value instanceof Date) row += value.toISOString();
    else if (typeof value === "string") row += escapeCopyText(value);
    else row += String(value);
  }
  return row + "\n";
}
