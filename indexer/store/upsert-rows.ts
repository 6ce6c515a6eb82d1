import type { Tx } from "./service-node-store";

// PostgreSQL binds at most 65,535 parameters per statement.
const maxParameters = 60_000;

/**
 * Multi-row INSERT … ON CONFLICT DO UPDATE of every column but the key: one statement per
 * chunk, however many rows. Rows must all have the same columns.
 */
export async function upsertRows<Row extends Record<string, unknown>>(sql: Tx, table: string, key: (keyof Row & string)[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `"${c}" = excluded."${c}"`).join(", ");
  const chunk = Math.max(1, Math.floor(maxParameters / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    await sql`INSERT INTO ${sql(table)} ${sql(rows.slice(i, i + chunk) as Record<string, never>[], columns)}
      ON CONFLICT (${sql.unsafe(key.map((k) => `"${k}"`).join(", "))}) DO UPDATE SET ${sql.unsafe(updates)}`;
  }
}

/** Multi-row INSERT, chunked under the parameter limit. */
export async function insertRows<Row extends Record<string, unknown>>(sql: Tx, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const chunk = Math.max(1, Math.floor(maxParameters / columns.length));
  for (let i = 0; i < rows.length; i += chunk) {
    await sql`INSERT INTO ${sql(table)} ${sql(rows.slice(i, i + chunk) as Record<string, never>[], columns)}`;
  }
}
