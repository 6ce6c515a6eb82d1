import { prisma } from "./prisma-client";

export interface TransactionEventRow {
  logIndex: number;
  contract: string;
  address: string;
  eventName: string;
  args: Record<string, unknown>;
}

export interface TransactionEvents {
  txHash: string;
  blockNumber: bigint;
  blockHash: string;
  blockTime: Date;
  events: TransactionEventRow[];
}

/** The decoded events of one transaction among the watched contracts; null when none were indexed. */
export async function getTransactionEvents(txHash: string): Promise<TransactionEvents | null> {
  const rows = await prisma().chainEvent.findMany({ where: { txHash }, orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }] });
  const first = rows[0];
  if (!first) return null;
  return {
    txHash,
    blockNumber: first.blockNumber,
    blockHash: first.blockHash,
    blockTime: first.blockTime,
    events: rows.map((r) => ({ logIndex: r.logIndex, contract: r.contract, address: r.address, eventName: r.eventName, args: r.args as Record<string, unknown> })),
  };
}
