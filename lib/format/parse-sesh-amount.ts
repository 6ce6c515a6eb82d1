import { SESH_DECIMALS, SESH_UNIT } from "../tokenomics/genesis-allocation";

export type ParsedAmount = { ok: true; atomic: bigint } | { ok: false; error: string };

/** "1,234.5" → atomic units, exactly (no floats); refuses more than 9 decimals, signs and junk. */
export function parseSeshAmount(text: string): ParsedAmount {
  const cleaned = text.trim().replace(/\s*SESH$/i, "").replace(/[,_\s]/g, "");
  if (cleaned === "") return { ok: false, error: "Enter an amount of SESH." };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) return { ok: false, error: `"${text.trim()}" is not an amount of SESH (digits, optionally a decimal point).` };
  const fraction = match[2] ?? "";
  if (fraction.length > SESH_DECIMALS) return { ok: false, error: `SESH has ${SESH_DECIMALS} decimals; "${text.trim()}" has ${fraction.length}.` };
  const atomic = BigInt(match[1] || "0") * SESH_UNIT + BigInt(fraction.padEnd(SESH_DECIMALS, "0") || "0");
  return { ok: true, atomic };
}
