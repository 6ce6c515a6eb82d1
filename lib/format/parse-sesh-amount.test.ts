import { describe, expect, it } from "vitest";
import { parseSeshAmount } from "./parse-sesh-amount";

describe("parseSeshAmount", () => {
  it("reads whole and fractional SESH exactly", () => {
    expect(parseSeshAmount("6,250")).toEqual({ ok: true, atomic: 6_250_000_000_000n });
    expect(parseSeshAmount(" 0.000000001 SESH")).toEqual({ ok: true, atomic: 1n });
    expect(parseSeshAmount("12.5")).toEqual({ ok: true, atomic: 12_500_000_000n });
    expect(parseSeshAmount(".5")).toEqual({ ok: true, atomic: 500_000_000n });
  });

  it("refuses what is not an exact SESH amount", () => {
    expect(parseSeshAmount("")).toEqual({ ok: false, error: "Enter an amount of SESH." });
    expect(parseSeshAmount("-5")).toMatchObject({ ok: false });
    expect(parseSeshAmount("1e3")).toMatchObject({ ok: false });
    expect(parseSeshAmount("1.0000000001")).toEqual({ ok: false, error: 'SESH has 9 decimals; "1.0000000001" has 10.' });
    expect(parseSeshAmount(".")).toMatchObject({ ok: false });
  });
});
