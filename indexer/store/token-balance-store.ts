import type { TokenBalanceRecord } from "../../lib/tokens/token-balances";
import type { Tx } from "./service-node-store";

export async function loadTokenBalances(sql: Tx, holders: string[]): Promise<Map<string, TokenBalanceRecord>> {
  const balances = new Map<string, TokenBalanceRecord>();
  if (holders.length === 0) return balances;
  const rows = await sql<TokenBalanceRecord[]>`SELECT * FROM "TokenBalance" WHERE holder = ANY(${holders}::text[])`;
  for (const row of rows) balances.set(row.holder, row);
  return balances;
}

/**
 * One INSERT … ON CONFLICT of arrays, one per column: a backfill's transaction writes tens of
 * thousands of holders, and six array parameters cost PostgreSQL and the client less than six
 * bound values per row (one statement text, planned once, whatever the count).
 */
export async function saveTokenBalances(sql: Tx, balances: TokenBalanceRecord[]): Promise<void> {
  if (balances.length === 0) return;
  await sql`
    INSERT INTO "TokenBalance" (holder, balance, "transferCount", "updatedBlock", "updatedTx", "updatedAt")
    SELECT * FROM unnest(
      ${balances.map((b) => b.holder)}::text[], ${balances.map((b) => b.balance.toString())}::bigint[],
      ${balances.map((b) => b.transferCount)}::int[], ${balances.map((b) => b.updatedBlock.toString())}::bigint[],
      ${balances.map((b) => b.updatedTx)}::text[], ${balances.map((b) => b.updatedAt.toISOString())}::timestamptz[])
    ON CONFLICT (holder) DO UPDATE SET balance = excluded.balance, "transferCount" = excluded."transferCount",
      "updatedBlock" = excluded."updatedBlock", "updatedTx" = excluded."updatedTx", "updatedAt" = excluded."updatedAt"`;
}
