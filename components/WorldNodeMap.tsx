import type { DistributionRow } from "../lib/db/distribution-queries";
import { countryName } from "../lib/format/country-name";
import { formatSesh } from "../lib/format/sesh-amount";
import { shadeStep, WORLD_MAP_HEIGHT, WORLD_MAP_WIDTH, worldMapShapes } from "../lib/geo/world-map-shapes";

/** Nodes by country as a shaded world map, drawn on the server from offline Natural Earth data. */
export function WorldNodeMap({ countries }: { countries: DistributionRow[] }) {
  const byCode = new Map(countries.map((c) => [c.key, c]));
  const max = Math.max(0, ...countries.map((c) => c.nodes));
  const shapes = worldMapShapes();
  const drawn = new Set(shapes.map((s) => s.alpha2));
  const offMap = countries.filter((c) => !drawn.has(c.key));
  return (
    <figure style={{ margin: 0 }}>
      <svg className="world-map" viewBox={`0 0 ${WORLD_MAP_WIDTH} ${WORLD_MAP_HEIGHT}`} role="img" aria-label={`World map of nodes by country; the table below lists the same figures`} data-testid="world-map">
        {shapes.map((s, i) => {
          const row = s.alpha2 ? byCode.get(s.alpha2) : undefined;
          return (
            <path key={s.alpha2 ?? `x${i}`} d={s.d} className={`map-shade-${shadeStep(row?.nodes ?? 0, max)}`}>
              <title>{row ? `${countryName(row.key)}: ${row.nodes} nodes, ${formatSesh(row.stake, { fractionDigits: 0 })}` : `${s.name}: no nodes`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption className="uptime-legend">
        <span style={{ ["--swatch" as string]: "var(--gauge-track)" }}>no nodes</span>
        <span style={{ ["--swatch" as string]: "color-mix(in srgb, var(--accent) 40%, var(--gauge-track))" }}>few</span>
        <span style={{ ["--swatch" as string]: "var(--accent)" }}>most ({max})</span>
        {offMap.length ? <span style={{ ["--swatch" as string]: "transparent" }}>too small for this map: {offMap.map((c) => `${countryName(c.key)} (${c.nodes})`).join(", ")}</span> : null}
      </figcaption>
    </figure>
  );
}
