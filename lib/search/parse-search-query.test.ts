import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./parse-search-query";

const h = (n: number, c = "a") => c.repeat(n);

describe("parseSearchQuery", () => {
  it("reads whole numbers as node ids, with or without #", () => {
    expect(parseSearchQuery(" 42 ")).toEqual({ kind: "node-id", id: 42n });
    expect(parseSearchQuery("#7")).toEqual({ kind: "node-id", id: 7n });
  });

  it("refuses a number beyond uint64", () => {
    expect(parseSearchQuery("18446744073709551616").kind).toBe("invalid");
    expect(parseSearchQuery("18446744073709551615")).toEqual({ kind: "node-id", id: 18446744073709551615n });
  });

  it("lower-cases addresses", () => {
    expect(parseSearchQuery(`0x${h(40, "A")}`)).toEqual({ kind: "address", address: `0x${h(40, "a")}` });
  });

  it("tells a 0x-prefixed 32-byte value (tx) from a bare one (ed25519 key or tx)", () => {
    expect(parseSearchQuery(`0x${h(64, "b")}`)).toEqual({ kind: "tx", hash: `0x${h(64, "b")}` });
    expect(parseSearchQuery(h(64, "c"))).toEqual({ kind: "ed25519-or-tx", ed25519: h(64, "c"), hash: `0x${h(64, "c")}` });
  });

  it("reads 64-byte values as BLS keys, with or without 0x", () => {
    expect(parseSearchQuery(h(128, "d"))).toEqual({ kind: "bls", blsPubkey: `0x${h(128, "d")}` });
    expect(parseSearchQuery(`0x${h(128, "E")}`)).toEqual({ kind: "bls", blsPubkey: `0x${h(128, "e")}` });
  });

  it("reads IPv4 addresses and normalises leading zeros", () => {
    expect(parseSearchQuery("203.0.113.07")).toEqual({ kind: "ip", ip: "203.0.113.7" });
    expect(parseSearchQuery("256.1.1.1").kind).toBe("invalid");
  });

  it("explains what it cannot read", () => {
    const empty = parseSearchQuery("   ");
    expect(empty.kind === "invalid" && empty.message).toMatch(/node id/);
    const short = parseSearchQuery("0xabc");
    expect(short.kind === "invalid" && short.message).toMatch(/3 digits/);
    const words = parseSearchQuery("hello world");
    expect(words.kind === "invalid" && words.message).toMatch(/"hello world" is not/);
  });
});
