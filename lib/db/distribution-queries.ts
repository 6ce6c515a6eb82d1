import { prisma } from "./prisma-client";

/** Nodes and stake in one group (a country, a hosting network, a version, a swarm). */
export interface DistributionRow {
  key: string;
  /** a readable second label: the AS name of an AS number */
  label: string | null;
  nodes: number;
  stake: bigint;
}

export interface NetworkDistribution {
  /** registered nodes (not ended) with a heartbeat: the population every breakdown counts */
  located: number;
  /** registered nodes the heartbeats do not report: no location, version or swarm known */
  unlocated: number;
  byCountry: DistributionRow[];
  byProvider: DistributionRow[];
  byVersion: DistributionRow[];
  bySwarm: DistributionRow[];
}

type GroupRow = { dim: string; key: string | null; label: string | null; nodes: number; stake: string };

/** Where the registered nodes run, on what software and in which swarm, in one pass over the nodes. */
export async function getNetworkDistribution(): Promise<NetworkDistribution> {
  const rows = await prisma().$queryRaw<GroupRow[]>`
    WITH live AS (
      SELECT s."totalStaked" AS stake, h.country, h.asn, h.provider, h.version, h."swarmId", h."ed25519Pubkey" AS hb
      FROM "ServiceNode" s LEFT JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
      WHERE s.state IN ('active', 'exit_requested')
    )
    SELECT 'count' AS dim, CASE WHEN hb IS NULL THEN 'unlocated' ELSE 'located' END AS key, NULL AS label, count(*)::int AS nodes, sum(stake)::text AS stake FROM live GROUP BY 2
    UNION ALL
    SELECT 'country', coalesce(country, '??'), NULL, count(*)::int, sum(stake)::text FROM live WHERE hb IS NOT NULL GROUP BY 2
    UNION ALL
    SELECT 'provider', coalesce(asn::text, '?'), max(provider), count(*)::int, sum(stake)::text FROM live WHERE hb IS NOT NULL GROUP BY 2
    UNION ALL
    SELECT 'version', version, NULL, count(*)::int, sum(stake)::text FROM live WHERE hb IS NOT NULL GROUP BY 2
    UNION ALL
    SELECT 'swarm', "swarmId", NULL, count(*)::int, sum(stake)::text FROM live WHERE hb IS NOT NULL GROUP BY 2`;
  const of = (dim: string) =>
    rows
      .filter((r) => r.dim === dim)
      .map((r) => ({ key: r.key ?? "", label: r.label, nodes: r.nodes, stake: BigInt(r.stake ?? "0") }))
      .sort((a, b) => b.nodes - a.nodes || a.key.localeCompare(b.key, "en", { numeric: true }));
  const counts = of("count");
  return {
    located: counts.find((c) => c.key === "located")?.nodes ?? 0,
    unlocated: counts.find((c) => c.key === "unlocated")?.nodes ?? 0,
    byCountry: of("country"),
    byProvider: of("provider"),
    byVersion: of("version").sort((a, b) => b.key.localeCompare(a.key, "en", { numeric: true })),
    bySwarm: of("swarm"),
  };
}

export interface VersionDayRow {
  day: string;
  version: string;
  nodes: number;
}

/**
 * Software versions over time: on each UTC day, the version each node reported last by the end
 * of that day (from the heartbeat history), counting nodes seen on or after that day.
 */
export async function listVersionsByDay(from: string, to: string): Promise<VersionDayRow[]> {
  const rows = await prisma().$queryRaw<{ day: string; version: string; nodes: number }[]>`
    WITH spans AS (
      SELECT c."ed25519Pubkey", c.version, c."observedAt" AS since,
        lead(c."observedAt") OVER (PARTITION BY c."ed25519Pubkey" ORDER BY c."observedAt") AS until
      FROM "NodeStateChange" c
    ), days AS (SELECT generate_series(${from}::date, ${to}::date, interval '1 day')::date AS day)
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day, s.version, count(DISTINCT s."ed25519Pubkey")::int AS nodes
    FROM days d
    JOIN spans s ON s.since < d.day + 1 AND (s.until IS NULL OR s.until >= d.day + 1)
    JOIN "NodeHeartbeat" h ON h."ed25519Pubkey" = s."ed25519Pubkey" AND h."lastSeenAt" >= d.day
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  return rows;
}
