/** RewardRatePool's rate: 1,510 basis points a year, simple, on the balance at each payout. */
export const ANNUAL_SIMPLE_PAYOUT_RATE_BPS = 1_510n;
const BASIS_POINTS = 10_000n;
const YEAR_SECONDS = 365n * 86_400n;

/** What `payoutReleased()` pays: the contract's `calculatePayoutAmount(balance, elapsed)`, floored. */
export function poolPayout(balance: bigint, elapsedSeconds: bigint): bigint {
  if (balance < 0n || elapsedSeconds < 0n) throw new RangeError("balance and elapsed time must not be negative");
  return (balance * ANNUAL_SIMPLE_PAYOUT_RATE_BPS * elapsedSeconds) / (BASIS_POINTS * YEAR_SECONDS);
}

export interface ProjectedPayout {
  at: Date;
  release: bigint;
  /** pool balance after this payout */
  balanceAfter: bigint;
  /** released since the projection's start, this payout included */
  cumulative: bigint;
}

/**
 * Future releases if payouts keep coming every `intervalSeconds` from `lastPaidOutAt` and nothing
 * else is deposited: each pays 15.1%/yr of the balance left, so the pool shrinks geometrically.
 */
export function projectPoolReleases(opts: { balance: bigint; lastPaidOutAt: Date; intervalSeconds: number; payouts: number }): ProjectedPayout[] {
  if (!Number.isInteger(opts.intervalSeconds) || opts.intervalSeconds <= 0) throw new RangeError("payout interval must be a positive whole number of seconds");
  if (!Number.isInteger(opts.payouts) || opts.payouts < 0) throw new RangeError("number of payouts must be a whole number");
  const out: ProjectedPayout[] = [];
  let balance = opts.balance;
  let cumulative = 0n;
  for (let i = 1; i <= opts.payouts; i++) {
    const release = poolPayout(balance, BigInt(opts.intervalSeconds));
    balance -= release;
    cumulative += release;
    out.push({ at: new Date(opts.lastPaidOutAt.getTime() + i * opts.intervalSeconds * 1000), release, balanceAfter: balance, cumulative });
  }
  return out;
}

/** Without a release history the projection assumes weekly payouts. */
export const DEFAULT_PAYOUT_INTERVAL_SECONDS = 7 * 86_400;

/**
 * A year of projected payouts at the pool's usual rhythm: what the pool will release if nothing
 * changes. Payouts more often than daily are projected daily (at most 366 points); that
 * shifts a year's total by under 0.01%, since the release only compounds between payouts.
 */
export function projectNextYear(opts: { balance: bigint; lastPaidOutAt: Date; intervalSeconds: number | null }): ProjectedPayout[] {
  const known = opts.intervalSeconds && opts.intervalSeconds > 0 ? opts.intervalSeconds : DEFAULT_PAYOUT_INTERVAL_SECONDS;
  const intervalSeconds = Math.max(known, 86_400);
  const payouts = Math.min(366, Math.ceil((365 * 86_400) / intervalSeconds));
  return projectPoolReleases({ balance: opts.balance, lastPaidOutAt: opts.lastPaidOutAt, intervalSeconds, payouts });
}
