"use client";

import { ResponsiveContainer, Sankey, Tooltip } from "recharts";

export interface FlowLink {
  source: string;
  target: string;
  /** whole SESH as a decimal string (exact; a number only to draw) */
  value: string;
}

/** A Sankey of token flows between named nodes (recharts wants node indices and numbers). */
export function FlowSankey({ links, ariaLabel }: { links: FlowLink[]; ariaLabel: string }) {
  const names = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  const sources = new Set(links.map((l) => l.source));
  const data = {
    nodes: names.map((name) => ({ name })),
    links: links.filter((l) => Number(l.value) > 0).map((l) => ({ source: names.indexOf(l.source), target: names.indexOf(l.target), value: Number(l.value) })),
  };
  if (data.links.length === 0) return <p className="muted">No flows in this period.</p>;
  return (
    <div className="chart-wide">
      <figure className="chart" aria-label={ariaLabel} role="img">
        <ResponsiveContainer width="100%" height={360}>
          <Sankey
            data={data}
            nodePadding={18}
            nodeWidth={12}
            margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
            link={{ stroke: "#2f7fd1", strokeOpacity: 0.22 }}
            node={({ x, y, width, height, payload }: { x: number; y: number; width: number; height: number; payload: { name: string; value: number } }) => {
              // Sinks sit at the right edge: their labels go to their left, over the light bands.
              const sink = !sources.has(payload.name);
              return (
                <g>
                  <rect x={x} y={y} width={width} height={Math.max(height, 1)} fill="#2f7fd1" />
                  <text x={sink ? x - 6 : x + width + 6} y={y + height / 2} textAnchor={sink ? "end" : "start"} dominantBaseline="middle" fill="currentColor" fontSize={12}>
                    {payload.name}: {Math.round(payload.value).toLocaleString("en-US")}
                  </text>
                </g>
              );
            }}
          >
            <Tooltip formatter={(v) => `${Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 })} SESH`} />
          </Sankey>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
