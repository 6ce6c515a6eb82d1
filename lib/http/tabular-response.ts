import { parseExportFormat, toCsv, toJsonRows, type Column } from "../export/tabular-data";

/** A JSON error body with a status: what API routes answer to bad input. */
export function errorResponse(status: number, message: string): Response {
  return Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * The download of a table: `?format=csv` or `json` (default). `evidence` (block, tx, source)
 * rides along in JSON so a downloaded figure still says where it came from.
 */
export function tabularResponse<Row>(
  searchParams: URLSearchParams,
  name: string,
  columns: Column<Row>[],
  rows: Row[],
  meta: Record<string, string | number | null> = {},
): Response {
  let format;
  try {
    format = parseExportFormat(searchParams.get("format"));
  } catch (error) {
    return errorResponse(400, (error as Error).message);
  }
  const safeName = name.replace(/[^\w.-]+/g, "-");
  if (format === "csv") {
    return new Response(toCsv(columns, rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${safeName}.csv"`,
        "cache-control": "no-store",
      },
    });
  }
  return Response.json(
    { ...meta, generatedAt: new Date().toISOString(), rows: toJsonRows(columns, rows) },
    { headers: { "content-disposition": `inline; filename="${safeName}.json"`, "cache-control": "no-store" } },
  );
}
