"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/**
 * A time series drawn from exact values: amounts arrive as decimal strings (whole SESH with
 * decimals, or percentages; "" for a gap) and become numbers only to place them on the screen.
 */
export function SeriesChart({
  data,
  xKey,
  series,
  kind = "line",
  unit,
  ariaLabel,
  marker,
  stacked = false,
}: {
  data: Record<string, string>[];
  xKey: string;
  series: ChartSeries[];
  kind?: "line" | "bar" | "area";
  unit: string;
  ariaLabel: string;
  marker?: { x: string; label: string };
  stacked?: boolean;
}) {
  const points = data.map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, k === xKey ? v : v === "" ? null : Number(v)])));
  const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
  const common = { data: points, margin: { top: 8, right: 12, bottom: 4, left: 4 } };
  const axes = (
    <>
      <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
      <XAxis dataKey={xKey} tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" minTickGap={24} />
      <YAxis tick={{ fill: "currentColor", fontSize: 12 }} stroke="currentColor" width={56} tickFormatter={(v: number) => compact.format(v)} />
      <Tooltip
        formatter={(v) => `${Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 })} ${unit}`}
        contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }}
      />
      <Legend wrapperStyle={{ fontSize: 13 }} />
      {marker ? <ReferenceLine x={marker.x} stroke="currentColor" strokeDasharray="4 3" label={{ value: marker.label, fill: "currentColor", fontSize: 12, position: "insideTopRight" }} /> : null}
    </>
  );
  return (
    <figure className="chart" aria-label={ariaLabel} role="img">
      <ResponsiveContainer width="100%" height={280}>
        {kind === "bar" ? (
          <BarChart {...common}>
            {axes}
            {series.map((s) => <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "s" : undefined} isAnimationActive={false} />)}
          </BarChart>
        ) : kind === "area" ? (
          <AreaChart {...common}>
            {axes}
            {series.map((s) => <Area key={s.key} dataKey={s.key} name={s.label} stroke={s.color} fill={s.color} fillOpacity={0.25} stackId={stacked ? "s" : undefined} type="stepAfter" isAnimationActive={false} />)}
          </AreaChart>
        ) : (
          <LineChart {...common}>
            {axes}
            {series.map((s) => <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} dot={false} strokeWidth={2} isAnimationActive={false} />)}
          </LineChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
