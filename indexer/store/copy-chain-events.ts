import { once } from "node:events";
import type { JsonArgValue } from "../../lib/events/decode-session-log";
import { copyTextRow } from "./copy-text-row";
import type { Tx } from "./service-node-store";

/** A decoded log with where it was emitted: one "ChainEvent" row. */
export interface ChainEventRow {
  blockNumber: bigint;
  logIndex: number;
  blockHash: string;
  blockTime: Date;
  txHash: string;
  address: string;
  contract: string;
  eventName: string;
  args: Record<string, JsonArgValue>;
}

/** Rows per write to the COPY stream: large enough to amortise, small enough not to buffer a whole batch twice. */
const ROWS_PER_CHUNK = 2_000;

const copySpecial = /[\\\n\r\t]/;

/**
 * One "ChainEvent" row in COPY text format. A backfill writes a million: the row is assembled directly
 * (one test for COPY's special characters over all its text, a block's time formatted once)
 * rather than through copyTextRow, which it falls back to when some text needs escaping.
 */
function chainEventRow(chainId: number, e: ChainEventRow, blockTime: string): string {
  const args = JSON.stringify(e.args);
  if (copySpecial.test(e.blockHash + e.txHash + e.address + e.contract + e.eventName + args)) {
    return copyTextRow([chainId, e.blockNumber, e.logIndex, e.blockHash, e.blockTime, e.txHash, e.address, e.contract, e.eventName, args]);
  }
  return `${chainId}\t${e.blockNumber}\t${e.logIndex}\t${e.blockHash}\t${blockTime}\t${e.txHash}\t${e.address}\t${e.contract}\t${e.eventName}\t${args}\n`;
}

/**
 * Appends a batch's raw events to "ChainEvent" with COPY, inside the caller's transaction: one
 * round trip for the whole batch instead of a bound INSERT per few thousand rows.
 */
export async function copyChainEvents(tx: Tx, chainId: number, events: readonly ChainEventRow[]): Promise<void> {
  if (events.length === 0) return;
  const writable = await tx`
    COPY "ChainEvent" ("chainId", "blockNumber", "logIndex", "blockHash", "blockTime", "txHash", address, contract, "eventName", args)
    FROM STDIN`.writable();
  const failed = once(writable, "error").then(([error]) => Promise.reject(error as Error));
  failed.catch(() => {});
  let blockTime: Date | undefined;
  let blockTimeText = "";
  for (let i = 0; i < events.length; i += ROWS_PER_CHUNK) {
    let chunk = "";
    for (let j = i; j < Math.min(i + ROWS_PER_CHUNK, events.length); j++) {
      const e = events[j]!;
      if (e.blockTime !== blockTime) {
        blockTime = e.blockTime;
        blockTimeText = blockTime.toISOString();
      }
      chunk += chainEventRow(chainId, e, blockTimeText);
    }
    if (!writable.write(chunk)) await Promise.race([once(writable, "drain"), failed]);
  }
  await Promise.race([new Promise<void>((resolve) => writable.end(resolve)), failed]);
}
