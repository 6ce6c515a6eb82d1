import type { Sql } from "./database";

export type IndexerComponent = "chain" | "heartbeats";

export async function recordSuccess(sql: Sql, component: IndexerComponent, height: bigint, headHeight?: bigint): Promise<void> {
  await sql`
    INSERT INTO "IndexerStatus" (component, "lastSuccessAt", height, "headHeight", "updatedAt")
    VALUES (${component}, now(), ${height}, ${headHeight ?? null}, now())
    ON CONFLICT (component) DO UPDATE SET "lastSuccessAt" = now(), height = excluded.height,
      "headHeight" = coalesce(excluded."headHeight", "IndexerStatus"."headHeight"), "updatedAt" = now()`;
}

export async function recordFailure(sql: Sql, component: IndexerComponent, error: unknown): Promise<void> {
  const message = String((error as Error)?.message ?? error).slice(0, 2_000);
  await sql`
    INSERT INTO "IndexerStatus" (component, "lastErrorAt", "lastError", "errorCount", "updatedAt")
    VALUES (${component}, now(), ${message}, 1, now())
    ON CONFLICT (component) DO UPDATE SET "lastErrorAt" = now(), "lastError" = excluded."lastError",
      "errorCount" = "IndexerStatus"."errorCount" + 1, "updatedAt" = now()`;
}
