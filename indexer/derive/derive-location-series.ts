import { locationConcentrationDays, type ActiveIpCount, type IpPlace } from "../../lib/governance/location-concentration";
import { utcDay } from "../../lib/governance/pledge-series";
import type { Sql } from "../store/database";
import { concentrationRow } from "./derive-pledge-series";

/**
 * Provider and country concentration for each day of heartbeat history: the nodes seen active
 * that day (NodeUptimeDay), each at the IP its state history had that day (NodeStateChange),
 * placed by the offline IP databases. Past days are final; only days from the last open one on
 * are recomputed.
 */
export async function deriveLocationSeries(sql: Sql, place: (ip: string) => IpPlace, now = new Date()): Promise<{ days: number }> {
  const [state] = await sql<{ openDay: Date | null }[]>`SELECT "openDay" FROM "GovernanceDerivation" WHERE source = 'heartbeats'`;
  const from = state?.openDay ?? new Date(0);
  const rows = await sql<ActiveIpCount[]>`
    SELECT to_char(u.day, 'YYYY-MM-DD') AS day, coalesce(s."publicIp", '') AS ip, count(*)::int AS nodes
    FROM "NodeUptimeDay" u
    LEFT JOIN LATERAL (
      SELECT c."publicIp" FROM "NodeStateChange" c
      WHERE c."ed25519Pubkey" = u."ed25519Pubkey" AND c."observedAt" < u.day + 1
      ORDER BY c."observedAt" DESC LIMIT 1
    ) s ON true
    WHERE u.day >= ${from} AND u."activeHours" <> 0
    GROUP BY 1, 2`;
  const days = locationConcentrationDays(rows, place);
  const today = new Date(`${utcDay(now)}T00:00:00Z`);
  await sql.begin(async (tx) => {
    await tx`DELETE FROM "ConcentrationDay" WHERE dimension IN ('provider-nodes', 'country-nodes') AND day >= ${from}`;
    const out = days.map((d) => concentrationRow(d.dimension, d.day, d.figures));
    for (let i = 0; i < out.length; i += 2_000) await tx`INSERT INTO "ConcentrationDay" ${tx(out.slice(i, i + 2_000))}`;
    await tx`
      INSERT INTO "GovernanceDerivation" (source, "openDay", "derivedAt") VALUES ('heartbeats', ${today}, now())
      ON CONFLICT (source) DO UPDATE SET "openDay" = excluded."openDay", "derivedAt" = now()`;
  });
  return { days: new Set(days.map((d) => d.day)).size };
}
