import { numberToHex, type Address, type Hash, type Hex, type PublicClient } from "viem";
import { abortableSleep } from "../abortable-sleep";

/** An eth_getLogs entry with its position parsed; the rest as the RPC sent it. */
export interface ChainLog {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: bigint;
  logIndex: number;
  blockHash: Hash;
  transactionHash: Hash;
  /** anvil and many RPCs put the block's timestamp on each log (hex) */
  blockTimestamp?: Hex;
}

/**
 * eth_getLogs through the client's transport, without viem's getLogs formatting: that copies
 * every log into a new object and converts fields the indexer never reads, and a backfill
 * reads a million logs. The parsed answer is completed in place instead.
 */
export async function getChainLogs(client: PublicClient, filter: { address: Address[]; fromBlock: bigint; toBlock: bigint }): Promise<ChainLog[]> {
  const logs = (await client.request({
    method: "eth_getLogs",
    params: [{ address: filter.address, fromBlock: numberToHex(filter.fromBlock), toBlock: numberToHex(filter.toBlock) }],
  })) as unknown as (Omit<ChainLog, "blockNumber" | "logIndex"> & { blockNumber: Hex | bigint; logIndex: Hex | number })[];
  for (const log of logs) {
    log.blockNumber = BigInt(log.blockNumber);
    log.logIndex = Number(log.logIndex);
  }
  return logs as ChainLog[];
}

export interface LogRangeState {
  /** current number of blocks per eth_getLogs call */
  range: number;
  minRange: number;
  maxRange: number;
  /**
   * Logs one call should bring back: more shrinks the next ranges, far fewer grows them, so
   * each batch (and the memory the ranges in flight hold) stays about this size.
   */
  targetLogs: number;
}

/** One block range's logs, in chain order, with the header of its last block for the checkpoint. */
export interface FetchedRange {
  fromBlock: bigint;
  toBlock: bigint;
  logs: ChainLog[];
  /** the lower-case addresses these logs were asked for: a later addition was not */
  addresses: ReadonlySet<string>;
  endBlock: { hash: Hash; timestamp: bigint };
}

export class RpcUnavailableError extends Error {
  constructor(what: string, attempts: number, cause: unknown) {
    super(`${what} failed ${attempts} times; last error: ${(cause as Error).message?.split("\n")[0] ?? cause}`);
    this.name = "RpcUnavailableError";
  }
}

const messageOf = (error: unknown) => String((error as Error)?.message ?? error);

/** HTTP 429 or a JSON-RPC "rate limit" answer: wait and ask again, the same question. */
export const isRateLimited = (error: unknown) =>
  (error as { status?: number })?.status === 429 || /\b429\b|rate.?limit|too many requests|exceeded .*(capacity|compute units)/i.test(messageOf(error));

// Providers word their limits differently (Alchemy, Infura, QuickNode, Arbitrum's public RPC,
// anvil): each of these means "ask for fewer blocks", not "try again later".
const rangeTooLarge =
  /too many (results|logs|blocks)|limit exceeded|exceeds? (the )?(max|limit)|exceeded the size limit|block range|range (is )?too (large|wide)|response size|query returned more than|10000 results|timeout|timed out|took too long/i;

export const isRangeTooLarge = (error: unknown) => !isRateLimited(error) && rangeTooLarge.test(messageOf(error));

/** Seconds a 429 answer asked us to wait (Retry-After), if it said. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { headers?: Headers })?.headers;
  const value = headers instanceof Headers ? headers.get("retry-after") : null;
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/**
 * Retries `call` with exponential backoff (0.25 s → 8 s, or what a 429's Retry-After asks, up to
 * 30 s) on any error but a range error, which the caller answers by asking for less.
 */
export async function withRetry<T>(
  what: string,
  call: () => Promise<T>,
  opts: { attempts?: number; signal?: AbortSignal; onRetry?: (error: unknown, attempt: number) => void } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 8;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (isRangeTooLarge(error) || opts.signal?.aborted) throw error;
      lastError = error;
      opts.onRetry?.(error, attempt);
      if (attempt < attempts) {
        const backoff = Math.min(8_000, 250 * 2 ** (attempt - 1));
        await abortableSleep(Math.min(30_000, Math.max(backoff, retryAfterMs(error) ?? 0)), opts.signal);
        if (opts.signal?.aborted) throw opts.signal.reason;
      }
    }
  }
  throw new RpcUnavailableError(what, attempts, lastError);
}

interface RangeRequest {
  addresses: Address[];
  signal: AbortSignal;
  onRetry?: (error: unknown) => void;
}

/**
 * eth_getLogs for exactly `fromBlock`..`toBlock`: when the RPC refuses the size, the range is
 * split in halves (and the shared range shrinks) until each part is answered.
 */
async function getLogsSplitting(client: PublicClient, state: LogRangeState, req: RangeRequest, fromBlock: bigint, toBlock: bigint): Promise<ChainLog[]> {
  const span = Number(toBlock - fromBlock + 1n);
  try {
    const logs = await withRetry(
      `eth_getLogs ${fromBlock}-${toBlock}`,
      () => getChainLogs(client, { address: req.addresses, fromBlock, toBlock }),
      { signal: req.signal, onRetry: req.onRetry },
    );
    if (logs.length > state.targetLogs) {
      state.range = Math.max(state.minRange, Math.min(state.range, Math.floor((span * state.targetLogs) / logs.length)));
    } else if (logs.length < state.targetLogs / 4 && span >= state.range) {
      state.range = Math.min(state.maxRange, state.range * 2);
    }
    return logs;
  } catch (error) {
    if (!isRangeTooLarge(error) || span <= state.minRange) throw error;
    const half = Math.floor(span / 2);
    state.range = Math.max(state.minRange, Math.min(state.range, half));
    const middle = fromBlock + BigInt(half) - 1n;
    const first = await getLogsSplitting(client, state, req, fromBlock, middle);
    return first.concat(await getLogsSplitting(client, state, req, middle + 1n, toBlock));
  }
}

/** One range's logs and its last block's header, asked for together. */
async function fetchRange(client: PublicClient, state: LogRangeState, req: RangeRequest, fromBlock: bigint, toBlock: bigint): Promise<FetchedRange> {
  const [logs, block] = await Promise.all([
    getLogsSplitting(client, state, req, fromBlock, toBlock),
    withRetry(`eth_getBlockByNumber ${toBlock}`, () => client.getBlock({ blockNumber: toBlock }), { signal: req.signal, onRetry: req.onRetry }),
  ]);
  return {
    fromBlock,
    toBlock,
    logs,
    addresses: new Set(req.addresses.map((a) => a.toLowerCase())),
    endBlock: { hash: block.hash!, timestamp: block.timestamp },
  };
}

/**
 * The logs of `addresses` from `fromBlock` to `toBlock`, as consecutive block ranges yielded in
 * chain order, with up to `concurrency` ranges being fetched ahead of the one the caller is
 * working on (one alone at first, to size the rest). Each range's size follows `state` at the
 * moment it is asked for. `addresses` is
 * read as each range is sent, so contracts the caller discovers are in the ranges sent after;
 * each range says which addresses it covered. Stopping the iteration cancels what is in flight.
 */
export async function* fetchLogRanges(
  client: PublicClient,
  state: LogRangeState,
  req: {
    addresses: () => Address[];
    fromBlock: bigint;
    toBlock: bigint;
    concurrency: number;
    signal: AbortSignal;
    onRetry?: (error: unknown) => void;
  },
): AsyncGenerator<FetchedRange> {
  const stop = new AbortController();
  const signal = AbortSignal.any([req.signal, stop.signal]);
  const inFlight: Promise<FetchedRange>[] = [];
  let next = req.fromBlock;
  // One range alone first: its answer sizes the ranges before several are asked for at once.
  let limit = 1;
  const dispatch = () => {
    while (inFlight.length < limit && next <= req.toBlock) {
      const fromBlock = next;
      const end = fromBlock + BigInt(state.range) - 1n;
      const toBlock = end < req.toBlock ? end : req.toBlock;
      next = toBlock + 1n;
      const fetching = fetchRange(client, state, { addresses: req.addresses(), signal, onRetry: req.onRetry }, fromBlock, toBlock);
      // Failures surface when the caller reaches this range; none may go unhandled before.
      fetching.catch(() => {});
      inFlight.push(fetching);
    }
  };
  try {
    dispatch();
    while (inFlight.length > 0) {
      const range = await inFlight.shift()!;
      limit = req.concurrency;
      dispatch();
      yield range;
    }
  } finally {
    stop.abort();
  }
}
