"use client";

import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { VersionProgress } from "../../lib/domain/version-progress";

// Distinguishable in both themes; the newest version gets the accent green.
const PALETTE = ["#1f9d6b", "#3b82f6", "#e0a106", "#a855f7", "#ef4444", "#64748b", "#0ea5e9", "#f97316"];

export function VersionProgressChart({ progress }: { progress: VersionProgress }) {
  return (
    <div className="chart-box" role="img" aria-label={`Nodes per software version by day, ${progress.points[0]?.day ?? ""} to ${progress.points.at(-1)?.day ?? ""}`}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={progress.points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={{ fill: "var(--muted)", fontSize: 12 }} minTickGap={24} />
          <YAxis tick={{ fill: "var(--muted)", fontSize: 12 }} width={48} allowDecimals={false} />
          <Tooltip contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }} />
          <Legend />
          {progress.versions.map((v, i) => (
            <Area key={v} type="stepAfter" dataKey={v} stackId="versions" stroke={PALETTE[i % PALETTE.length]} fill={PALETTE[i % PALETTE.length]} fillOpacity={0.6} isAnimationActive={false} />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
