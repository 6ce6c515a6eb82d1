import type { UptimeSummary } from "../lib/domain/uptime-hours";

const CELL = 6;

/** Hour-by-hour uptime drawn on the server: one column per UTC day, one row per hour. */
export function UptimeTimeline({ summary }: { summary: UptimeSummary }) {
  const width = summary.days.length * CELL;
  const height = 24 * CELL;
  const share = summary.uptimeShare === null ? "never observed" : `${(summary.uptimeShare * 100).toFixed(1)}% of ${summary.observedHours.toLocaleString("en-US")} observed hours up`;
  return (
    <figure style={{ margin: 0 }}>
      <svg className="uptime-grid" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Hourly uptime, ${summary.days[0]?.day} to ${summary.days.at(-1)?.day}: ${share}`} preserveAspectRatio="none" style={{ maxHeight: "180px" }}>
        {summary.days.map((d, x) =>
          d.hours.map((h, y) => <rect key={`${d.day}-${y}`} x={x * CELL} y={y * CELL} width={CELL - 1} height={CELL - 1} className={`hour-${h}`}><title>{`${d.day} ${String(y).padStart(2, "0")}:00 UTC: ${h}`}</title></rect>),
        )}
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
