import type { JsonArgValue } from "./decode-session-log";

/** A stored, decoded log as the derived-state folds consume it. */
export interface IndexedEvent {
  /** lowercase address of the contract that emitted it */
  address: string;
  contract: string;
  eventName: string;
  args: Record<string, JsonArgValue>;
  blockNumber: bigint;
  blockTime: Date;
  txHash: string;
}

/** The block and transaction that caused a change: what every derived row points back to. */
export interface ChangeEvidence {
  updatedBlock: bigint;
  updatedTx: string;
  updatedAt: Date;
}

export const evidenceOf = (event: IndexedEvent): ChangeEvidence => ({
  updatedBlock: event.blockNumber,
  updatedTx: event.txHash,
  updatedAt: event.blockTime,
});

/** A string argument (address, decimal integer) of a decoded event. */
export function stringArg(event: IndexedEvent, name: string): string {
  const value = event.args[name];
  if (typeof value !== "string") {
    throw new TypeError(`${event.eventName} in tx ${event.txHash}: expected a string argument "${name}", got ${JSON.stringify(value)}`);
  }
  return value;
}

export const bigintArg = (event: IndexedEvent, name: string): bigint => BigInt(stringArg(event, name));
