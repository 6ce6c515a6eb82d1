import { describe, expect, it } from "vitest";
import { PageCache, type CachedResponse } from "./page-cache";

const page = (text: string, status = 200): CachedResponse => ({ status, headers: { "content-type": "text/html" }, body: Buffer.from(text) });

function setup(maxBytes = 1_000_000) {
  const clock = { t: 0 };
  const cache = new PageCache({ freshMs: 5_000, expireMs: 10_000, maxBytes, cacheable: (r) => r.status === 200, now: () => clock.t });
  let renders = 0;
  const render = (text = "v") => async () => page(`${text}${++renders}`);
  return { clock, cache, render, renders: () => renders };
}

describe("PageCache", () => {
  it("renders once for concurrent requests and serves the copy while fresh", async () => {
    const { cache, render, renders, clock } = setup();
    const all = await Promise.all(Array.from({ length: 50 }, () => cache.get("/", render())));
    expect(renders()).toBe(1);
    expect(new Set(all.map((r) => r.response.body.toString()))).toEqual(new Set(["v1"]));
    expect(all.every((r) => r.state === "MISS")).toBe(true);
    clock.t = 4_999;
    expect(await cache.get("/", render())).toMatchObject({ state: "HIT" });
    expect(renders()).toBe(1);
  });

  it("after the fresh time serves the stale copy once while one render runs, then the new one", async () => {
    const { cache, render, renders, clock } = setup();
    await cache.get("/", render());
    clock.t = 5_000;
    const [a, b] = await Promise.all([cache.get("/", render()), cache.get("/", render())]);
    expect([a.state, b.state, a.response.body.toString()]).toEqual(["STALE", "STALE", "v1"]);
    await new Promise((r) => setImmediate(r));
    expect(renders()).toBe(2);
    const c = await cache.get("/", render());
    expect([c.state, c.response.body.toString()]).toEqual(["HIT", "v2"]);
  });

  it("never serves a copy past the expiry: the request waits for a render", async () => {
    const { cache, render, clock } = setup();
    await cache.get("/", render());
    clock.t = 10_000;
    const r = await cache.get("/", render());
    expect([r.state, r.response.body.toString()]).toEqual(["MISS", "v2"]);
  });

  it("counts a copy's age from the start of its render, when its data was read", async () => {
    const { cache, clock } = setup();
    await cache.get("/", async () => {
      clock.t = 3_000; // a slow render
      return page("slow");
    });
    clock.t = 5_000;
    expect((await cache.get("/", async () => page("next"))).state).toBe("STALE");
  });

  it("does not keep error pages or failed renders, but hands them to the requests that waited", async () => {
    const { cache, renders } = setup();
    const [a, b] = await Promise.all([cache.get("/x", async () => page("gone", 404)), cache.get("/x", async () => page("other", 404))]);
    expect([a.response.status, b.response.body.toString()]).toEqual([404, "gone"]);
    expect(cache.size().entries).toBe(0);
    await expect(cache.get("/y", async () => Promise.reject(new Error("upstream down")))).rejects.toThrow("upstream down");
    expect((await cache.get("/y", async () => page("ok"))).response.body.toString()).toBe("ok");
    expect(renders()).toBe(0);
  });

  it("keeps the stale copy when its refresh fails, until it expires", async () => {
    const { cache, render, clock } = setup();
    await cache.get("/", render());
    clock.t = 6_000;
    expect((await cache.get("/", async () => Promise.reject(new Error("db down")))).state).toBe("STALE");
    await new Promise((r) => setImmediate(r));
    expect((await cache.get("/", async () => Promise.reject(new Error("db down")))).response.body.toString()).toBe("v1");
    clock.t = 10_000;
    await expect(cache.get("/", async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
  });

  it("holds at most maxBytes, dropping the least recently used", async () => {
    const { cache } = setup(3_000);
    const big = (n: number) => async () => page("x".repeat(n));
    for (let i = 0; i < 100; i++) await cache.get(`/nodes/${i}`, big(900));
    expect(cache.size().bytes).toBeLessThanOrEqual(3_000);
    expect(cache.size().entries).toBe(3);
    await cache.get("/nodes/97", big(900)); // used: now the most recent
    await cache.get("/nodes/100", big(900));
    expect((await cache.get("/nodes/97", big(1))).state).toBe("HIT");
    expect((await cache.get("/nodes/98", big(1))).state).toBe("MISS");
    await cache.get("/huge", big(5_000)); // larger than the whole cache: served, not kept
    expect(cache.size().bytes).toBeLessThanOrEqual(3_000);
  });
});
