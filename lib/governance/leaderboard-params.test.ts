import { describe, expect, it } from "vitest";
import { DEFAULT_LEADERBOARD_SIZE, parseLeaderboardParams } from "./leaderboard-params";

const params = (query: string) => new URLSearchParams(query);

describe("parseLeaderboardParams", () => {
  it("defaults and accepts whole numbers in range", () => {
    expect(parseLeaderboardParams(params(""))).toEqual({ ok: true, top: DEFAULT_LEADERBOARD_SIZE });
    expect(parseLeaderboardParams(params("top=500"))).toEqual({ ok: true, top: 500 });
  });

  it("explains what is wrong with anything else", () => {
    expect(parseLeaderboardParams(params("top=abc"))).toEqual({ ok: false, error: "top must be a number" });
    expect(parseLeaderboardParams(params("top=0"))).toEqual({ ok: false, error: "top must be at least 1" });
    expect(parseLeaderboardParams(params("top=2.5"))).toEqual({ ok: false, error: "top must be a whole number" });
    expect(parseLeaderboardParams(params("top=1e9"))).toEqual({ ok: false, error: "top must be at most 100000" });
  });
});
