"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface TrendSeries {
  key: string;
  label: string;
  color: string;
}

/** One concentration figure over time, one line per distribution (nodes, stake, providers...). */
export function ConcentrationTrendChart({
  title,
  points,
  series,
  unit,
}: {
  title: string;
  points: Record<string, string | number | null>[];
  series: TrendSeries[];
  unit: "percent" | "count" | "index";
}) {
  const format = (v: number) => (unit === "percent" ? `${v.toFixed(unit === "percent" ? 1 : 0)}%` : unit === "index" ? v.toFixed(3) : String(v));
  return (
    <figure className="chart chart-small" role="img" aria-label={`${title} per day, ${points.length} days`}>
      <figcaption className="chart-title">{title}</figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={points} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={{ fill: "var(--muted)", fontSize: 11 }} minTickGap={40} />
          <YAxis tickFormatter={format} tick={{ fill: "var(--muted)", fontSize: 11 }} width={48} allowDecimals={unit !== "count"} />
          <Tooltip contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }} formatter={(v) => format(Number(v))} />
          {series.map((s) => {
            // Heartbeat history may be a few days long: show its points, a line needs two.
            const known = points.filter((p) => p[s.key] !== undefined && p[s.key] !== null).length;
            return (
              <Line key={s.key} type="stepAfter" dataKey={s.key} name={s.label} stroke={s.color} dot={known < 10 ? { r: 3, fill: s.color } : false} strokeWidth={2} isAnimationActive={false} connectNulls={false} />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
      <p className="chart-legend">
        {series.map((s) => (
          <span key={s.key}><span className="legend-swatch" style={{ background: s.color }} aria-hidden="true" /> {s.label}</span>
        ))}
      </p>
    </figure>
  );
}
