export const MINT_ADDRESS = "0x0000000000000000000000000000000000000000";

export interface TokenTransfer {
  from: string;
  to: string;
  value: bigint;
}

/** Every holder's balance as the sum of its transfers (mints come from, burns go to, the zero address). */
export function balancesFromTransfers(transfers: TokenTransfer[]): Map<string, bigint> {
  const balances = new Map<string, bigint>();
  const add = (address: string, delta: bigint) => {
    if (address === MINT_ADDRESS) return;
    balances.set(address, (balances.get(address) ?? 0n) + delta);
  };
  for (const t of transfers) {
    add(t.from.toLowerCase(), -t.value);
    add(t.to.toLowerCase(), t.value);
  }
  return balances;
}

/** Minted less burned: what totalSupply() must say. */
export function supplyFromTransfers(transfers: TokenTransfer[]): bigint {
  let supply = 0n;
  for (const t of transfers) {
    if (t.from.toLowerCase() === MINT_ADDRESS) supply += t.value;
    if (t.to.toLowerCase() === MINT_ADDRESS) supply -= t.value;
  }
  return supply;
}

/**
 * Which genesis category each mint paid, when the token minted its allocation by category
 * (the devnet's SESH mints the table in order). Mints are matched in order to the first
 * unmatched category of the same amount, so two 30,000,000 SESH categories keep their order.
 * A chain whose mints do not follow the table (the bridged SESHL2 on Arbitrum) gets no match.
 */
export function genesisWalletsFromMints(
  categories: { id: string; amount: bigint }[],
  mints: { to: string; value: bigint }[],
): Map<string, string> {
  const wallets = new Map<string, string>();
  const open = [...categories];
  for (const mint of mints) {
    const i = open.findIndex((c) => c.amount === mint.value);
    if (i < 0) continue;
    wallets.set(open[i]!.id, mint.to.toLowerCase());
    open.splice(i, 1);
  }
  return wallets;
}
