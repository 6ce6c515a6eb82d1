import { describe, expect, it } from "vitest";
import { hourState, uptimeTimeline } from "./uptime-hours";

describe("hourState", () => {
  it("reads bit h of each mask", () => {
    expect(hourState(0b1, 0, 0)).toBe("up");
    expect(hourState(0, 0b10, 1)).toBe("down");
    expect(hourState(1 << 23, 1 << 23, 23)).toBe("partial");
    expect(hourState(0b1, 0, 5)).toBe("unknown");
  });
});

describe("uptimeTimeline", () => {
  it("lays out every day of the window and counts observed and up hours", () => {
    const summary = uptimeTimeline(
      [
        { day: "2026-05-01", activeHours: 0xffffff, inactiveHours: 0 },
        { day: "2026-05-03", activeHours: 0b0111, inactiveHours: 0b1100 },
      ],
      "2026-05-01",
      "2026-05-03",
    );
    expect(summary.days.map((d) => d.day)).toEqual(["2026-05-01", "2026-05-02", "2026-05-03"]);
    expect(summary.days[1]!.hours.every((h) => h === "unknown")).toBe(true);
    expect(summary.days[2]!.hours.slice(0, 5)).toEqual(["up", "up", "partial", "down", "unknown"]);
    // 24 + 4 observed hours; 24 + 2 fully up
    expect(summary.observedHours).toBe(28);
    expect(summary.upHours).toBe(26);
    expect(summary.uptimeShare).toBeCloseTo(26 / 28);
  });

  it("has no share for a node never observed", () => {
    expect(uptimeTimeline([], "2026-05-01", "2026-05-01").uptimeShare).toBeNull();
  });
});
