/** Hourly uptime from NodeUptimeDay's 24-bit masks (bit h = UTC hour h). */
export type HourState = "up" | "down" | "partial" | "unknown";

export interface UptimeDayMasks {
  /** YYYY-MM-DD */
  day: string;
  activeHours: number;
  inactiveHours: number;
}

export interface UptimeDay {
  day: string;
  hours: HourState[];
}

export interface UptimeSummary {
  days: UptimeDay[];
  /** hours in which any poll saw the node */
  observedHours: number;
  /** hours in which every poll saw it active */
  upHours: number;
  /** upHours / observedHours, null when never observed */
  uptimeShare: number | null;
}

export function hourState(active: number, inactive: number, hour: number): HourState {
  const bit = 1 << hour;
  const up = (active & bit) !== 0;
  const down = (inactive & bit) !== 0;
  if (up && down) return "partial";
  if (up) return "up";
  if (down) return "down";
  return "unknown";
}

/** Every day from `from` to `to` (inclusive), days without a row being unobserved. */
export function uptimeTimeline(rows: UptimeDayMasks[], from: string, to: string): UptimeSummary {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const days: UptimeDay[] = [];
  let observedHours = 0;
  let upHours = 0;
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) {
    const day = new Date(ms).toISOString().slice(0, 10);
    const row = byDay.get(day);
    const hours = Array.from({ length: 24 }, (_, h) => (row ? hourState(row.activeHours, row.inactiveHours, h) : "unknown"));
    for (const s of hours) {
      if (s !== "unknown") observedHours++;
      if (s === "up") upHours++;
    }
    days.push({ day, hours });
  }
  return { days, observedHours, upHours, uptimeShare: observedHours === 0 ? null : upHours / observedHours };
}
