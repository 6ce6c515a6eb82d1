// The rules of a multi-contributor node (ServiceNodeContribution), as pure functions: what the
// page shows and checks before the contract would.
import { getAddress, isAddress, type Address } from "viem";
import { formatSesh } from "../format/sesh-amount";
import { parseSeshAmount } from "../format/parse-sesh-amount";

/**
 * What a new, unreserved contributor must bring: the stake still open (requirement − contributed
 * − reserved but not yet received) spread over the open slots (max contributors − contributors
 * so far − reserved contributors not yet received). Null when no slot is left.
 */
export function minimumContribution(t: {
  stakingRequirement: bigint;
  contributed: bigint;
  reservedOutstanding: bigint;
  contributors: number;
  reservedOutstandingCount: number;
  maxContributors: number;
}): bigint | null {
  const slots = t.maxContributors - t.contributors - t.reservedOutstandingCount;
  if (slots <= 0) return null;
  const open = t.stakingRequirement - t.contributed - t.reservedOutstanding;
  return open <= 0n ? 0n : open / BigInt(slots);
}

export type ReservedParse = { ok: true; reserved: { addr: Address; amount: bigint }[] } | { ok: false; errors: string[] };

/**
 * Reserved contributors, one "address amount" per line (the operator first, as the contract
 * requires): checked for addresses, amounts, duplicates, the operator's 25% and the total.
 */
export function parseReservedContributors(text: string, opts: { operator: Address; operatorStake: bigint; stakingRequirement: bigint; maxContributors: number }): ReservedParse {
  const errors: string[] = [];
  const reserved: { addr: Address; amount: bigint }[] = [{ addr: getAddress(opts.operator), amount: opts.operatorStake }];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  lines.forEach((line, i) => {
    const [addr, ...rest] = line.split(/[\s,;]+/);
    if (!addr || !isAddress(addr, { strict: false })) {
      errors.push(`Line ${i + 1}: "${addr ?? ""}" is not a 0x address.`);
      return;
    }
    const amount = parseSeshAmount(rest.join(""));
    if (!amount.ok) {
      errors.push(`Line ${i + 1}: ${amount.error}`);
      return;
    }
    if (amount.atomic === 0n) errors.push(`Line ${i + 1}: a reserved amount must be more than 0.`);
    if (reserved.some((r) => r.addr.toLowerCase() === addr.toLowerCase())) errors.push(`Line ${i + 1}: ${addr} is listed twice (or is the operator).`);
    reserved.push({ addr: getAddress(addr), amount: amount.atomic });
  });
  if (opts.operatorStake * 4n < opts.stakingRequirement) {
    errors.push(`The operator must stake at least a quarter of the requirement: ${formatSesh(opts.stakingRequirement / 4n, { fractionDigits: 0 })}.`);
  }
  if (reserved.length > opts.maxContributors) errors.push(`At most ${opts.maxContributors} contributors, the operator included; ${reserved.length} are listed.`);
  const total = reserved.reduce((t, r) => t + r.amount, 0n);
  if (total > opts.stakingRequirement) {
    errors.push(`Reserved stakes add up to ${formatSesh(total, { fractionDigits: 0 })}, more than the ${formatSesh(opts.stakingRequirement, { fractionDigits: 0 })} a node needs.`);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, reserved };
}
