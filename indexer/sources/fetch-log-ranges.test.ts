import { createServer, type Server } from "node:http";
import { createPublicClient, http, toHex, type Address, type PublicClient } from "viem";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../devnet/port-check";
import { fetchLogRanges, RpcUnavailableError, withRetry, type FetchedRange, type LogRangeState } from "./fetch-log-ranges";

const watched = "0x00000000000000000000000000000000000000aa" as Address;
const other = "0x00000000000000000000000000000000000000bb" as Address;

interface ChainLog {
  address: Address;
  blockNumber: number;
  logIndex: number;
}

/**
 * A JSON-RPC server over a made-up chain of `blocks` blocks, answering eth_getLogs and
 * eth_getBlockByNumber as an RPC provider would, including its refusals: "too many results"
 * past `maxResults`, HTTP 429 with Retry-After, 503s, and slow answers in a scrambled order.
 */
async function startLogServer(opts: {
  blocks: number;
  logsInBlock: (block: number) => number;
  maxResults?: number;
  /** answer this request (1-based count of eth_getLogs calls) with HTTP 429 */
  rateLimit?: (call: number) => boolean;
  retryAfterSeconds?: number;
  /** answer every eth_getLogs call with HTTP 503 */
  unavailable?: boolean;
  delayMs?: (call: number) => number;
}) {
  const chain: ChainLog[] = [];
  for (let block = 0; block < opts.blocks; block++) {
    for (let i = 0; i < opts.logsInBlock(block); i++) chain.push({ address: i % 3 === 2 ? other : watched, blockNumber: block, logIndex: i });
  }
  const seen = { getLogs: 0, refusedTooMany: 0, rateLimited: 0, inFlight: 0, peakInFlight: 0, requests: [] as { from: number; to: number; at: number; answer: string }[] };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", async () => {
      const call = JSON.parse(body) as { id: number; method: string; params: unknown[] };
      const reply = (result: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: call.id, result }));
      if (call.method === "eth_getBlockByNumber") {
        const number = Number(BigInt(call.params[0] as string));
        return reply({ number: toHex(number), hash: toHex(number, { size: 32 }), parentHash: toHex(Math.max(0, number - 1), { size: 32 }), timestamp: toHex(1_700_000_000 + number * 12), transactions: [] });
      }
      if (call.method !== "eth_getLogs") return reply(null);
      const n = ++seen.getLogs;
      const filter = call.params[0] as { address: Address[]; fromBlock: string; toBlock: string };
      const from = Number(BigInt(filter.fromBlock));
      const to = Number(BigInt(filter.toBlock));
      const request = { from, to, at: Date.now(), answer: "logs" };
      seen.requests.push(request);
      seen.inFlight++;
      seen.peakInFlight = Math.max(seen.peakInFlight, seen.inFlight);
      await new Promise((r) => setTimeout(r, opts.delayMs?.(n) ?? 0));
      seen.inFlight--;
      if (opts.unavailable) {
        request.answer = "503";
        return res.writeHead(503).end("upstream unavailable");
      }
      if (opts.rateLimit?.(n)) {
        seen.rateLimited++;
        request.answer = "429";
        return res.writeHead(429, { "retry-after": String(opts.retryAfterSeconds ?? 0) }).end("Too Many Requests");
      }
      const addresses = new Set(filter.address.map((a) => a.toLowerCase()));
      const logs = chain.filter((l) => l.blockNumber >= from && l.blockNumber <= to && addresses.has(l.address));
      if (opts.maxResults !== undefined && logs.length > opts.maxResults) {
        seen.refusedTooMany++;
        request.answer = "too many";
        return res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({ jsonrpc: "2.0", id: call.id, error: { code: -32005, message: `query returned more than ${opts.maxResults} results` } }),
        );
      }
      reply(
        logs.map((l) => ({
          address: l.address,
          topics: [toHex(l.logIndex, { size: 32 })],
          data: "0x",
          blockNumber: toHex(l.blockNumber),
          blockHash: toHex(l.blockNumber, { size: 32 }),
          logIndex: toHex(l.logIndex),
          transactionHash: toHex(l.blockNumber * 1_000 + l.logIndex, { size: 32 }),
          transactionIndex: "0x0",
          removed: false,
        })),
      );
    });
  });
  const port = await findFreePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  servers.push(server);
  const client = createPublicClient({ transport: http(`http://127.0.0.1:${port}`, { retryCount: 0 }) }) as PublicClient;
  return { client, chain, seen };
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function collect(client: PublicClient, state: LogRangeState, toBlock: number, concurrency: number, onRange?: (r: FetchedRange) => void) {
  const ranges: FetchedRange[] = [];
  for await (const range of fetchLogRanges(client, state, { addresses: () => [watched], fromBlock: 0n, toBlock: BigInt(toBlock), concurrency, signal: new AbortController().signal })) {
    ranges.push(range);
    onRange?.(range);
  }
  return ranges;
}

const position = (l: { blockNumber: bigint | number | null; logIndex: number | null }) => `${l.blockNumber}/${l.logIndex}`;

describe("fetchLogRanges", () => {
  it("yields every log of the watched address once, in chain order, though answers arrive out of order", async () => {
    // Later requests answer sooner: the order must come from the fetcher, not from the network.
    const { client, chain, seen } = await startLogServer({ blocks: 400, logsInBlock: (b) => b % 7, delayMs: (n) => (n % 4) * 40 + (n % 3) * 15 });
    const ranges = await collect(client, { range: 10, minRange: 1, maxRange: 10, targetLogs: 1_000 }, 399, 4);

    expect(ranges.map((r) => r.logs.map(position)).flat()).toEqual(chain.filter((l) => l.address === watched).map(position));
    ranges.forEach((r, i) => expect(r.fromBlock).toBe(i === 0 ? 0n : ranges[i - 1]!.toBlock + 1n));
    expect(ranges.at(-1)!.toBlock).toBe(399n);
    expect(ranges[3]!.endBlock).toEqual({ hash: toHex(ranges[3]!.toBlock, { size: 32 }), timestamp: 1_700_000_000n + ranges[3]!.toBlock * 12n });
    expect(ranges[0]!.addresses).toEqual(new Set([watched]));
    // Several requests were out at once, never more than the limit.
    expect(seen.peakInFlight).toBeGreaterThan(1);
    expect(seen.peakInFlight).toBeLessThanOrEqual(4);
  });

  it("asks one range at a time with a concurrency of 1", async () => {
    const { client, seen } = await startLogServer({ blocks: 100, logsInBlock: () => 1, delayMs: () => 5 });
    await collect(client, { range: 5, minRange: 1, maxRange: 5, targetLogs: 1_000 }, 99, 1);
    expect(seen.getLogs).toBe(20);
    expect(seen.peakInFlight).toBe(1);
  });

  it("shrinks the range where the RPC refuses too many results, and grows it again where answers are small", async () => {
    // Blocks 300-399 are dense (30 logs each, 20 of them watched); the RPC refuses more than 100 results.
    const { client, chain, seen } = await startLogServer({ blocks: 1_000, logsInBlock: (b) => (b >= 300 && b < 400 ? 30 : b % 10 === 0 ? 1 : 0), maxResults: 100 });
    const state: LogRangeState = { range: 64, minRange: 1, maxRange: 256, targetLogs: 80 };
    let smallest = state.range;
    const ranges = await collect(client, state, 999, 3, () => (smallest = Math.min(smallest, state.range)));

    expect(ranges.map((r) => r.logs.map(position)).flat()).toEqual(chain.filter((l) => l.address === watched).map(position));
    expect(seen.refusedTooMany).toBeGreaterThan(0);
    // Refused ranges were split until answered: every answer in the dense part held at most what the RPC allows.
    const dense = seen.requests.filter((r) => r.answer === "logs" && r.to >= 300 && r.from < 400);
    expect(dense.length).toBeGreaterThan(5);
    expect(dense.every((r) => (Math.min(r.to, 399) - Math.max(r.from, 300) + 1) * 20 <= 100)).toBe(true);
    // The shared range shrank to what the dense part allows, then grew again after it.
    expect(smallest).toBeLessThanOrEqual(5);
    expect(state.range).toBeGreaterThanOrEqual(64);
  });

  it("waits out 429s for as long as Retry-After asks, then completes with every log", async () => {
    const { client, chain, seen } = await startLogServer({ blocks: 200, logsInBlock: () => 2, rateLimit: (n) => n === 2 || n % 5 === 0, retryAfterSeconds: 1 });
    const retries: unknown[] = [];
    const ranges: FetchedRange[] = [];
    for await (const range of fetchLogRanges(client, { range: 20, minRange: 1, maxRange: 20, targetLogs: 1_000 }, {
      addresses: () => [watched], fromBlock: 0n, toBlock: 199n, concurrency: 3, signal: new AbortController().signal, onRetry: (e) => retries.push(e),
    })) ranges.push(range);

    expect(ranges.flatMap((r) => r.logs.map(position))).toEqual(chain.filter((l) => l.address === watched).map(position));
    expect(seen.rateLimited).toBeGreaterThan(1);
    expect(retries).toHaveLength(seen.rateLimited);
    // A 429 is "later", not "smaller": the same range is asked again, after the second it asked for.
    const refused = seen.requests.find((r) => r.answer === "429")!;
    const retried = seen.requests.find((r) => r !== refused && r.from === refused.from && r.to === refused.to && r.at > refused.at)!;
    expect(retried.at - refused.at).toBeGreaterThanOrEqual(950);
  });

  it("backs off and gives up with RpcUnavailableError when the RPC stays down", async () => {
    const { client, seen } = await startLogServer({ blocks: 10, logsInBlock: () => 1, unavailable: true });
    const started = Date.now();
    const attempt = withRetry("eth_getLogs 0-9", () => client.getLogs({ address: watched, fromBlock: 0n, toBlock: 9n }), { attempts: 3 });
    await expect(attempt).rejects.toThrow(RpcUnavailableError);
    await expect(attempt).rejects.toThrow(/eth_getLogs 0-9 failed 3 times/);
    expect(seen.getLogs).toBe(3);
    // 0.25 s then 0.5 s between the attempts.
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
  });
});
