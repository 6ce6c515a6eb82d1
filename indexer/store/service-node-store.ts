import type { ServiceNodeRecord } from "../../lib/staking/service-node-ledger";
import type postgres from "postgres";
import type { Sql } from "./database";

/** The pool or an open transaction: both run tagged queries. */
export type Tx = Sql | postgres.TransactionSql<{ bigint: bigint }>;

/** The stored nodes among `ids`, with their contributors, for the ledger to update. */
export async function loadServiceNodes(sql: Tx, ids: bigint[]): Promise<Map<bigint, ServiceNodeRecord>> {
  const nodes = new Map<bigint, ServiceNodeRecord>();
  if (ids.length === 0) return nodes;
  const rows = await sql<(Omit<ServiceNodeRecord, "contributors" | "state"> & { state: string })[]>`
    SELECT * FROM "ServiceNode" WHERE id = ANY(${ids.map(String)}::bigint[])`;
  const contributions = await sql<{ nodeId: bigint; staker: string; beneficiary: string; amount: bigint }[]>`
    SELECT "nodeId", staker, beneficiary, amount FROM "NodeContribution"
    WHERE "nodeId" = ANY(${ids.map(String)}::bigint[]) ORDER BY "nodeId", position`;
  for (const row of rows) nodes.set(row.id, { ...row, state: row.state as ServiceNodeRecord["state"], contributors: [] });
  for (const c of contributions) nodes.get(c.nodeId)?.contributors.push({ staker: c.staker, beneficiary: c.beneficiary, amount: c.amount });
  return nodes;
}

/** Writes the final state of every node a batch touched; contributions of (re)registered nodes are replaced. */
export async function saveServiceNodes(sql: Tx, nodes: ServiceNodeRecord[], registeredIds: Set<bigint>): Promise<void> {
  if (nodes.length === 0) return;
  const rows = nodes.map(({ contributors: _contributors, ...node }) => node);
  // PostgreSQL binds at most 65,535 parameters: the 20,000-node launch seeds 6,000 nodes in one block.
  for (let i = 0; i < rows.length; i += 2_000) await upsertServiceNodes(sql, rows.slice(i, i + 2_000));
  const registered = nodes.filter((n) => registeredIds.has(n.id));
  if (registered.length === 0) return;
  await sql`DELETE FROM "NodeContribution" WHERE "nodeId" = ANY(${registered.map((n) => String(n.id))}::bigint[])`;
  const contributionRows = registered.flatMap((n) =>
    n.contributors.map((c, position) => ({ nodeId: n.id, position, staker: c.staker, beneficiary: c.beneficiary, amount: c.amount })),
  );
  for (let i = 0; i < contributionRows.length; i += 5_000) {
    await sql`INSERT INTO "NodeContribution" ${sql(contributionRows.slice(i, i + 5_000))}`;
  }
}

async function upsertServiceNodes(sql: Tx, rows: Omit<ServiceNodeRecord, "contributors">[]): Promise<void> {
  await sql`
    INSERT INTO "ServiceNode" ${sql(rows)}
    ON CONFLICT (id) DO UPDATE SET
      "blsPubkey" = excluded."blsPubkey", "ed25519Pubkey" = excluded."ed25519Pubkey",
      operator = excluded.operator, fee = excluded.fee, state = excluded.state, seeded = excluded.seeded,
      "totalStaked" = excluded."totalStaked", "registeredBlock" = excluded."registeredBlock",
      "registeredTx" = excluded."registeredTx", "registeredAt" = excluded."registeredAt",
      "exitRequestedAt" = excluded."exitRequestedAt", "exitRequestBlock" = excluded."exitRequestBlock",
      "exitRequestTx" = excluded."exitRequestTx", "endedAt" = excluded."endedAt",
      "endedBlock" = excluded."endedBlock", "endedTx" = excluded."endedTx",
      "returnedAmount" = excluded."returnedAmount"`;
}
