// npm run bench:web [-- <nodes>]: the explorer's pages under load. Starts the whole stack as
// `npm start` does (production build; data in .data/bench-web-<nodes>, kept between runs so a
// second run skips the history), or uses BENCH_URL=http://... of a stack already running.
// Prints p50/p95 latency per page at 50 concurrent connections, and the overview's first-load
// JavaScript gzipped. Targets: p95 < 200 ms, first-load JS < 200 kB.
import { spawn, type ChildProcess } from "node:child_process";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { findFreePort } from "../devnet/port-check";
import { percentile } from "../lib/stats/percentile";

const nodes = Number(process.argv[2] ?? 2_000);
if (!Number.isInteger(nodes) || nodes < 10) throw new Error(`node count must be a whole number of at least 10, got "${process.argv[2]}"`);
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 15);

async function startStack(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await findFreePort();
  const env = {
    ...process.env,
    DATA_DIR: `.data/bench-web-${nodes}`,
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

async function load(url: string): Promise<{ p50: number; p95: number; requests: number; errors: number; non2xx: number }> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: DURATION_S }, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { p50: percentile(latencies, 50) ?? NaN, p95: percentile(latencies, 95) ?? NaN, requests: latencies.length, errors: result.errors, non2xx: result.non2xx };
}

const stack = process.env.BENCH_URL ? { url: process.env.BENCH_URL.replace(/\/$/, ""), stop: async () => {} } : await startStack();
try {
  const nodeList = (await (await fetch(`${stack.url}/api/nodes?status=active&sort=stake&size=50`)).json()) as { rows: { id: string; country: string | null }[]; total: number };
  const sample = nodeList.rows[0];
  if (!sample) throw new Error("no active node to benchmark: is the stack indexed?");
  const pages = [
    { name: "overview", path: "/" },
    { name: "nodes list (filtered)", path: `/nodes?status=active&country=${sample.country ?? "US"}&sort=stake&page=1` },
    { name: "node page", path: `/nodes/${sample.id}` },
  ];
  console.log(`\nbench:web against ${stack.url} (${nodeList.total} active nodes), ${CONNECTIONS} connections, ${DURATION_S} s per page`);
  const rows: string[] = [];
  for (const page of pages) {
    await fetch(stack.url + page.path); // warm the route
    const r = await load(stack.url + page.path);
    const verdict = r.p95 < 200 ? "ok" : "OVER 200 ms";
    rows.push(`${page.name.padEnd(24)} p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  ${String(r.requests).padStart(6)} requests  ${(r.requests / DURATION_S).toFixed(0).padStart(4)} req/s  errors ${r.errors} non-2xx ${r.non2xx}  ${verdict}  ${page.path}`);
    console.log(rows.at(-1));
  }
  const js = await firstLoadJsGzipped(`${stack.url}/`);
  console.log(`overview first-load JS: ${(js.bytes / 1024).toFixed(1)} kB gzipped in ${js.files} files  ${js.bytes < 200 * 1024 ? "ok" : "OVER 200 kB"}`);
} finally {
  await stack.stop();
}
