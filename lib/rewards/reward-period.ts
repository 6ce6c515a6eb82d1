import { z } from "zod";
import { addressSchema } from "../config/env-schemas";

export const REWARD_PERIODS = ["7d", "30d", "90d", "365d", "all"] as const;
export type RewardPeriod = (typeof REWARD_PERIODS)[number];
export const TIME_BUCKETS = ["day", "week", "month"] as const;
export type TimeBucket = (typeof TIME_BUCKETS)[number];

const periodDays: Record<Exclude<RewardPeriod, "all">, number> = { "7d": 7, "30d": 30, "90d": 90, "365d": 365 };

export const PERIOD_LABELS: Record<RewardPeriod, string> = {
  "7d": "last 7 days",
  "30d": "last 30 days",
  "90d": "last 90 days",
  "365d": "last 365 days",
  all: "all time",
};

const rewardViewSchema = z.object({
  period: z.enum(REWARD_PERIODS, { error: `period must be one of ${REWARD_PERIODS.join(", ")}` }).default("30d"),
  bucket: z.enum(TIME_BUCKETS, { error: `bucket must be one of ${TIME_BUCKETS.join(", ")}` }).default("week"),
  recipient: addressSchema.optional(),
});

export interface RewardView {
  period: RewardPeriod;
  bucket: TimeBucket;
  /** one operator's or contributor's view, lower-case */
  recipient?: `0x${string}`;
}

export class RewardViewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RewardViewError";
  }
}

/** `?period=&bucket=` of /rewards and its downloads; a bad value is a RewardViewError naming it. */
export function parseRewardView(params: Record<string, string | string[] | undefined> | URLSearchParams): RewardView {
  const get = (key: string) => {
    const v = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
    if (Array.isArray(v)) throw new RewardViewError(`${key} given more than once`);
    return v === "" ? undefined : v;
  };
  const parsed = rewardViewSchema.safeParse({ period: get("period"), bucket: get("bucket"), recipient: get("recipient") });
  if (!parsed.success) throw new RewardViewError(parsed.error.issues.map((i) => (i.path[0] === "recipient" ? `recipient ${i.message}` : i.message)).join("; "));
  const { recipient, ...view } = parsed.data;
  return recipient ? { ...view, recipient } : view;
}

/** Start of the period ending at `end` (the last indexed block's time, so pages agree with their data); null for all time. */
export function periodStart(period: RewardPeriod, end: Date): Date | null {
  if (period === "all") return null;
  return new Date(end.getTime() - periodDays[period] * 86_400_000);
}
