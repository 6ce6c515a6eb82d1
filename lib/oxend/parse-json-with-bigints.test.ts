import { parse as parseLosslessJson, isSafeNumber } from "lossless-json";
import { describe, expect, it } from "vitest";
import { parseJsonWithBigInts } from "./parse-json-with-bigints";

describe("parseJsonWithBigInts", () => {
  it("keeps integers beyond 2^53 exact as bigints and the rest as JSON.parse does", () => {
    expect(parseJsonWithBigInts('{"swarm_id":18446744073709551615,"height":1234,"neg":-9007199254740993,"f":1.5e3,"ok":true,"n":null}')).toEqual({
      swarm_id: 18446744073709551615n,
      height: 1234,
      neg: -9007199254740993n,
      f: 1500,
      ok: true,
      n: null,
    });
    expect(parseJsonWithBigInts("[9007199254740991, 9007199254740992]")).toEqual([9007199254740991, 9007199254740992n]);
  });

  it("leaves digits inside strings alone, escaped quotes included", () => {
    const text = String.raw`{"a":"12345678901234567890","b":"say \"99999999999999999999\", 1","c":[1.23456789012345678901]}`;
    expect(parseJsonWithBigInts(text)).toEqual({ a: "12345678901234567890", b: 'say "99999999999999999999", 1', c: [1.2345678901234568] });
  });

  it("reads what lossless-json reads, number for number", () => {
    const text = JSON.stringify({ result: { service_node_states: [{ pubkey_ed25519: "ab".repeat(32), swarm_id: 1, requested_unlock_height: 0, contributors: [{ amount: 25_000_000_000_000 }] }] } })
      .replace('"swarm_id":1', '"swarm_id":13835058055282163711');
    const lossless = parseLosslessJson(text, null, (v) => (isSafeNumber(v) ? Number(v) : BigInt(v)));
    expect(parseJsonWithBigInts(text)).toEqual(lossless);
  });

  it("refuses text that is not JSON", () => {
    expect(() => parseJsonWithBigInts('{"a": 12345678901234567890')).toThrow(SyntaxError);
    expect(() => parseJsonWithBigInts("not json")).toThrow(SyntaxError);
  });
});
