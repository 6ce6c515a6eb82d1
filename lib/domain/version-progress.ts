/** Nodes per version per day, reshaped for a stacked chart: one object per day, one key per version. */
export interface VersionDayCount {
  day: string;
  version: string;
  nodes: number;
}

export interface VersionProgress {
  /** newest version first (numeric-aware), the chart's stacking order */
  versions: string[];
  points: ({ day: string } & Record<string, number | string>)[];
}

export function versionProgress(rows: VersionDayCount[]): VersionProgress {
  const versions = [...new Set(rows.map((r) => r.version))].sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
  const byDay = new Map<string, { day: string } & Record<string, number | string>>();
  for (const r of rows) {
    let point = byDay.get(r.day);
    if (!point) {
      point = { day: r.day, ...Object.fromEntries(versions.map((v) => [v, 0])) };
      byDay.set(r.day, point);
    }
    point[r.version] = (point[r.version] as number) + r.nodes;
  }
  return { versions, points: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)) };
}
