// What to conclude about a sent transaction that the chain shows neither mined nor pending.
// An RPC node may briefly not know a transaction it was just given (load-balanced public RPCs,
// propagation), so "missing" alone proves nothing; two facts do:
// - the sender's mined nonce moved past the transaction's: another transaction took its place
//   (replaced, cancelled or repriced by the wallet);
// - it stayed missing for a while *and* over several new blocks with its nonce still unused:
//   the pool dropped it and it can never be mined unless sent again.

/** How long, in time and in new blocks, a transaction may be missing before it counts as dropped. */
export interface DroppedThreshold {
  ms: number;
  blocks: bigint;
}

/** Time and blocks both count: on a 250 ms chain blocks pass fast, on a stalled one time does. */
export const DEFAULT_DROPPED_THRESHOLD: DroppedThreshold = { ms: 20_000, blocks: 3n };

export interface MissingTransaction {
  /** the transaction's nonce, if the chain ever showed it (unknown if it never did) */
  nonce?: number;
  /** the sender's count of mined transactions now (eth_getTransactionCount at "latest") */
  minedNonce: number;
  /** when and at which head block it was first found missing */
  missingSince: { ms: number; block: bigint };
  now: { ms: number; block: bigint };
}

export type MissingVerdict = "wait" | "replaced" | "dropped";

export function missingTransactionVerdict(tx: MissingTransaction, threshold: DroppedThreshold = DEFAULT_DROPPED_THRESHOLD): MissingVerdict {
  if (tx.nonce !== undefined && tx.minedNonce > tx.nonce) return "replaced";
  const longEnough = tx.now.ms - tx.missingSince.ms >= threshold.ms && tx.now.block - tx.missingSince.block >= threshold.blocks;
  return longEnough ? "dropped" : "wait";
}

export type ReplacementKind = "repriced" | "cancelled" | "replaced";

interface TransactionFields {
  from: string;
  to: string | null;
  value: bigint;
  input: string;
}

/**
 * The usual wallet actions, told apart as viem does: the same call again with a higher fee
 * ("speed up": repriced, still what the user asked for), nothing sent to oneself ("cancel"),
 * or anything else.
 */
export function replacementKind(original: TransactionFields, replacement: TransactionFields): ReplacementKind {
  const same = (a: string | null, b: string | null) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();
  if (same(original.to, replacement.to) && original.value === replacement.value && same(original.input, replacement.input)) return "repriced";
  if (same(replacement.from, replacement.to) && replacement.value === 0n) return "cancelled";
  return "replaced";
}
