import type { Tx } from "./service-node-store";

/**
 * Recomputes the Operator rows of `operators` (every operator when undefined) from ServiceNode,
 * NodeContribution and ContributionContract: an aggregate of the rows it summarises, so it is
 * exact by construction and costs one statement per batch.
 */
export async function refreshOperators(sql: Tx, operators?: string[]): Promise<void> {
  if (operators?.length === 0) return;
  const only = operators ?? null;
  await sql`DELETE FROM "Operator" WHERE (${only}::text[] IS NULL OR address = ANY(${only}::text[]))`;
  await sql`
    WITH nodes AS (
      SELECT * FROM "ServiceNode" WHERE (${only}::text[] IS NULL OR operator = ANY(${only}::text[]))
    ), contracts AS (
      SELECT * FROM "ContributionContract" WHERE (${only}::text[] IS NULL OR operator = ANY(${only}::text[]))
    ), changes AS (
      SELECT operator, "registeredBlock" AS block, "registeredTx" AS tx FROM nodes
      UNION ALL SELECT operator, "exitRequestBlock", "exitRequestTx" FROM nodes WHERE "exitRequestBlock" IS NOT NULL
      UNION ALL SELECT operator, "endedBlock", "endedTx" FROM nodes WHERE "endedBlock" IS NOT NULL
      UNION ALL SELECT operator, "updatedBlock", "updatedTx" FROM contracts
    ), latest AS (
      SELECT DISTINCT ON (operator) operator, block, tx FROM changes ORDER BY operator, block DESC, tx DESC
    ), node_counts AS (
      SELECT operator,
        count(*) FILTER (WHERE state = 'active') AS active,
        count(*) FILTER (WHERE state = 'exit_requested') AS exit_requested,
        count(*) FILTER (WHERE state = 'exited') AS exited,
        count(*) FILTER (WHERE state = 'liquidated') AS liquidated,
        coalesce(sum("totalStaked") FILTER (WHERE state IN ('active', 'exit_requested')), 0) AS staked
      FROM nodes GROUP BY operator
    ), own_stakes AS (
      SELECT n.operator, sum(c.amount) AS own
      FROM nodes n JOIN "NodeContribution" c ON c."nodeId" = n.id AND c.staker = n.operator
      WHERE n.state IN ('active', 'exit_requested') GROUP BY n.operator
    ), contract_counts AS (
      SELECT operator, count(*) FILTER (WHERE status <> 'finalized') AS awaiting FROM contracts GROUP BY operator
    )
    INSERT INTO "Operator" (address, "awaitingContributors", "activeNodes", "exitRequestedNodes", "exitedNodes",
      "liquidatedNodes", "stakedInLiveNodes", "ownStakeInLiveNodes", "updatedBlock", "updatedTx")
    SELECT l.operator, coalesce(cc.awaiting, 0), coalesce(nc.active, 0), coalesce(nc.exit_requested, 0),
      coalesce(nc.exited, 0), coalesce(nc.liquidated, 0), coalesce(nc.staked, 0), coalesce(o.own, 0), l.block, l.tx
    FROM latest l
    LEFT JOIN node_counts nc ON nc.operator = l.operator
    LEFT JOIN own_stakes o ON o.operator = l.operator
    LEFT JOIN contract_counts cc ON cc.operator = l.operator`;
}
