/** 365 days: the year of the contracts' simple rates (RewardRatePool uses `365 days`). */
export const YEAR_SECONDS = 365n * 86_400n;

/** Parts per million: 1,000,000 ppm = 100%. Integer so yields stay exact bigint arithmetic. */
export const PPM = 1_000_000n;

/**
 * Effective yield (APR, simple, not compounded) of `reward` earned on a stake held over time:
 * `stakeSeconds` is Σ stake × seconds held (atomic units × s), so a stake that changed during
 * the period is weighted by how long it was there. Result in ppm, floored; null without stake.
 */
export function annualisedYieldPpm(reward: bigint, stakeSeconds: bigint): bigint | null {
  if (reward < 0n || stakeSeconds < 0n) throw new RangeError("reward and stake-time must not be negative");
  if (stakeSeconds === 0n) return null;
  return (reward * YEAR_SECONDS * PPM) / stakeSeconds;
}

/** "15.10%" from ppm, truncated to `digits` decimals (no float rounding). */
export function formatPpmPercent(ppm: bigint | null, digits = 2): string {
  if (ppm === null) return "–";
  const negative = ppm < 0n;
  const abs = negative ? -ppm : ppm;
  // ppm / 10,000 = percent
  const scale = 10n ** BigInt(digits);
  const scaled = (abs * scale) / 10_000n;
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(digits, "0");
  return `${negative ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}%`;
}

/** Share of `part` in `whole` in ppm, floored; null when the whole is zero. */
export function sharePpm(part: bigint, whole: bigint): bigint | null {
  return whole === 0n ? null : (part * PPM) / whole;
}
