"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface NetworkSeriesPoint {
  day: string;
  value: number;
}

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** One daily series (node count, or stake in whole SESH) as a line. */
export function NetworkSeriesChart({ points, label, unit }: { points: NetworkSeriesPoint[]; label: string; unit: string }) {
  return (
    <div className="chart-box" role="img" aria-label={`${label} per day, ${points[0]?.day ?? ""} to ${points.at(-1)?.day ?? ""}: from ${points[0]?.value ?? 0} to ${points.at(-1)?.value ?? 0} ${unit}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={{ fill: "var(--muted)", fontSize: 12 }} minTickGap={32} />
          <YAxis tick={{ fill: "var(--muted)", fontSize: 12 }} width={52} tickFormatter={(v: number) => compact.format(v)} domain={["auto", "auto"]} />
          <Tooltip
            formatter={(v) => [`${Number(v).toLocaleString("en-US")} ${unit}`, label]}
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }}
          />
          <Line type="stepAfter" dataKey="value" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
