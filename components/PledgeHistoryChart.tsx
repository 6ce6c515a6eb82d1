"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface PledgeChartPoint {
  day: string;
  /** foundation share at the end of the day, percent */
  share: number;
  /** highest share during the day, percent */
  peak: number;
  foundationNodes: number;
  totalNodes: number;
}

/** The foundation's daily share of nodes against the 10% pledge (and the 9% warning line). */
export function PledgeHistoryChart({ points }: { points: PledgeChartPoint[] }) {
  const top = Math.max(15, Math.ceil(Math.max(0, ...points.map((p) => p.peak)) + 1));
  const above = points.filter((p) => p.peak > 10).length;
  return (
    <figure className="chart" role="img" aria-label={`Foundation share of nodes per day over ${points.length} days; ${above} days above the 10% pledge at some point`}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={points} margin={{ top: 10, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={{ fill: "var(--muted)", fontSize: 12 }} minTickGap={40} />
          <YAxis domain={[0, top]} tickFormatter={(v: number) => `${v}%`} tick={{ fill: "var(--muted)", fontSize: 12 }} width={44} />
          <Tooltip
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }}
            formatter={(value, name, item) => {
              const p = (item as { payload?: PledgeChartPoint }).payload;
              return name === "End of day" && p ? [`${Number(value).toFixed(2)}% (${p.foundationNodes} of ${p.totalNodes})`, name] : [`${Number(value).toFixed(2)}%`, name];
            }}
          />
          <ReferenceLine y={10} stroke="var(--danger)" strokeWidth={2} label={{ value: "10% pledge", position: "insideTopLeft", fill: "var(--danger)", fontSize: 12 }} />
          <ReferenceLine y={9} stroke="var(--warning)" strokeDasharray="4 4" />
          <Line type="stepAfter" dataKey="peak" name="Highest in the day" stroke="var(--warning)" dot={false} strokeWidth={1} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="share" name="End of day" stroke="var(--accent)" dot={false} strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <p className="chart-legend">
        <span><span className="legend-swatch" style={{ background: "var(--accent)" }} aria-hidden="true" /> Share at the end of the day</span>
        <span><span className="legend-swatch" style={{ background: "var(--warning)" }} aria-hidden="true" /> Highest share during the day</span>
        <span><span className="legend-swatch" style={{ background: "var(--danger)" }} aria-hidden="true" /> 10% pledge (dashed: 9% warning)</span>
      </p>
    </figure>
  );
}
