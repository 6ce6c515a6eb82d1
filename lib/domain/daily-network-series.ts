/**
 * Daily node count and stake from registration intervals: each node adds itself on the day it
 * registered and removes itself on the day it ended, so the series is a running sum of daily
 * deltas (linear in days, not nodes x days).
 */
export interface DailyDelta {
  /** UTC day, YYYY-MM-DD */
  day: string;
  nodes: number;
  /** SESH atomic units */
  stake: bigint;
}

export interface DailyNetworkPoint {
  day: string;
  /** nodes registered and not ended at the end of the day */
  nodes: number;
  staked: bigint;
}

const DAY_MS = 86_400_000;
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One point per UTC day from `from` to `to` inclusive; deltas before `from` form the starting level. */
export function dailyNetworkSeries(deltas: DailyDelta[], from: string, to: string): DailyNetworkPoint[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) throw new RangeError(`days must be YYYY-MM-DD, got ${from} and ${to}`);
  const byDay = new Map<string, DailyDelta>();
  let nodes = 0;
  let staked = 0n;
  for (const d of deltas) {
    if (d.day < from) {
      nodes += d.nodes;
      staked += d.stake;
      continue;
    }
    const seen = byDay.get(d.day);
    byDay.set(d.day, seen ? { day: d.day, nodes: seen.nodes + d.nodes, stake: seen.stake + d.stake } : d);
  }
  const points: DailyNetworkPoint[] = [];
  for (let ms = start; ms <= end; ms += DAY_MS) {
    const day = dayText(ms);
    const delta = byDay.get(day);
    if (delta) {
      nodes += delta.nodes;
      staked += delta.stake;
    }
    points.push({ day, nodes, staked });
  }
  return points;
}

/** The UTC days of the `days`-day window ending on `now`'s day. */
export function lastDays(now: Date, days: number): { from: string; to: string } {
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: dayText(to - (days - 1) * DAY_MS), to: dayText(to) };
}
