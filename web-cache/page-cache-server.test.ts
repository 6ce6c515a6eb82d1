import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPageCacheServer, type PageCacheServer } from "./page-cache-server";

// A stand-in for `next start`: each answer says how many times it rendered and what it was asked.
let renders = 0;
let version = "v1";
const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
const upstream = http.createServer((req, res) => {
  seen.push({ url: req.url!, headers: req.headers });
  if (req.url!.startsWith("/nodes/404")) return void res.writeHead(404, { "content-type": "text/html" }).end("not found");
  if (req.url!.startsWith("/nodes/500")) return void res.writeHead(500, { "content-type": "text/html" }).end("boom");
  if (req.method === "POST") return void req.on("data", () => {}).on("end", () => res.writeHead(200).end("posted"));
  const headers: http.OutgoingHttpHeaders = { "content-type": "text/html; charset=utf-8", ...(req.url === "/nodes/7" ? { "set-cookie": "a=b" } : {}) };
  setTimeout(() => res.writeHead(200, headers).end(`${req.url} ${version} render ${++renders} ${"x".repeat(2_000)}`), 20);
});
let front: PageCacheServer;

beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  front = await startPageCacheServer({ port: 0, host: "127.0.0.1", upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, maxBytes: 1_000_000 });
});
afterAll(async () => {
  await front.close();
  upstream.close();
});

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(front.url + path, { headers: { "accept-encoding": "identity" }, ...init });
  return { status: res.status, cache: res.headers.get("x-page-cache"), body: await res.text(), headers: res.headers };
};

it("renders a page once for fifty concurrent readers, from its canonical URL, without their cookies", async () => {
  const before = renders;
  const all = await Promise.all(Array.from({ length: 50 }, (_, i) => get(i % 2 ? "/nodes?country=us&status=active&page=1" : "/nodes?status=active&country=US", { headers: { cookie: "session=secret", "accept-encoding": "identity" } })));
  expect(renders - before).toBe(1);
  expect(new Set(all.map((r) => r.body)).size).toBe(1);
  expect(all[0]!.body).toMatch(/^\/nodes\?status=active&country=US v1/);
  expect(seen.at(-1)!.headers.cookie).toBeUndefined();
  expect((await get("/nodes?status=active&country=US")).cache).toBe("HIT");
});

it("shows changed data within the fresh time plus one render, and never serves a copy past its expiry", async () => {
  expect((await get("/")).body).toContain("v1");
  version = "v2";
  await new Promise((r) => setTimeout(r, 5_000));
  const stale = await get("/");
  expect([stale.cache, stale.body.includes("v1")]).toEqual(["STALE", true]);
  await new Promise((r) => setTimeout(r, 100));
  const fresh = await get("/");
  expect([fresh.cache, fresh.body.includes("v2")]).toEqual(["HIT", true]);
  await new Promise((r) => setTimeout(r, 10_000));
  expect((await get("/")).cache).toBe("MISS");
}, 30_000);

it("passes wallet pages, the API, bad filters, other methods and other pages through, uncached", async () => {
  for (const path of ["/stake", "/my-nodes", "/api/nodes?status=active", "/nodes?status=happy", "/nodes/5?days=7", "/distribution"]) {
    const before = renders;
    const [a, b] = [await get(path), await get(path)];
    expect([a.cache, b.cache, renders - before]).toEqual([null, null, 2]);
  }
  const posted = await fetch(`${front.url}/nodes`, { method: "POST", body: "x=1" });
  expect(await posted.text()).toBe("posted");
});

it("never keeps an error page or a response that sets a cookie", async () => {
  for (const [path, status] of [["/nodes/404", 404], ["/nodes/500", 500], ["/nodes/7", 200]] as const) {
    const [a, b] = [await get(path), await get(path)];
    expect([a.status, a.cache, b.cache]).toEqual([status, "MISS", "MISS"]);
  }
});

it("keeps client-side navigations (RSC) apart from documents and from each other, and compresses copies for clients that accept it", async () => {
  const doc = await get("/nodes/9");
  const rsc = await get("/nodes/9?_rsc=abc", { headers: { rsc: "1", "next-router-state-tree": "tree-a", "accept-encoding": "identity" } });
  const other = await get("/nodes/9?_rsc=def", { headers: { rsc: "1", "next-router-state-tree": "tree-b", "accept-encoding": "identity" } });
  expect(new Set([doc.body, rsc.body, other.body]).size).toBe(3);
  expect(seen.find((s) => s.url === "/nodes/9?_rsc=abc")!.headers["next-router-state-tree"]).toBe("tree-a");
  const again = await get("/nodes/9?_rsc=abc", { headers: { rsc: "1", "next-router-state-tree": "tree-a", "accept-encoding": "identity" } });
  expect([again.cache, again.body]).toEqual(["HIT", rsc.body]);
  const zipped = await http.get(`${front.url}/nodes/9`, { headers: { "accept-encoding": "gzip" } });
  const body = await new Promise<Buffer>((resolve) => {
    zipped.on("response", (res) => {
      expect(res.headers["content-encoding"]).toBe("gzip");
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
  expect(gunzipSync(body).toString()).toBe(doc.body);
});
