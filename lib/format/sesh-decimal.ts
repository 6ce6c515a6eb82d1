import { SESH_DECIMALS, SESH_UNIT } from "../tokenomics/genesis-allocation";

/** Atomic units as an exact plain decimal string of SESH ("1234.5", "-0.000000001"): for chart data and machine-readable attributes. */
export function seshDecimal(atomic: bigint): string {
  const negative = atomic < 0n;
  const abs = negative ? -atomic : atomic;
  const fraction = (abs % SESH_UNIT).toString().padStart(SESH_DECIMALS, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${abs / SESH_UNIT}${fraction ? `.${fraction}` : ""}`;
}
