import allocation from "./genesis-allocation.json";

export type Lockup = keyof typeof allocation.lockups;

export interface AllocationTranche {
  lockup: Lockup;
  /** whole SESH */
  amount: bigint;
}

export interface AllocationCategory {
  id: string;
  name: string;
  /** whole SESH */
  amount: bigint;
  note?: string;
  tranches: AllocationTranche[];
}

export const SESH_DECIMALS = 9;
export const SESH_UNIT = 10n ** BigInt(SESH_DECIMALS);

/** The genesis allocation table (data in genesis-allocation.json), amounts as bigint SESH. */
export function genesisAllocation(): { maxSupply: bigint; lockups: Record<Lockup, string>; categories: AllocationCategory[] } {
  return {
    maxSupply: BigInt(allocation.token.maxSupply),
    lockups: allocation.lockups,
    categories: allocation.categories.map((c) => ({
      id: c.id,
      name: c.name,
      amount: BigInt(c.amount),
      note: "note" in c ? c.note : undefined,
      tranches: c.tranches.map((t) => ({ lockup: t.lockup as Lockup, amount: BigInt(t.amount) })),
    })),
  };
}
