import { describe, expect, it } from "vitest";
import { locationConcentrationDays } from "./location-concentration";

const places: Record<string, { country: string | null; provider: string | null }> = {
  "1.1.1.1": { country: "DE", provider: "Hetzner" },
  "2.2.2.2": { country: "FI", provider: "Hetzner" },
  "3.3.3.3": { country: "US", provider: "OVH" },
  "4.4.4.4": { country: null, provider: null },
};

describe("locationConcentrationDays", () => {
  it("counts nodes per provider and per country each day, unknown places in their own bucket", () => {
    let lookups = 0;
    const days = locationConcentrationDays(
      [
        { day: "2026-05-01", ip: "1.1.1.1", nodes: 4 },
        { day: "2026-05-01", ip: "2.2.2.2", nodes: 2 },
        { day: "2026-05-01", ip: "3.3.3.3", nodes: 3 },
        { day: "2026-05-01", ip: "4.4.4.4", nodes: 1 },
        { day: "2026-04-30", ip: "3.3.3.3", nodes: 1 },
      ],
      (ip) => {
        lookups++;
        return places[ip]!;
      },
    );
    expect(lookups).toBe(4);
    expect(days.map((d) => [d.day, d.dimension, d.figures.total, d.figures.largest])).toEqual([
      ["2026-04-30", "provider-nodes", 1n, { id: "OVH", weight: 1n }],
      ["2026-04-30", "country-nodes", 1n, { id: "US", weight: 1n }],
      ["2026-05-01", "provider-nodes", 10n, { id: "Hetzner", weight: 6n }],
      ["2026-05-01", "country-nodes", 10n, { id: "DE", weight: 4n }],
    ]);
    // providers: Hetzner 6, OVH 3, unknown 1 → more than half with Hetzner alone
    expect(days[2]!.figures).toMatchObject({ entities: 3, top1: 6n, nakamoto33: 1, nakamoto50: 1 });
    expect(days[2]!.figures.hhi).toBeCloseTo(0.36 + 0.09 + 0.01, 12);
    // countries: DE 4, US 3, FI 2, unknown 1 → DE alone is over a third, DE + US over half
    expect(days[3]!.figures).toMatchObject({ entities: 4, top1: 4n, nakamoto33: 1, nakamoto50: 2 });
  });
});
