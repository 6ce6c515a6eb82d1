// Follows a transaction the wallet says it sent until it is mined, replaced or dropped.
// viem's waitForTransactionReceipt finds a replacement only if it saw the original first and
// only in the blocks it polled, and never notices a transaction the pool dropped: it waits until
// its timeout. This polls the transaction itself, so the page can say which of the three happened.
import {
  TransactionNotFoundError,
  TransactionReceiptNotFoundError,
  type Address,
  type Hash,
  type PublicClient,
  type Transaction,
  type TransactionReceipt,
} from "viem";
import { DEFAULT_DROPPED_THRESHOLD, missingTransactionVerdict, replacementKind, type DroppedThreshold } from "./missing-transaction-verdict";
import { TransactionDroppedError, TransactionReplacedError } from "./transaction-failure";

export interface WatchOptions {
  hash: Hash;
  /** the account that sent it (the connected wallet) */
  from: Address;
  pollMs?: number;
  dropped?: DroppedThreshold;
  /** how far back to look for the transaction that took the nonce (blocks) */
  replacementSearchBlocks?: bigint;
  /** called once, when the chain first shows the transaction pending: the network has it */
  onSeen?(tx: { nonce: number }): void;
  signal?: AbortSignal;
  /** the clock, for tests */
  now?(): number;
}

export interface WatchResult {
  receipt: TransactionReceipt;
  /** set when the wallet sped it up: the same call, mined under another hash */
  repricedBy?: Hash;
}

const notFound = (error: unknown) => error instanceof TransactionNotFoundError || error instanceof TransactionReceiptNotFoundError;
const orUndefined = <T>(promise: Promise<T>) => promise.catch((error: unknown) => (notFound(error) ? undefined : Promise.reject(error)));

/** The transaction from `from` with `nonce` in the last `depth` blocks, newest first. */
async function findByNonce(client: PublicClient, from: Address, nonce: number, head: bigint, depth: bigint): Promise<Transaction | undefined> {
  for (let n = head; n >= 0n && n > head - depth; n--) {
    const block = await client.getBlock({ blockNumber: n, includeTransactions: true });
    const match = block.transactions.find((t) => t.from.toLowerCase() === from.toLowerCase() && t.nonce === nonce);
    if (match) return match;
  }
  return undefined;
}

/**
 * Resolves with the receipt once mined (reverted ones too: the caller reads `status`); throws
 * TransactionReplacedError or TransactionDroppedError otherwise. While the network holds the
 * transaction it keeps waiting: an underpriced transaction may still be mined.
 */
export async function watchSentTransaction(client: PublicClient, opts: WatchOptions): Promise<WatchResult> {
  const pollMs = opts.pollMs ?? 1_000;
  const now = opts.now ?? Date.now;
  let seen: Transaction | undefined;
  let missingSince: { ms: number; block: bigint } | undefined;
  for (;;) {
    opts.signal?.throwIfAborted();
    const head = await client.getBlockNumber({ cacheTime: 0 });
    const receipt = await orUndefined(client.getTransactionReceipt({ hash: opts.hash }));
    if (receipt) return { receipt };
    const tx = await orUndefined(client.getTransaction({ hash: opts.hash }));
    if (tx) {
      if (!seen) opts.onSeen?.({ nonce: tx.nonce });
      seen = tx;
      missingSince = undefined;
    } else {
      missingSince ??= { ms: now(), block: head };
      const minedNonce = await client.getTransactionCount({ address: opts.from, blockTag: "latest" });
      const verdict = missingTransactionVerdict({ nonce: seen?.nonce, minedNonce, missingSince, now: { ms: now(), block: head } }, opts.dropped ?? DEFAULT_DROPPED_THRESHOLD);
      if (verdict === "dropped") throw new TransactionDroppedError(opts.hash);
      if (verdict === "replaced" && seen) {
        // Searched from a head read after the nonce: the replacement may have been mined after
        // `head` was read (and nodes that prune history cannot give the nonce at `head`).
        const searchFrom = await client.getBlockNumber({ cacheTime: 0 });
        const replacement = await findByNonce(client, opts.from, seen.nonce, searchFrom, opts.replacementSearchBlocks ?? 256n);
        if (!replacement) throw new TransactionReplacedError(opts.hash, undefined, "replaced");
        const kind = replacementKind(seen, replacement);
        if (kind !== "repriced") throw new TransactionReplacedError(opts.hash, replacement.hash, kind);
        return { receipt: await client.getTransactionReceipt({ hash: replacement.hash }), repricedBy: replacement.hash };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
