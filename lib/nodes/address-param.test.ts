import { expect, it } from "vitest";
import { addressParamSchema, addressTableSchema, txHashParamSchema } from "./address-param";

it("lower-cases addresses and refuses malformed ones with a reason", () => {
  expect(addressParamSchema.parse(`0x${"AB".repeat(20)}`)).toBe(`0x${"ab".repeat(20)}`);
  expect(addressParamSchema.safeParse("0x1234").error?.issues[0]?.message).toMatch(/40 hex digits/);
});

it("reads 32-byte transaction hashes only", () => {
  expect(txHashParamSchema.parse(`0x${"C".repeat(64)}`)).toBe(`0x${"c".repeat(64)}`);
  expect(txHashParamSchema.safeParse(`0x${"c".repeat(63)}`).success).toBe(false);
});

it("names the address page's tables", () => {
  expect(addressTableSchema.options).toEqual(["nodes", "contributions", "rewards", "transfers"]);
});
