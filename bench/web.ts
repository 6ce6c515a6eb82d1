// npm run bench:web [-- <nodes>]: the explorer's pages under load. Starts the whole stack as
// `npm start` does (production build; data in .data/bench-web-<nodes>, kept between runs so a
// second run skips the history; a history bench:indexer already wrote for as many nodes is copied
// in rather than written again), or uses BENCH_URL=http://... of a stack already running.
// Prints p50/p95 latency per page at 50 concurrent connections, how the page cache answered
// (the x-page-cache header), the load average, and the overview's first-load JavaScript
// gzipped. Targets: p95 < 200 ms, first-load JS < 200 kB.
//
// Two sets: "hot", one URL per page (as a burst of readers of one link sees it), and "mix",
// requests spread over many node pages and node list views (most of them cache misses when the
// network has thousands of nodes: the render and query cost shows there).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { findFreePort } from "../devnet/port-check";
import { percentile } from "../lib/stats/percentile";
import { benchDevnetDir } from "./devnet-history-cache";

const nodes = Number(process.argv[2] ?? 2_000);
if (!Number.isInteger(nodes) || nodes < 10) throw new Error(`node count must be a whole number of at least 10, got "${process.argv[2]}"`);
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);
const dataDir = `.data/bench-web-${nodes}`;

/** Reuses the chain bench:indexer wrote for this many nodes (copied: its own runs keep using it). */
async function reuseIndexerBenchHistory(): Promise<void> {
  const devnetDir = path.join(dataDir, "devnet");
  if (existsSync(path.join(devnetDir, "devnet.json"))) return;
  const cached = await benchDevnetDir(nodes);
  if (!existsSync(path.join(cached, "devnet.json")) || !existsSync(path.join(cached, "chain-state.json"))) return;
  console.log(`copying the devnet history of bench:indexer from ${cached} into ${devnetDir}`);
  await mkdir(devnetDir, { recursive: true });
  // The state first: the devnet resumes only when both files exist.
  await copyFile(path.join(cached, "chain-state.json"), path.join(devnetDir, "chain-state.json"));
  await copyFile(path.join(cached, "devnet.json"), path.join(devnetDir, "devnet.json"));
}

async function startStack(): Promise<{ url: string; stop: () => Promise<void> }> {
  await reuseIndexerBenchHistory();
  const port = await findFreePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    DEVNET_NODES: String(nodes),
    PORT: String(port),
    PGPORT: String(await findFreePort()),
    DEVNET_RPC_PORT: String(await findFreePort()),
    OXEND_RPC_PORT: String(await findFreePort()),
  };
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "inherit"], detached: true });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the stack exited (${code}) before it was ready`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      process.stdout.write(text);
      if (text.includes("Session Network Explorer: http")) resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGINT");
      }),
  };
}

async function firstLoadJsGzipped(url: string): Promise<{ bytes: number; files: number }> {
  const html = await (await fetch(url)).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!))];
  let bytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return { bytes, files: sources.length };
}

interface LoadResult {
  p50: number;
  p95: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** responses by x-page-cache (HIT, STALE, MISS; "none" when a page is not cached) */
  cache: Record<string, number>;
}

/** `paths` in turn, spread over the connections (one path: every request asks for it). */
async function load(base: string, paths: string[]): Promise<LoadResult> {
  const latencies: number[] = [];
  const cache: Record<string, number> = {};
  let next = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION_S,
        // As a browser asks: the page cache sends its gzipped copy (Next compressed per request).
        headers: { "accept-encoding": "gzip, deflate, br" },
        requests: [
          {
            method: "GET",
            setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
            onResponse: (_status, _body, _context, headers) => {
              const state = (headers as Record<string, string> | undefined)?.["x-page-cache"] ?? "none";
              cache[state] = (cache[state] ?? 0) + 1;
            },
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { p50: percentile(latencies, 50) ?? NaN, p95: percentile(latencies, 95) ?? NaN, requests: latencies.length, errors: result.errors, non2xx: result.non2xx, cache };
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
const cacheSummary = (cache: Record<string, number>) => {
  const total = Object.values(cache).reduce((a, b) => a + b, 0) || 1;
  return Object.entries(cache)
    .sort(([, a], [, b]) => b - a)
    .map(([state, n]) => `${state} ${((100 * n) / total).toFixed(1)}%`)
    .join(", ");
};

/** Every `step`-th registered node id, up to `max` of them, from the list's download. */
async function spreadNodeIds(base: string, total: number, max: number): Promise<string[]> {
  const pages = Math.ceil(total / 100);
  const wanted = Math.min(pages, Math.ceil(max / 100));
  const ids: string[] = [];
  for (let i = 0; i < wanted; i++) {
    const page = 1 + Math.floor((i * pages) / wanted);
    const body = (await (await fetch(`${base}/api/nodes?size=100&page=${page}`)).json()) as { rows: { id: string }[] };
    ids.push(...body.rows.map((r) => r.id));
  }
  return ids.slice(0, max);
}

const stack = process.env.BENCH_URL ? { url: process.env.BENCH_URL.replace(/\/$/, ""), stop: async () => {} } : await startStack();
try {
  const nodeList = (await (await fetch(`${stack.url}/api/nodes?status=active&sort=stake&size=100`)).json()) as { rows: { id: string; country: string | null }[]; total: number };
  const registered = ((await (await fetch(`${stack.url}/api/nodes?size=25`)).json()) as { total: number }).total;
  const sample = nodeList.rows[0];
  if (!sample) throw new Error("no active node to benchmark: is the stack indexed?");
  const countries = [...new Set(nodeList.rows.map((r) => r.country).filter((c): c is string => c !== null))].slice(0, 8);
  const nodeIds = await spreadNodeIds(stack.url, registered, 2_000);
  const listViews = ["active", "decommissioned", "exited", "no_heartbeat"].flatMap((status) =>
    countries.flatMap((country) => ["id", "stake", "uptime_proof"].flatMap((sort) => [1, 2].map((page) => `/nodes?status=${status}&country=${country}&sort=${sort}&page=${page}`))),
  );
  const runs = [
    { name: "overview", paths: ["/"] },
    { name: "nodes list (filtered)", paths: [`/nodes?status=active&country=${sample.country ?? "US"}&sort=stake&page=1`] },
    { name: "node page", paths: [`/nodes/${sample.id}`] },
    { name: `mix: ${nodeIds.length} node pages`, paths: nodeIds.map((id) => `/nodes/${id}`) },
    { name: `mix: ${listViews.length} list views`, paths: listViews },
  ];
  console.log(`\nbench:web against ${stack.url} (${registered} registered nodes, ${nodeList.total} active), ${CONNECTIONS} connections, ${DURATION_S} s per page, load average ${loadAverage()}`);
  for (const run of runs) {
    if (run.paths.length === 1) await fetch(stack.url + run.paths[0]); // warm the route
    const r = await load(stack.url, run.paths);
    const verdict = r.p95 < 200 ? "ok" : "OVER 200 ms";
    console.log(
      `${run.name.padEnd(24)} p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  ${String(r.requests).padStart(6)} requests  ${(r.requests / DURATION_S).toFixed(0).padStart(5)} req/s` +
        `  errors ${r.errors} non-2xx ${r.non2xx}  ${verdict}  cache: ${cacheSummary(r.cache)}  load ${loadAverage()}  ${run.paths.length === 1 ? run.paths[0] : ""}`,
    );
  }
  const js = await firstLoadJsGzipped(`${stack.url}/`);
  console.log(`overview first-load JS: ${(js.bytes / 1024).toFixed(1)} kB gzipped in ${js.files} files  ${js.bytes < 200 * 1024 ? "ok" : "OVER 200 kB"}`);
} finally {
  await stack.stop();
}
