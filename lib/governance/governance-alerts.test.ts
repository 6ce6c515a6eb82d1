import { describe, expect, it } from "vitest";
import { atomFeed } from "./alert-feed";
import { buildAttribution } from "./entity-attribution";
import { governanceAlerts } from "./governance-alerts";
import { pledgeSeries, type NodeInterval } from "./pledge-series";

const A = "0x00000000000000000000000000000000000000aa";
const B = "0x00000000000000000000000000000000000000bb";
const F = "0x00000000000000000000000000000000000000f1";
const attribution = buildAttribution([F], { chainId: 1, description: "test", entities: [] });

let id = 1n;
const at = (iso: string, block: number) => ({ time: new Date(iso), block: BigInt(block), tx: `0x${block.toString(16).padStart(64, "0")}` });
const node = (operator: string, start: ReturnType<typeof at>, end: ReturnType<typeof at> | null = null): NodeInterval => ({
  id: id++,
  operator,
  stakes: [{ staker: operator, amount: 10n }],
  start,
  end,
});

// Day 1: A 5, B 4 (A holds more than a third: 5 of 9). Day 2: the foundation registers 1 (1 of 10 = 10%: warning).
// Day 3: the foundation registers 1 more (2 of 11: breach). Day 5: it exits (1 of 10: back to warning).
// Day 6: B registers 6 (1 of 16: ok); A falls to 5 of 16 and B passes a third (10 of 16).
const nodes = [
  ...Array.from({ length: 5 }, () => node(A, at("2026-03-01T01:00:00Z", 10))),
  ...Array.from({ length: 4 }, () => node(B, at("2026-03-01T01:00:00Z", 10))),
  node(F, at("2026-03-02T05:00:00Z", 20)),
  node(F, at("2026-03-03T06:00:00Z", 30), at("2026-03-05T07:00:00Z", 50)),
  ...Array.from({ length: 6 }, () => node(B, at("2026-03-06T08:00:00Z", 60))),
];
const series = pledgeSeries(nodes, attribution, new Date("2026-03-07T00:00:00Z"));
const alerts = governanceAlerts(series, (entity) => (entity === "foundation" ? "The foundation" : entity));

describe("governanceAlerts", () => {
  it("raises 9%, 10% and back-within alerts on the right days with the transactions behind them", () => {
    const foundation = alerts.filter((a) => a.kind.startsWith("foundation"));
    expect(foundation.map((a) => [a.id, a.severity])).toEqual([
      ["foundation-warning:2026-03-02", "warning"],
      ["foundation-breach:2026-03-03", "critical"],
      ["foundation-within:2026-03-06", "info"],
    ]);
    expect(foundation[1]!.evidence).toEqual([{ block: "30", tx: at("", 30).tx }]);
    expect(foundation[1]!.summary).toContain("2 of 11 nodes (18.18%)");
    // the day it came back below, the exit's transaction is the evidence
    expect(foundation[2]!.evidence).toEqual([{ block: "50", tx: at("", 50).tx }]);
  });

  it("raises an alert when an entity passes a third of the nodes or the stake, once per passing", () => {
    const entity = alerts.filter((a) => a.kind === "entity-over-third");
    expect(entity.map((a) => a.id)).toEqual([
      `entity-over-third:2026-03-01:nodes:${A}`,
      `entity-over-third:2026-03-01:stake:${A}`,
      `entity-over-third:2026-03-06:nodes:${B}`,
      `entity-over-third:2026-03-06:stake:${B}`,
    ]);
    expect(entity[2]!.summary).toContain("10 of 16 nodes (62.50%)");
    expect(entity[0]!.evidence).toEqual([{ block: "10", tx: at("", 10).tx }]);
    expect(entity[0]!.summary).toContain("5 of 9 nodes (55.56%)");
  });

  it("keeps the same ids when the series is rebuilt", () => {
    expect(governanceAlerts(pledgeSeries(nodes, attribution, new Date("2026-03-07T00:00:00Z")), (e) => e).map((a) => a.id)).toEqual(alerts.map((a) => a.id));
  });
});

describe("atomFeed", () => {
  it("lists alerts newest first with escaped text and evidence links", () => {
    const xml = atomFeed({
      siteUrl: "https://explorer.example/",
      updated: new Date("2026-03-07T00:00:00Z"),
      alerts: [...alerts, { id: "x:2026-03-08", kind: "foundation-warning", severity: "warning", day: "2026-03-08", title: "a <b> & \"c\"", summary: "s", evidence: [] }],
    });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(xml).toContain("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>");
    expect(xml.indexOf("x:2026-03-08")).toBeLessThan(xml.indexOf("foundation-breach:2026-03-03"));
    expect(xml).toContain(`https://explorer.example/tx/${at("", 30).tx}`);
    expect(xml.match(/<entry>/g)).toHaveLength(alerts.length + 1);
  });
});
