import { expect, it } from "vitest";
import { versionProgress } from "./version-progress";

it("orders versions newest first (11.10 after 11.9) and fills days missing a version with 0", () => {
  const progress = versionProgress([
    { day: "2026-01-02", version: "11.10.0", nodes: 4 },
    { day: "2026-01-01", version: "11.9.0", nodes: 10 },
    { day: "2026-01-02", version: "11.9.0", nodes: 6 },
  ]);
  expect(progress.versions).toEqual(["11.10.0", "11.9.0"]);
  expect(progress.points).toEqual([
    { day: "2026-01-01", "11.10.0": 0, "11.9.0": 10 },
    { day: "2026-01-02", "11.10.0": 4, "11.9.0": 6 },
  ]);
});
