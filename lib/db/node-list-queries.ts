import { Prisma } from "../../prisma/generated/client";
import type { NodeListQuery, NodeSort, NodeStatus } from "../nodes/node-list-query";
import { prisma } from "./prisma-client";

const { sql, join, empty, raw } = Prisma;
type Sql = Prisma.Sql;

/** One row of the /nodes table (and of its CSV/JSON download). */
export interface NodeListRow {
  id: bigint;
  status: NodeStatus;
  operator: string;
  foundation: boolean;
  totalStaked: bigint;
  contributorCount: number;
  feeBasisPoints: number;
  country: string | null;
  asn: number | null;
  provider: string | null;
  version: string | null;
  publicIp: string | null;
  swarmId: string | null;
  lastUptimeProof: Date | null;
  registeredAt: Date;
  ed25519Pubkey: string;
  blsPubkey: string;
}

export interface NodeListPage {
  rows: NodeListRow[];
  /** rows matching the filters, over all pages */
  total: number;
}

/**
 * A node's status combines the contract (registered, exiting, ended) and the heartbeats
 * (serving or decommissioned): the same words the overview counts with.
 */
export const NODE_STATUS_SQL = raw(`CASE
  WHEN s.state = 'exited' THEN 'exited'
  WHEN s.state = 'liquidated' THEN 'liquidated'
  WHEN s.state = 'exit_requested' THEN 'exit_requested'
  WHEN h."ed25519Pubkey" IS NULL THEN 'no_heartbeat'
  WHEN h.active THEN 'active'
  ELSE 'decommissioned' END`);

const SORT_SQL: Record<NodeSort, string> = {
  id: "s.id",
  stake: `s."totalStaked"`,
  registered: `s."registeredAt"`,
  status: "status",
  country: "h.country",
  provider: "h.provider",
  version: "h.version",
  contributors: "contributor_count",
  operator: "s.operator",
  uptime_proof: `h."lastUptimeProof"`,
};

function whereClause(query: NodeListQuery, foundation: string[]): Sql {
  const conditions: Sql[] = [];
  if (query.status) conditions.push(sql`${NODE_STATUS_SQL} = ${query.status}`);
  if (query.operator) conditions.push(sql`s.operator = ${query.operator}`);
  if (query.country) conditions.push(sql`h.country = ${query.country}`);
  if (query.provider) conditions.push(sql`h.provider = ${query.provider}`);
  if (query.version) conditions.push(sql`h.version = ${query.version}`);
  if (query.contributors === "solo") conditions.push(sql`coalesce(c.contributor_count, 0) <= 1`);
  if (query.contributors === "multi") conditions.push(sql`c.contributor_count > 1`);
  if (query.foundation === "yes") conditions.push(sql`s.operator = ANY(${foundation}::text[])`);
  if (query.foundation === "no") conditions.push(sql`NOT (s.operator = ANY(${foundation}::text[]))`);
  if (query.q) {
    const q = query.q.toLowerCase();
    const bare = q.replace(/^0x/, "");
    conditions.push(sql`(
      s.id::text = ${q}
      OR s."blsPubkey" = ${`0x${bare}`}
      OR s."ed25519Pubkey" = ${bare}
      OR s.operator = ${q}
      OR h."publicIp" = ${q}
      OR EXISTS (SELECT 1 FROM "NodeContribution" x WHERE x."nodeId" = s.id AND (x.staker = ${q} OR x.beneficiary = ${q}))
    )`);
  }
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
}

/**
 * Contributor counts: joined for every node only when the view filters or sorts by them;
 * otherwise counted for the page's rows alone (PostgreSQL evaluates an output subquery after
 * ORDER BY ... LIMIT), instead of grouping every contribution of the network per request.
 */
function contributorCounts(query: NodeListQuery): { cte: Sql; join: Sql; column: Sql } {
  if (query.contributors || query.sort === "contributors") {
    return {
      cte: sql`WITH c AS (SELECT "nodeId", count(*)::int AS contributor_count FROM "NodeContribution" GROUP BY "nodeId")`,
      join: sql`LEFT JOIN c ON c."nodeId" = s.id`,
      column: sql`coalesce(c.contributor_count, 0)`,
    };
  }
  return { cte: empty, join: empty, column: sql`(SELECT count(*)::int FROM "NodeContribution" x WHERE x."nodeId" = s.id)` };
}

/** One page of nodes matching the /nodes filters, sorted, with the total count of matches. */
export async function listNodes(query: NodeListQuery, foundationAddresses: string[]): Promise<NodeListPage> {
  const order = raw(`${SORT_SQL[query.sort]} ${query.dir === "desc" ? "DESC" : "ASC"} NULLS LAST, s.id ${query.dir === "desc" ? "DESC" : "ASC"}`);
  const counts = contributorCounts(query);
  const rows = await prisma().$queryRaw<
    (Omit<NodeListRow, "totalStaked" | "contributorCount" | "status"> & { status: NodeStatus; total_staked: string; contributor_count: number | null; total: bigint })[]
  >`
    ${counts.cte}
    SELECT s.id, ${NODE_STATUS_SQL} AS status, s.operator, s.operator = ANY(${foundationAddresses}::text[]) AS foundation,
      s."totalStaked"::text AS total_staked, ${counts.column} AS contributor_count, s.fee AS "feeBasisPoints",
      h.country, h.asn, h.provider, h.version, h."publicIp", h."swarmId", h."lastUptimeProof", s."registeredAt",
      s."ed25519Pubkey", s."blsPubkey", count(*) OVER () AS total
    FROM "ServiceNode" s
    LEFT JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
    ${counts.join}
    ${whereClause(query, foundationAddresses)}
    ORDER BY ${order}
    LIMIT ${query.size} OFFSET ${(query.page - 1) * query.size}`;
  const total = rows[0] ? Number(rows[0].total) : await countNodes(query, foundationAddresses);
  return {
    total,
    rows: rows.map(({ total_staked, contributor_count, total: _total, ...r }) => ({
      ...r,
      totalStaked: BigInt(total_staked),
      contributorCount: contributor_count ?? 0,
    })),
  };
}

// A page past the end has no rows to carry the window count: count separately.
async function countNodes(query: NodeListQuery, foundationAddresses: string[]): Promise<number> {
  const counts = contributorCounts(query);
  const [row] = await prisma().$queryRaw<{ n: bigint }[]>`
    ${counts.cte}
    SELECT count(*) AS n FROM "ServiceNode" s
    LEFT JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
    ${counts.join}
    ${whereClause(query, foundationAddresses)}`;
  return Number(row?.n ?? 0n);
}

export interface NodeFilterOptions {
  countries: string[];
  providers: string[];
  versions: string[];
}

/** The values the /nodes filters offer: what the heartbeats of registered nodes contain. */
export async function listNodeFilterOptions(): Promise<NodeFilterOptions> {
  const rows = await prisma().$queryRaw<{ kind: string; value: string }[]>`
    SELECT DISTINCT 'country' AS kind, country AS value FROM "NodeHeartbeat" WHERE country IS NOT NULL AND "serviceNodeId" IS NOT NULL
    UNION ALL SELECT DISTINCT 'provider', provider FROM "NodeHeartbeat" WHERE provider IS NOT NULL AND "serviceNodeId" IS NOT NULL
    UNION ALL SELECT DISTINCT 'version', version FROM "NodeHeartbeat" WHERE "serviceNodeId" IS NOT NULL`;
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.value).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  return { countries: of("country"), providers: of("provider"), versions: of("version").reverse() };
}
