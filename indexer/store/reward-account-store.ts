import type { RewardAccountRecord } from "../../lib/rewards/reward-accounts";
import type { Tx } from "./service-node-store";
import { upsertRows } from "./upsert-rows";

export async function loadRewardAccounts(sql: Tx, recipients: string[]): Promise<Map<string, RewardAccountRecord>> {
  const accounts = new Map<string, RewardAccountRecord>();
  if (recipients.length === 0) return accounts;
  const rows = await sql<RewardAccountRecord[]>`SELECT * FROM "RewardAccount" WHERE recipient = ANY(${recipients}::text[])`;
  for (const row of rows) accounts.set(row.recipient, row);
  return accounts;
}

export async function saveRewardAccounts(sql: Tx, accounts: RewardAccountRecord[]): Promise<void> {
  await upsertRows(sql, "RewardAccount", ["recipient"], accounts.map((a) => ({ ...a })));
}
