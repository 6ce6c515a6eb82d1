import type { Lockup } from "../tokenomics/genesis-allocation";

/** A month of the lockups: a twelfth of a 365-day year (24 months = 730 days, as the vesting contracts count). */
export const MONTH_SECONDS = (365 * 86_400) / 12;
const DAY_SECONDS = 86_400;

/** When a lockup's tokens unlock, relative to genesis: linear between `from` and `to` (all at once when equal). */
export interface UnlockRule {
  fromSeconds: number;
  toSeconds: number;
}

/**
 * The lockups of the genesis table (session-facts.md). E, the staking reward pool, has no
 * schedule: the pool releases it at 15.1% a year (see pool-projection.ts).
 */
export const UNLOCK_RULES: Record<Exclude<Lockup, "E">, UnlockRule> = {
  A: { fromSeconds: 24 * MONTH_SECONDS, toSeconds: 24 * MONTH_SECONDS },
  B: { fromSeconds: 12 * MONTH_SECONDS, toSeconds: 24 * MONTH_SECONDS },
  C: { fromSeconds: 0, toSeconds: 0 },
  D: { fromSeconds: 12 * MONTH_SECONDS, toSeconds: 36 * MONTH_SECONDS },
  F: { fromSeconds: 90 * DAY_SECONDS, toSeconds: 90 * DAY_SECONDS },
};

/**
 * Unlocked part of `amount` under `lockup`, `secondsSinceGenesis` after genesis: the vesting
 * contracts' rule, `amount × elapsed / duration` floored, nothing before the start, all from the end.
 */
export function unlockedAmount(amount: bigint, lockup: Exclude<Lockup, "E">, secondsSinceGenesis: number): bigint {
  const rule = UNLOCK_RULES[lockup];
  if (secondsSinceGenesis >= rule.toSeconds) return amount;
  if (secondsSinceGenesis < rule.fromSeconds) return 0n;
  return (amount * BigInt(Math.floor(secondsSinceGenesis - rule.fromSeconds))) / BigInt(rule.toSeconds - rule.fromSeconds);
}

export interface UnlockPoint {
  at: Date;
  /** months after genesis (0, 1, … 36) or the day count for F */
  label: string;
  /** unlocked at that moment, per lockup and in total */
  byLockup: Record<Exclude<Lockup, "E">, bigint>;
  total: bigint;
}

/**
 * Cumulative unlocks of `tranches` at genesis, each month boundary to month 36 and F's 90th
 * day: the points where a schedule changes slope, so a line through them is exact.
 */
export function unlockTimeline(genesis: Date, tranches: { lockup: Lockup; amount: bigint }[]): UnlockPoint[] {
  const moments = new Map<number, string>();
  for (let m = 0; m <= 36; m++) moments.set(Math.round(m * MONTH_SECONDS), `month ${m}`);
  moments.set(90 * DAY_SECONDS, "day 90");
  return [...moments]
    .sort(([a], [b]) => a - b)
    .map(([seconds, label]) => {
      const byLockup = { A: 0n, B: 0n, C: 0n, D: 0n, F: 0n };
      for (const t of tranches) if (t.lockup !== "E") byLockup[t.lockup] += unlockedAmount(t.amount, t.lockup, seconds);
      const total = Object.values(byLockup).reduce((s, v) => s + v, 0n);
      return { at: new Date(genesis.getTime() + seconds * 1000), label, byLockup, total };
    });
}
