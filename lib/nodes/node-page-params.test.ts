import { expect, it } from "vitest";
import { nodeIdSchema, nodeTableSchema, uptimeDaysSchema } from "./node-page-params";

it("reads node ids as uint64 and refuses anything else", () => {
  expect(nodeIdSchema.parse("12")).toBe(12n);
  expect(nodeIdSchema.safeParse("abc").success).toBe(false);
  expect(nodeIdSchema.safeParse("18446744073709551616").success).toBe(false);
});

it("offers 30 or 90 days of uptime, 30 by default", () => {
  expect(uptimeDaysSchema.parse(undefined)).toBe(30);
  expect(uptimeDaysSchema.parse("90")).toBe(90);
  expect(uptimeDaysSchema.safeParse("365").success).toBe(false);
});

it("names the downloadable tables", () => {
  expect(nodeTableSchema.safeParse("rewards").success).toBe(true);
  expect(nodeTableSchema.safeParse("secrets").error?.issues[0]?.message).toMatch(/table must be one of/);
});
