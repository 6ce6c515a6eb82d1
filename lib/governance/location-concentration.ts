import { concentration, type Concentration } from "./concentration-metrics";
import type { LargestEntity } from "./pledge-series";

/** Nodes seen active on a day behind one IP (from the heartbeat history). */
export interface ActiveIpCount {
  day: string;
  ip: string;
  nodes: number;
}

export interface IpPlace {
  country: string | null;
  provider: string | null;
}

export interface LocationDay {
  day: string;
  dimension: "provider-nodes" | "country-nodes";
  figures: Concentration & { largest: LargestEntity | null };
}

/** An IP the databases cannot place is its own "unknown" bucket, never merged with a guess. */
export const UNKNOWN_PLACE = "unknown";

/**
 * How concentrated the active nodes were by hosting provider (AS name) and by country, each day
 * heartbeats were recorded. `place` maps an IP to its location; results are cached per IP.
 */
export function locationConcentrationDays(rows: readonly ActiveIpCount[], place: (ip: string) => IpPlace): LocationDay[] {
  const cache = new Map<string, IpPlace>();
  const byDay = new Map<string, { provider: Map<string, bigint>; country: Map<string, bigint> }>();
  for (const row of rows) {
    let where = cache.get(row.ip);
    if (!where) cache.set(row.ip, (where = row.ip ? place(row.ip) : { country: null, provider: null }));
    let day = byDay.get(row.day);
    if (!day) byDay.set(row.day, (day = { provider: new Map(), country: new Map() }));
    const provider = where.provider ?? UNKNOWN_PLACE;
    const country = where.country ?? UNKNOWN_PLACE;
    day.provider.set(provider, (day.provider.get(provider) ?? 0n) + BigInt(row.nodes));
    day.country.set(country, (day.country.get(country) ?? 0n) + BigInt(row.nodes));
  }
  const out: LocationDay[] = [];
  for (const day of [...byDay.keys()].sort()) {
    const maps = byDay.get(day)!;
    for (const [dimension, weights] of [["provider-nodes", maps.provider], ["country-nodes", maps.country]] as const) {
      let largest: LargestEntity | null = null;
      for (const [id, weight] of weights) if (largest === null || weight > largest.weight || (weight === largest.weight && id < largest.id)) largest = { id, weight };
      out.push({ day, dimension, figures: { ...concentration([...weights.values()]), largest } });
    }
  }
  return out;
}
