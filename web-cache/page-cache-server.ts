import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { canonicalPageUrl, PAGE_EXPIRE_SECONDS, PAGE_FRESH_SECONDS } from "../lib/page-cache/canonical-page-url";
import { PageCache, type CachedResponse } from "../lib/page-cache/page-cache";

/** Request headers Next renders a page differently for (its own `Vary`): client-side navigations (RSC). */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"] as const;
/** Next's cache-busting parameter of RSC requests: a hash of the router headers, checked by Next. */
const RSC_PARAM = "_rsc";
/** Not forwarded from a response to its copies. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "te", "trailer", "upgrade"]);

export interface PageCacheServer {
  url: string;
  cache: PageCache;
  close(): Promise<void>;
}

/**
 * The explorer's page cache, in front of `next start` (`upstream`): the overview, node lists and
 * node pages (see `canonicalPageUrl`) are rendered once per canonical URL and router-header set
 * and kept a few seconds; every other request (other pages, wallet pages, the API, static files,
 * any method but GET and HEAD) is passed through untouched and uncached. Each cached-page response
 * says how it was answered in `x-page-cache` (HIT, STALE, MISS) and its age in `age`.
 */
export async function startPageCacheServer(opts: { port: number; host: string; upstream: string; maxBytes: number }): Promise<PageCacheServer> {
  const upstream = new URL(opts.upstream);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const cache = new PageCache({
    freshMs: PAGE_FRESH_SECONDS * 1000,
    expireMs: PAGE_EXPIRE_SECONDS * 1000,
    maxBytes: opts.maxBytes,
    // Only whole successful pages: never an error, a redirect or a response that sets a cookie.
    cacheable: (r) => r.status === 200 && !("set-cookie" in r.headers),
  });
  const gzipped = new WeakMap<CachedResponse, Buffer>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const canonical = req.method === "GET" || req.method === "HEAD" ? canonicalPageUrl(url.pathname, url.searchParams) : null;
    if (canonical === null) return passThrough(req, res);

    const rsc = url.searchParams.get(RSC_PARAM);
    const target = rsc === null ? canonical : `${canonical}${canonical.includes("?") ? "&" : "?"}${RSC_PARAM}=${encodeURIComponent(rsc)}`;
    // Only what the page may depend on goes to Next, so a copy is the same for every reader:
    // no cookies, no credentials, no compression (the copy is compressed here, once).
    const headers: http.OutgoingHttpHeaders = { host: req.headers.host ?? upstream.host, accept: req.headers.accept ?? "*/*", "accept-encoding": "identity" };
    for (const name of ROUTER_HEADERS) if (req.headers[name] !== undefined) headers[name] = req.headers[name];
    const key = [target, ...ROUTER_HEADERS.map((name) => String(req.headers[name] ?? ""))].join("\n");

    cache
      .get(key, () => fetchUpstream(target, headers))
      .then(({ response, at, state }) => {
        const out: http.OutgoingHttpHeaders = { ...response.headers, "x-page-cache": state, age: String(Math.floor((Date.now() - at) / 1000)) };
        let body = response.body;
        if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) && body.length > 1024) {
          let zipped = gzipped.get(response);
          if (!zipped) gzipped.set(response, (zipped = gzipSync(body)));
          body = zipped;
          out["content-encoding"] = "gzip";
        }
        out["content-length"] = body.length;
        res.writeHead(response.status, out);
        res.end(req.method === "HEAD" ? undefined : body);
      })
      .catch((error: unknown) => answerUpstreamFailure(res, error as Error));
  });

  function fetchUpstream(path: string, headers: http.OutgoingHttpHeaders): Promise<CachedResponse> {
    return new Promise((resolve, reject) => {
      const request = http.request({ host: upstream.hostname, port: upstream.port, path, method: "GET", headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const kept: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = Array.isArray(value) ? value.join(", ") : value;
          }
          resolve({ status: response.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
        });
      });
      request.on("error", reject);
      request.end();
    });
  }

  function passThrough(req: http.IncomingMessage, res: http.ServerResponse): void {
    const request = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers, agent }, (response) => {
      res.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(res);
    });
    request.on("error", (error) => answerUpstreamFailure(res, error));
    req.pipe(request);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host}:${port}`,
    cache,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

/** Next did not answer: a 502 that says so, or a cut connection once a response had begun. */
function answerUpstreamFailure(res: http.ServerResponse, error: Error): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(`The explorer's web app did not answer: ${error.message}\n`);
}
