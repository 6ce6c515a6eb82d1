import type { Lockup } from "../tokenomics/genesis-allocation";
import { unlockedAmount } from "./unlock-schedule";

/**
 * Circulating supply, as this explorer defines it: total supply less what the staking reward
 * pool still holds and less the genesis tranches still locked by their lockup (A, B, D, F) at
 * `secondsSinceGenesis`. Staked tokens count as circulating: their holders chose to stake them.
 */
export function circulatingSupply(opts: {
  totalSupply: bigint;
  poolBalance: bigint;
  tranches: { lockup: Lockup; amount: bigint }[];
  secondsSinceGenesis: number;
}): { circulating: bigint; locked: bigint } {
  let locked = 0n;
  for (const t of opts.tranches) {
    if (t.lockup === "E" || t.lockup === "C") continue;
    locked += t.amount - unlockedAmount(t.amount, t.lockup, opts.secondsSinceGenesis);
  }
  const circulating = opts.totalSupply - opts.poolBalance - locked;
  if (circulating < 0n) throw new RangeError(`pool (${opts.poolBalance}) and locked tranches (${locked}) exceed the total supply (${opts.totalSupply})`);
  return { circulating, locked };
}
