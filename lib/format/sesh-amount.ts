import { SESH_DECIMALS, SESH_UNIT } from "../tokenomics/genesis-allocation";

/**
 * Formats atomic SESH units (9 decimals) exactly, with thousands separators, truncating (never
 * rounding up) to `fractionDigits`: "1,234,567.12 SESH".
 */
export function formatSesh(atomic: bigint, opts: { fractionDigits?: number; unit?: boolean } = {}): string {
  const digits = Math.min(Math.max(opts.fractionDigits ?? 2, 0), SESH_DECIMALS);
  const negative = atomic < 0n;
  const abs = negative ? -atomic : atomic;
  const whole = (abs / SESH_UNIT).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = (abs % SESH_UNIT).toString().padStart(SESH_DECIMALS, "0").slice(0, digits);
  const text = `${negative ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}`;
  return opts.unit === false ? text : `${text} SESH`;
}

/** "12.3M SESH"-style figure for headlines; the exact value belongs in a title or download. */
export function formatSeshCompact(atomic: bigint): string {
  const whole = Number(atomic / SESH_UNIT);
  return `${new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 }).format(whole)} SESH`;
}
