import { describe, expect, it } from "vitest";
import { ExportFormatError, parseExportFormat, toCsv, toJsonRows, type Column } from "./tabular-data";

interface Row { name: string; amount: bigint; at: Date; active: boolean; note: string | null }
const columns: Column<Row>[] = [
  { key: "name", value: (r) => r.name },
  { key: "amount", value: (r) => r.amount },
  { key: "at", value: (r) => r.at },
  { key: "active", value: (r) => r.active },
  { key: "note", value: (r) => r.note },
];
const rows: Row[] = [
  { name: "plain", amount: 240_000_000_000_000_000n, at: new Date("2026-01-02T03:04:05Z"), active: true, note: null },
  { name: 'with "quotes", comma', amount: 1n, at: new Date(0), active: false, note: "=HYPERLINK(1)" },
];

describe("tabular exports", () => {
  it("writes RFC 4180 CSV with exact amounts and ISO dates, and defuses formulas", () => {
    expect(toCsv(columns, rows)).toBe(
      "name,amount,at,active,note\r\n" +
        "plain,240000000000000000,2026-01-02T03:04:05.000Z,true,\r\n" +
        '"with ""quotes"", comma",1,1970-01-01T00:00:00.000Z,false,\'=HYPERLINK(1)\r\n',
    );
  });

  it("writes JSON rows with bigints as decimal strings", () => {
    expect(toJsonRows(columns, rows)[0]).toEqual({ name: "plain", amount: "240000000000000000", at: "2026-01-02T03:04:05.000Z", active: true, note: null });
  });

  it("accepts csv and json formats only", () => {
    expect(parseExportFormat(null)).toBe("json");
    expect(parseExportFormat("csv")).toBe("csv");
    expect(() => parseExportFormat("xlsx")).toThrow(ExportFormatError);
  });
});
