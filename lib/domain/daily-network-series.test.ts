import { describe, expect, it } from "vitest";
import { dailyNetworkSeries, lastDays } from "./daily-network-series";

describe("dailyNetworkSeries", () => {
  it("starts from the level before the window and adds each day's registrations and exits", () => {
    const series = dailyNetworkSeries(
      [
        { day: "2026-01-01", nodes: 3, stake: 75n },
        { day: "2026-01-11", nodes: 1, stake: 25n },
        { day: "2026-01-12", nodes: -2, stake: -50n },
        // registrations and exits of one day arrive as separate rows
        { day: "2026-01-12", nodes: 1, stake: 25n },
      ],
      "2026-01-10",
      "2026-01-13",
    );
    expect(series).toEqual([
      { day: "2026-01-10", nodes: 3, staked: 75n },
      { day: "2026-01-11", nodes: 4, staked: 100n },
      { day: "2026-01-12", nodes: 3, staked: 75n },
      { day: "2026-01-13", nodes: 3, staked: 75n },
    ]);
  });

  it("ignores deltas after the window and crosses month ends", () => {
    const series = dailyNetworkSeries([{ day: "2026-03-01", nodes: 1, stake: 1n }, { day: "2026-03-05", nodes: 9, stake: 9n }], "2026-02-27", "2026-03-01");
    expect(series.map((p) => [p.day, p.nodes])).toEqual([["2026-02-27", 0], ["2026-02-28", 0], ["2026-03-01", 1]]);
  });

  it("refuses malformed days", () => {
    expect(() => dailyNetworkSeries([], "yesterday", "2026-01-01")).toThrow(RangeError);
  });
});

describe("lastDays", () => {
  it("spans the given number of UTC days ending today", () => {
    expect(lastDays(new Date("2026-03-02T23:59:00Z"), 3)).toEqual({ from: "2026-02-28", to: "2026-03-02" });
  });
});
