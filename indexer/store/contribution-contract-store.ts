import type { ContributionContractRecord, ContributionReservationRecord, ContributionStakeRecord } from "../../lib/staking/contribution-ledger";
import type { Tx } from "./service-node-store";
import { insertRows, upsertRows } from "./upsert-rows";

/** The stored contracts among `addresses`, with their stakes and reservations, for the ledger to update. */
export async function loadContributionContracts(sql: Tx, addresses: string[]): Promise<Map<string, ContributionContractRecord>> {
  const contracts = new Map<string, ContributionContractRecord>();
  if (addresses.length === 0) return contracts;
  const rows = await sql<Omit<ContributionContractRecord, "contributions" | "reservations">[]>`
    SELECT * FROM "ContributionContract" WHERE address = ANY(${addresses}::text[])`;
  if (rows.length === 0) return contracts;
  const found = rows.map((r) => r.address);
  const stakes = await sql<(ContributionStakeRecord & { contractAddress: string })[]>`
    SELECT * FROM "ContributionContractStake" WHERE "contractAddress" = ANY(${found}::text[]) ORDER BY "contractAddress", contributor`;
  const reservations = await sql<(ContributionReservationRecord & { contractAddress: string })[]>`
    SELECT "contractAddress", contributor, amount, received FROM "ContributionReservation"
    WHERE "contractAddress" = ANY(${found}::text[]) ORDER BY "contractAddress", position`;
  for (const row of rows) contracts.set(row.address, { ...row, contributions: [], reservations: [] });
  for (const { contractAddress, ...stake } of stakes) contracts.get(contractAddress)!.contributions.push(stake);
  for (const { contractAddress, ...reservation } of reservations) contracts.get(contractAddress)!.reservations.push(reservation);
  return contracts;
}

/** Writes the final state of the contracts a batch touched; their stakes and reservations are replaced. */
export async function saveContributionContracts(sql: Tx, contracts: ContributionContractRecord[]): Promise<void> {
  if (contracts.length === 0) return;
  await upsertRows(sql, "ContributionContract", ["address"], contracts.map(({ contributions: _c, reservations: _r, ...row }) => row));
  const addresses = contracts.map((c) => c.address);
  await sql`DELETE FROM "ContributionContractStake" WHERE "contractAddress" = ANY(${addresses}::text[])`;
  await sql`DELETE FROM "ContributionReservation" WHERE "contractAddress" = ANY(${addresses}::text[])`;
  await insertRows(sql, "ContributionContractStake", contracts.flatMap((c) => c.contributions.map((s) => ({ contractAddress: c.address, ...s }))));
  await insertRows(sql, "ContributionReservation", contracts.flatMap((c) => c.reservations.map((r, position) => ({ contractAddress: c.address, position, ...r }))));
}
