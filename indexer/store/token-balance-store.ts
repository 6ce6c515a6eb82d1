import type { TokenBalanceRecord } from "../../lib/tokens/token-balances";
import type { Tx } from "./service-node-store";
import { upsertRows } from "./upsert-rows";

export async function loadTokenBalances(sql: Tx, holders: string[]): Promise<Map<string, TokenBalanceRecord>> {
  const balances = new Map<string, TokenBalanceRecord>();
  if (holders.length === 0) return balances;
  const rows = await sql<TokenBalanceRecord[]>`SELECT * FROM "TokenBalance" WHERE holder = ANY(${holders}::text[])`;
  for (const row of rows) balances.set(row.holder, row);
  return balances;
}

export async function saveTokenBalances(sql: Tx, balances: TokenBalanceRecord[]): Promise<void> {
  await upsertRows(sql, "TokenBalance", ["holder"], balances.map((b) => ({ ...b })));
}
