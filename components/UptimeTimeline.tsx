import type { HourState, UptimeSummary } from "../lib/domain/uptime-hours";

const CELL = 6;

// One path per state instead of a rect per hour: 90 days are 2,160 cells, and the page stays light.
function cellsPath(summary: UptimeSummary, state: HourState): string {
  const parts: string[] = [];
  summary.days.forEach((d, x) =>
    d.hours.forEach((h, y) => {
      if (h === state) parts.push(`M${x * CELL} ${y * CELL}h${CELL - 1}v${CELL - 1}h-${CELL - 1}z`);
    }),
  );
  return parts.join("");
}

/** Hour-by-hour uptime drawn on the server: one column per UTC day, one row per hour. */
export function UptimeTimeline({ summary }: { summary: UptimeSummary }) {
  const width = summary.days.length * CELL;
  const height = 24 * CELL;
  const share = summary.uptimeShare === null ? "never observed" : `${(summary.uptimeShare * 100).toFixed(1)}% of ${summary.observedHours.toLocaleString("en-US")} observed hours up`;
  return (
    <figure style={{ margin: 0 }}>
      <svg className="uptime-grid" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Hourly uptime, ${summary.days[0]?.day} to ${summary.days.at(-1)?.day}: ${share}`} preserveAspectRatio="none" style={{ maxHeight: "180px" }}>
        {(["up", "down", "partial", "unknown"] as const).map((state) => (
          <path key={state} className={`hour-${state}`} d={cellsPath(summary, state)} />
        ))}
      </svg>
      <figcaption>
        <div className="uptime-legend">
          <span style={{ ["--swatch" as string]: "var(--accent)" }}>up</span>
          <span style={{ ["--swatch" as string]: "var(--danger)" }}>down</span>
          <span style={{ ["--swatch" as string]: "var(--warning)" }}>both in the hour</span>
          <span style={{ ["--swatch" as string]: "var(--gauge-track)" }}>not observed</span>
        </div>
        <p className="section-note" data-testid="uptime-share">{summary.days[0]?.day} to {summary.days.at(-1)?.day} (columns are days, rows hours 00–23 UTC): {share}.</p>
      </figcaption>
    </figure>
  );
}
