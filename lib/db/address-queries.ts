import { prisma } from "./prisma-client";

export interface AddressContributionRow {
  nodeId: bigint;
  nodeState: string;
  position: number;
  staker: string;
  beneficiary: string;
  amount: bigint;
  /** the address operates this node (it registered it) */
  isOperator: boolean;
}

export interface TokenTransferRow {
  blockNumber: bigint;
  logIndex: number;
  blockTime: Date;
  txHash: string;
  from: string;
  to: string;
  value: bigint;
}

export interface AddressTokenSummary {
  /** SESH atomic units: received minus sent, over every indexed Transfer */
  balance: bigint;
  transferCount: number;
}

/** The stakes this address holds or receives (as staker or beneficiary), newest node first. */
export async function listAddressContributions(address: string): Promise<AddressContributionRow[]> {
  const rows = await prisma().$queryRaw<(Omit<AddressContributionRow, "amount"> & { amount: string })[]>`
    SELECT c."nodeId", s.state AS "nodeState", c.position, c.staker, c.beneficiary, c.amount::text AS amount, s.operator = ${address} AS "isOperator"
    FROM "NodeContribution" c JOIN "ServiceNode" s ON s.id = c."nodeId"
    WHERE c.staker = ${address} OR c.beneficiary = ${address}
    ORDER BY c."nodeId" DESC, c.position`;
  return rows.map((r) => ({ ...r, amount: BigInt(r.amount) }));
}

/** The address's SESH balance as the indexed Transfer events leave it. */
export async function getAddressTokenSummary(address: string): Promise<AddressTokenSummary> {
  const [row] = await prisma().$queryRaw<{ received: string | null; sent: string | null; n: number }[]>`
    SELECT sum((args->>'value')::numeric) FILTER (WHERE args->>'to' = ${address})::text AS received,
           sum((args->>'value')::numeric) FILTER (WHERE args->>'from' = ${address})::text AS sent,
           count(*)::int AS n
    FROM "ChainEvent"
    WHERE contract = 'SESH' AND "eventName" = 'Transfer' AND (args->>'to' = ${address} OR args->>'from' = ${address})`;
  return { balance: BigInt(row?.received ?? "0") - BigInt(row?.sent ?? "0"), transferCount: row?.n ?? 0 };
}

/** The address's latest SESH transfers, in and out. */
export async function listAddressTransfers(address: string, limit = 100): Promise<TokenTransferRow[]> {
  const rows = await prisma().$queryRaw<(Omit<TokenTransferRow, "value"> & { value: string })[]>`
    SELECT "blockNumber", "logIndex", "blockTime", "txHash", args->>'from' AS "from", args->>'to' AS "to", args->>'value' AS value
    FROM "ChainEvent"
    WHERE contract = 'SESH' AND "eventName" = 'Transfer' AND (args->>'to' = ${address} OR args->>'from' = ${address})
    ORDER BY "blockNumber" DESC, "logIndex" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, value: BigInt(r.value) }));
}

/** Which deployment contract an address is, if it is one ("RewardRatePool", ...). */
export async function getContractName(address: string): Promise<string | null> {
  const [row] = await prisma().$queryRaw<{ contract: string }[]>`SELECT contract FROM "ChainEvent" WHERE address = ${address} LIMIT 1`;
  return row?.contract ?? null;
}
