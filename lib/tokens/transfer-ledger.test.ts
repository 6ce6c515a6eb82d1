import { describe, expect, it } from "vitest";
import { balancesFromTransfers, genesisWalletsFromMints, supplyFromTransfers, MINT_ADDRESS } from "./transfer-ledger";

describe("balancesFromTransfers", () => {
  it("sums each holder's transfers, mints and burns included", () => {
    const transfers = [
      { from: MINT_ADDRESS, to: "0xA", value: 100n },
      { from: "0xa", to: "0xb", value: 30n },
      { from: "0xb", to: MINT_ADDRESS, value: 5n },
    ];
    expect(Object.fromEntries(balancesFromTransfers(transfers))).toEqual({ "0xa": 70n, "0xb": 25n });
    expect(supplyFromTransfers(transfers)).toBe(95n);
  });
});

describe("genesisWalletsFromMints", () => {
  it("matches mints to categories by amount, in order", () => {
    const categories = [
      { id: "claims", amount: 30n },
      { id: "bonus", amount: 30n },
      { id: "pool", amount: 63n },
    ];
    const wallets = genesisWalletsFromMints(categories, [
      { to: "0xC1", value: 30n },
      { to: "0xc2", value: 30n },
      { to: "0xp", value: 63n },
      { to: "0xx", value: 1n },
    ]);
    expect(Object.fromEntries(wallets)).toEqual({ claims: "0xc1", bonus: "0xc2", pool: "0xp" });
  });

  it("finds nothing when mints do not follow the table", () => {
    expect(genesisWalletsFromMints([{ id: "a", amount: 5n }], [{ to: "0x1", value: 4n }]).size).toBe(0);
  });
});
