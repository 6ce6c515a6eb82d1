import { expect, it } from "vitest";
import { genesisAllocation } from "./genesis-allocation";

it("the genesis allocation adds up to the 240,000,000 SESH maximum supply, tranche by tranche", () => {
  const { maxSupply, categories } = genesisAllocation();
  expect(maxSupply).toBe(240_000_000n);
  expect(categories.reduce((t, c) => t + c.amount, 0n)).toBe(maxSupply);
  for (const c of categories) expect(c.tranches.reduce((t, tr) => t + tr.amount, 0n)).toBe(c.amount);
  // 79M unlocked at genesis: the 60M swap program, 6M treasury, 13M ecosystem fund.
  const unlocked = categories.flatMap((c) => c.tranches).filter((t) => t.lockup === "C").reduce((t, tr) => t + tr.amount, 0n);
  expect(unlocked).toBe(79_000_000n);
});
