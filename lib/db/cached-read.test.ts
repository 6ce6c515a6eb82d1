import { expect, it } from "vitest";
import { cachedRead } from "./cached-read";

it("shares one read among concurrent callers and within the time to live", async () => {
  let calls = 0;
  let clock = 1_000;
  const read = async () => ++calls;
  const [a, b] = await Promise.all([cachedRead("k1", 5_000, read, () => clock), cachedRead("k1", 5_000, read, () => clock)]);
  expect([a, b, calls]).toEqual([1, 1, 1]);
  clock += 4_999;
  expect(await cachedRead("k1", 5_000, read, () => clock)).toBe(1);
  clock += 1;
  expect(await cachedRead("k1", 5_000, read, () => clock)).toBe(2);
  expect(await cachedRead("k2", 5_000, read, () => clock)).toBe(3);
});

it("does not keep a failed read", async () => {
  let fail = true;
  const read = async () => {
    if (fail) throw new Error("database down");
    return "ok";
  };
  await expect(cachedRead("k3", 5_000, read)).rejects.toThrow("database down");
  fail = false;
  expect(await cachedRead("k3", 5_000, read)).toBe("ok");
});
