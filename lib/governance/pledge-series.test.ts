import { describe, expect, it } from "vitest";
import { buildAttribution } from "./entity-attribution";
import { parseEntityLabels } from "./entity-labels";
import { breachPeriods, causingChanges, pledgeSeries, type NodeInterval } from "./pledge-series";

const A = "0x00000000000000000000000000000000000000aa";
const B = "0x00000000000000000000000000000000000000bb";
const C = "0x00000000000000000000000000000000000000cc";
const F = "0x00000000000000000000000000000000000000f1";

const labels = parseEntityLabels(
  { chainId: 1, description: "test", entities: [{ id: "pool", name: "A pool", addresses: [{ address: A, source: "test" }, { address: C, source: "test" }] }] },
  1,
);
const attribution = buildAttribution([F], labels);

const at = (iso: string, block: number) => ({ time: new Date(iso), block: BigInt(block), tx: `0xtx${block}` });
let nextId = 1n;
function node(operator: string, start: ReturnType<typeof at>, end: ReturnType<typeof at> | null = null, stakes?: NodeInterval["stakes"]): NodeInterval {
  return { id: nextId++, operator, stakes: stakes ?? [{ staker: operator, amount: 100n }], start, end };
}

// Day 1: pool (A, C) 5 nodes, B 4, the foundation 1 → 1 of 10 = 10%: a warning, within the pledge.
// Day 2: the foundation adds a node → 2 of 11 = 18.2%: a breach.
// Day 3: the foundation's second node exits (1 of 10), B adds two nodes (1 of 11, then 1 of 12 = 8.3%).
// Day 4: nothing happens.
const block1 = at("2026-01-01T10:00:00Z", 1);
const block2 = at("2026-01-02T12:00:00Z", 2);
const block3 = at("2026-01-03T08:00:00Z", 3);
const block4 = at("2026-01-03T09:00:00Z", 4);
const block5 = at("2026-01-03T10:00:00Z", 5);
const nodes: NodeInterval[] = [
  ...Array.from({ length: 3 }, () => node(A, block1)),
  ...Array.from({ length: 2 }, () => node(C, block1)),
  ...Array.from({ length: 3 }, () => node(B, block1)),
  node(B, block1, null, [{ staker: B, amount: 75n }, { staker: F, amount: 25n }]),
  node(F, block1),
  node(F, block2, block3),
  node(B, block4),
  node(B, block5),
];
const series = pledgeSeries(nodes, attribution, new Date("2026-01-04T12:00:00Z"));

describe("pledgeSeries", () => {
  it("has one row per UTC day with the end-of-day counts and the worst status of the day", () => {
    expect(series.days.map((d) => [d.day, d.foundationNodes, d.totalNodes, d.status])).toEqual([
      ["2026-01-01", 1, 10, "warning"],
      ["2026-01-02", 2, 11, "breach"],
      // the day opened above the line and ended below it: it still counts as a breach day
      ["2026-01-03", 1, 12, "breach"],
      ["2026-01-04", 1, 12, "ok"],
    ]);
    expect(series.days[2]).toMatchObject({ peakFoundationNodes: 2, peakTotalNodes: 11 });
    expect(series.days[3]!.asOf.toISOString()).toBe("2026-01-04T12:00:00.000Z");
    expect(series.days[0]!.asOf.toISOString()).toBe("2026-01-01T23:59:59.999Z");
  });

  it("counts the foundation by nodes operated, by stake, and as a contributor to others' nodes", () => {
    expect(series.days[0]).toMatchObject({ foundationStake: 125n, totalStake: 1_000n, foundationContributedNodes: 1 });
  });

  it("groups labelled addresses into one entity for concentration", () => {
    const day1 = series.days[0]!.operatorNodes;
    // pool 5, B 4, foundation 1 of 10: pool alone holds more than a third but not more than half.
    expect(day1).toMatchObject({ entities: 3, total: 10n, top1: 5n, nakamoto33: 1, nakamoto50: 2, largest: { id: "pool", weight: 5n } });
    expect(day1.hhi).toBeCloseTo(0.25 + 0.16 + 0.01, 12);
    // stake: pool 500, B 375, foundation 125 of 1,000
    expect(series.days[0]!.entityStake).toMatchObject({ total: 1_000n, top1: 500n, largest: { id: "pool", weight: 500n } });
  });

  it("records the block of every status change with the transactions in it", () => {
    expect(series.transitions.map((t) => [t.block, t.from, t.to, t.foundationNodes, t.totalNodes])).toEqual([
      [1n, "ok", "warning", 1, 10],
      [2n, "warning", "breach", 2, 11],
      [3n, "breach", "warning", 1, 10],
      [5n, "warning", "ok", 1, 12],
    ]);
    expect(series.transitions[1]!.changes).toEqual([
      expect.objectContaining({ kind: "registration", tx: "0xtx2", operator: F, foundation: true, entityId: "foundation" }),
    ]);
    expect(series.transitions[2]!.changes).toEqual([expect.objectContaining({ kind: "exit", tx: "0xtx3", foundation: true })]);
  });

  it("lists every period above the line with its start, end and peak", () => {
    const periods = breachPeriods(series.transitions, series.days);
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ start: { block: 2n }, end: { block: 3n }, peakFoundationNodes: 2, peakTotalNodes: 11, days: 2 });
  });

  it("reports a period still open at asOf", () => {
    const open = pledgeSeries(nodes.slice(0, 11), attribution, new Date("2026-01-05T00:00:00Z"));
    // without the exit the second foundation node stays: 2 of 11 until the end
    const onlyRegistrations = pledgeSeries(nodes.map((n) => ({ ...n, end: null })), attribution, new Date("2026-01-05T00:00:00Z"));
    expect(breachPeriods(onlyRegistrations.transitions, onlyRegistrations.days)[0]).toMatchObject({ end: null, start: { block: 2n } });
    expect(open.days.at(-1)).toMatchObject({ day: "2026-01-05", foundationNodes: 1, totalNodes: 10 });
  });

  it("ignores what happens after asOf and gives one empty day for no nodes", () => {
    const early = pledgeSeries(nodes, attribution, new Date("2026-01-01T12:00:00Z"));
    expect(early.days).toHaveLength(1);
    expect(early.transitions).toHaveLength(1);
    const empty = pledgeSeries([], attribution, new Date("2026-01-01T12:00:00Z"));
    expect(empty.days).toEqual([expect.objectContaining({ day: "2026-01-01", totalNodes: 0, status: "ok" })]);
  });
});

describe("causingChanges", () => {
  it("cites the foundation's own changes in a block, or everything when it had none", () => {
    const own = { tx: "0xa", foundation: true };
    const other = { tx: "0xb", foundation: false };
    expect(causingChanges([other, own])).toEqual([own]);
    expect(causingChanges([other])).toEqual([other]);
  });
});
