import { expect, it } from "vitest";
import { seshDecimal } from "./sesh-decimal";

it("writes atomic units as exact SESH decimals", () => {
  expect(seshDecimal(1_234_500_000_000n)).toBe("1234.5");
  expect(seshDecimal(240_000_000_000_000_001n)).toBe("240000000.000000001");
  expect(seshDecimal(-1n)).toBe("-0.000000001");
  expect(seshDecimal(0n)).toBe("0");
});
