import type { Address, Log, PublicClient } from "viem";
import { abortableSleep } from "../abortable-sleep";

export interface LogRangeState {
  /** current number of blocks per eth_getLogs call */
  range: number;
  minRange: number;
  maxRange: number;
}

export interface FetchedLogs {
  logs: Log[];
  /** last block covered: may stop short of the requested end when the range had to shrink */
  toBlock: bigint;
}

export class RpcUnavailableError extends Error {
  constructor(what: string, attempts: number, cause: unknown) {
    super(`${what} failed ${attempts} times; last error: ${(cause as Error).message?.split("\n")[0] ?? cause}`);
    this.name = "RpcUnavailableError";
  }
}

// Providers word their limits differently (Alchemy, Infura, QuickNode, Arbitrum's public RPC,
// anvil): each of these means "ask for fewer blocks", not "try again later".
const rangeTooLarge =
  /too many|limit exceeded|exceeds? (the )?(max|limit)|exceeded the size limit|block range|range (is )?too (large|wide)|response size|query returned more than|10000 results|timeout|timed out/i;

export const isRangeTooLarge = (error: unknown) => rangeTooLarge.test(String((error as Error)?.message ?? error));


/** Retries `call` with exponential backoff (0.25 s → 8 s) on any error but a range error. */
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
        await abortableSleep(Math.min(8_000, 250 * 2 ** (attempt - 1)), opts.signal);
        if (opts.signal?.aborted) throw opts.signal.reason;
      }
    }
  }
  throw new RpcUnavailableError(what, attempts, lastError);
}

/**
 * eth_getLogs for `addresses` from `fromBlock` up to at most `toBlock`, in one call whose block
 * range adapts: halved when the RPC refuses the size, doubled after a cheap answer.
 */
export async function fetchLogsAdaptive(
  client: PublicClient,
  state: LogRangeState,
  req: { addresses: Address[]; fromBlock: bigint; toBlock: bigint; signal?: AbortSignal; onRetry?: (e: unknown) => void },
): Promise<FetchedLogs> {
  for (;;) {
    const end = req.fromBlock + BigInt(state.range) - 1n < req.toBlock ? req.fromBlock + BigInt(state.range) - 1n : req.toBlock;
    try {
      const logs = await withRetry(
        `eth_getLogs ${req.fromBlock}-${end}`,
        () => client.getLogs({ address: req.addresses, fromBlock: req.fromBlock, toBlock: end }),
        { signal: req.signal, onRetry: req.onRetry },
      );
      if (logs.length < 2_000 && end - req.fromBlock + 1n >= BigInt(state.range)) {
        state.range = Math.min(state.maxRange, state.range * 2);
      }
      return { logs, toBlock: end };
    } catch (error) {
      if (!isRangeTooLarge(error) || state.range <= state.minRange) throw error;
      state.range = Math.max(state.minRange, Math.floor(state.range / 2));
    }
  }
}
