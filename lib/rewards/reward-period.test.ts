import { describe, expect, it } from "vitest";
import { parseRewardView, periodStart, RewardViewError } from "./reward-period";

describe("parseRewardView", () => {
  it("defaults to the last 30 days by week", () => {
    expect(parseRewardView({})).toEqual({ period: "30d", bucket: "week" });
    expect(parseRewardView(new URLSearchParams("period=all&bucket=day"))).toEqual({ period: "all", bucket: "day" });
  });

  it("names the bad parameter", () => {
    expect(() => parseRewardView({ period: "2w" })).toThrow(RewardViewError);
    expect(() => parseRewardView({ period: "2w" })).toThrow(/period must be one of 7d, 30d/);
    expect(() => parseRewardView(new URLSearchParams("bucket=hour"))).toThrow(/bucket must be one of day, week, month/);
    expect(() => parseRewardView({ period: ["7d", "30d"] })).toThrow(/more than once/);
    expect(() => parseRewardView({ recipient: "0x12" })).toThrow(/recipient must be a 0x-prefixed 20-byte hex address/);
  });

  it("takes one recipient's address, lower-cased", () => {
    expect(parseRewardView({ recipient: "0xAbCdEf0123456789aBCdef0123456789AbCdEf01" })).toEqual({
      period: "30d",
      bucket: "week",
      recipient: "0xabcdef0123456789abcdef0123456789abcdef01",
    });
  });
});

describe("periodStart", () => {
  it("counts back whole days from the data's end", () => {
    const end = new Date("2026-03-31T12:00:00Z");
    expect(periodStart("7d", end)).toEqual(new Date("2026-03-24T12:00:00Z"));
    expect(periodStart("all", end)).toBeNull();
  });
});
