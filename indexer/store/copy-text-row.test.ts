import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test-support/test-database";
import { copyTextRow } from "./copy-text-row";
import { connectDatabase } from "./database";

describe("copyTextRow", () => {
  it("writes tab-separated values, NULL as \\N, dates in UTC", () => {
    expect(copyTextRow([1, 2n, "a", null, true, new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6))])).toBe("1\t2\ta\t\\N\ttrue\t2026-01-02T03:04:05.006Z\n");
  });

  it("escapes the characters COPY treats specially", () => {
    expect(copyTextRow(["back\\slash", "tab\there", "new\nline", "cr\rhere", "\\N"])).toBe("back\\\\slash\ttab\\there\tnew\\nline\tcr\\rhere\t\\\\N\n");
  });

  it("round-trips awkward text and JSON through a real COPY", async () => {
    const db = await createTestDatabase();
    const sql = connectDatabase(db.url, 1);
    try {
      await sql`CREATE TABLE copy_probe (id int, label text, doc jsonb, at timestamp(3))`;
      const rows = [
        [1, "plain", JSON.stringify({ a: "1" }), new Date(Date.UTC(2026, 5, 1))],
        [2, "tab\t, newline\n, backslash\\ and \\N", JSON.stringify({ quote: 'say "hi"\\n', tab: "\t" }), new Date(Date.UTC(2026, 5, 1, 12, 30, 0, 250))],
        [3, null, JSON.stringify([]), null],
      ] as const;
      const writable = await sql`COPY copy_probe (id, label, doc, at) FROM STDIN`.writable();
      await new Promise<void>((resolve, reject) => {
        writable.on("error", reject);
        writable.end(rows.map((r) => copyTextRow(r)).join(""), () => resolve());
      });
      const back = await sql<{ id: number; label: string | null; doc: unknown; at: Date | null }[]>`SELECT * FROM copy_probe ORDER BY id`;
      expect(back.map((r) => [r.id, r.label, r.doc, r.at?.toISOString() ?? null])).toEqual(
        rows.map((r) => [r[0], r[1], JSON.parse(r[2]), r[3]?.toISOString() ?? null]),
      );
    } finally {
      await sql.end();
      await db.drop();
    }
  });
});
