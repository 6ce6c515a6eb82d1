import { geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import alpha2ByNumeric from "./world-atlas-alpha2.json";

/** A country's outline as an SVG path, keyed by ISO 3166-1 alpha-2 (what the IP database gives). */
export interface CountryShape {
  alpha2: string | null;
  name: string;
  d: string;
}

export const WORLD_MAP_WIDTH = 960;
export const WORLD_MAP_HEIGHT = 470;

let cached: CountryShape[] | undefined;

/**
 * Natural Earth's 1:110m countries (npm world-atlas) projected once per process into SVG paths:
 * the map is drawn on the server, so no tiles, no map library and no map data reach the browser
 * beyond the paths themselves.
 */
export function worldMapShapes(): CountryShape[] {
  if (cached) return cached;
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  // Antarctica takes a fifth of the frame and hosts no nodes.
  const shown = collection.features.filter((f) => f.id !== "010");
  const projection = geoEqualEarth().fitSize([WORLD_MAP_WIDTH, WORLD_MAP_HEIGHT], { type: "FeatureCollection", features: shown });
  const path = geoPath(projection).digits(1);
  const table = alpha2ByNumeric as Record<string, string>;
  cached = shown.map((f) => ({
    alpha2: typeof f.id === "string" ? (table[f.id] ?? null) : null,
    name: f.properties.name,
    d: path(f) ?? "",
  }));
  return cached;
}

/** Shade step 0..5 of a country's node count, on a log scale so one big country does not wash out the rest. */
export function shadeStep(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(5, Math.ceil((Math.log1p(count) / Math.log1p(max)) * 5)));
}
