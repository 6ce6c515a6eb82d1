import { summariseOperators, type OperatorContract, type OperatorNode } from "../../lib/staking/operator-summary";
import { isLiveNode } from "../../lib/staking/service-node-ledger";
import type { Tx } from "./service-node-store";
import { insertRows } from "./upsert-rows";

/**
 * Recomputes the Operator rows of `operators` (every operator when undefined) from their
 * ServiceNode, NodeContribution and ContributionContract rows: read with plain lookups, summed
 * in summariseOperators. One aggregate statement did this before, but inside a backfill's
 * transaction the planner's statistics lag the tables by tens of thousands of rows, and its
 * joins went quadratic: 300 ms a transaction in the 20,000-node bench, against a few here.
 */
export async function refreshOperators(sql: Tx, operators?: string[]): Promise<void> {
  if (operators?.length === 0) return;
  const ofOperators = (column: string) => (operators ? sql`${sql(column)} = ANY(${operators}::text[])` : sql`TRUE`);
  const rows = await sql<(Omit<OperatorNode, "contributors"> & { id: bigint })[]>`
    SELECT id, operator, state, "totalStaked", "registeredBlock", "registeredTx", "exitRequestBlock", "exitRequestTx", "endedBlock", "endedTx"
    FROM "ServiceNode" WHERE ${ofOperators("operator")}`;
  const nodes = rows.map((row) => ({ ...row, contributors: [] as { staker: string; amount: bigint }[] }));
  // Stakes count only in live nodes: only theirs are read.
  const live = new Map(nodes.filter((n) => isLiveNode(n.state)).map((n) => [n.id, n]));
  const contributions = live.size === 0 ? [] : await sql<{ nodeId: bigint; staker: string; amount: bigint }[]>`
    SELECT "nodeId", staker, amount FROM "NodeContribution" WHERE "nodeId" = ANY(${[...live.keys()].map(String)}::bigint[])`;
  for (const c of contributions) live.get(c.nodeId)?.contributors.push(c);
  const contracts = await sql<OperatorContract[]>`
    SELECT operator, status, "updatedBlock", "updatedTx" FROM "ContributionContract" WHERE ${ofOperators("operator")}`;
  const summaries = summariseOperators(nodes, contracts);

  await sql`DELETE FROM "Operator" WHERE ${ofOperators("address")}`;
  await insertRows(sql, "Operator", summaries.map((s) => ({ ...s })));
}
