// Why a staking step failed, told apart: the user said no, the chain would refuse (simulation),
// the wallet is on the wrong network, the transaction was replaced or dropped, or it reverted.
import { BaseError, ContractFunctionRevertedError, UserRejectedRequestError } from "viem";
import { explainContractError } from "./explain-contract-error";

export type FailureKind = "rejected" | "refused" | "wrong-chain" | "replaced" | "dropped" | "reverted" | "unknown";

export interface TransactionFailure {
  kind: FailureKind;
  /** what happened and what to do next, in plain words */
  message: string;
  /** the underlying error's short text, for a details line */
  detail?: string;
  hash?: `0x${string}`;
}

/** The wallet reported that the transaction was replaced by another one (not just repriced). */
export class TransactionReplacedError extends Error {
  /** `replacement` is unknown when the transaction that took the nonce is older than the blocks searched */
  constructor(readonly hash: `0x${string}`, readonly replacement: `0x${string}` | undefined, readonly reason: "replaced" | "cancelled") {
    super(`transaction ${hash} was ${reason}${replacement ? ` by ${replacement}` : ""}`);
    this.name = "TransactionReplacedError";
  }
}

/** The transaction was not mined in time and the chain no longer knows it. */
export class TransactionDroppedError extends Error {
  constructor(readonly hash: `0x${string}`) {
    super(`transaction ${hash} was not found on the chain`);
    this.name = "TransactionDroppedError";
  }
}

/** Mined, but reverted: the receipt's status is "reverted". */
export class TransactionRevertedError extends Error {
  constructor(readonly hash: `0x${string}`, readonly reason?: { errorName: string; args: readonly unknown[] }) {
    super(`transaction ${hash} reverted${reason ? ` (${reason.errorName})` : ""}`);
    this.name = "TransactionRevertedError";
  }
}

const shortText = (error: unknown) => (error instanceof BaseError ? error.shortMessage : error instanceof Error ? error.message : String(error)).split("\n")[0];

function findInChain(error: unknown, test: (e: unknown) => boolean): unknown {
  let current: unknown = error;
  for (let depth = 0; current && depth < 20; depth++) {
    if (test(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Tells what went wrong with a staking step from whatever viem, wagmi or the wallet threw. */
export function describeTransactionFailure(error: unknown, opts: { chainName: string }): TransactionFailure {
  if (error instanceof TransactionReplacedError) {
    return {
      kind: "replaced",
      hash: error.hash,
      message: `Your wallet ${error.reason === "cancelled" ? "cancelled" : "replaced"} this transaction with another one${error.replacement ? ` (${error.replacement.slice(0, 10)}…)` : ""}. Nothing from the original was done; check your wallet's activity, then try again if needed.`,
    };
  }
  if (error instanceof TransactionDroppedError) {
    return {
      kind: "dropped",
      hash: error.hash,
      message: "The transaction was not mined and the network no longer knows it (dropped). Nothing was done: check your wallet's activity, then try again.",
    };
  }
  if (error instanceof TransactionRevertedError) {
    return {
      kind: "reverted",
      hash: error.hash,
      message: `The transaction was mined but failed, so nothing changed (you paid its gas). ${error.reason ? explainContractError(error.reason.errorName, error.reason.args) : "The chain gave no reason."}`,
    };
  }
  const rejected = findInChain(error, (e) => e instanceof UserRejectedRequestError || (e as { code?: unknown }).code === 4001);
  if (rejected) {
    return { kind: "rejected", message: "You declined the request in your wallet. Nothing was sent; your entries are kept, so you can try again." };
  }
  const mismatch = findInChain(error, (e) => ["ChainMismatchError", "ConnectorChainMismatchError", "ChainNotConfiguredError"].includes((e as Error).name));
  if (mismatch) {
    return { kind: "wrong-chain", message: `Your wallet is on another network. Switch it to ${opts.chainName} and try again.`, detail: shortText(mismatch) };
  }
  if (error instanceof BaseError) {
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const message = reverted.data?.errorName
        ? explainContractError(reverted.data.errorName, reverted.data.args ?? [])
        : reverted.reason
          ? `The contract refused: ${reverted.reason}.`
          : "The contract would refuse this transaction, without giving a reason.";
      return { kind: "refused", message: `Not sent: ${message}`, detail: reverted.data?.errorName ?? reverted.shortMessage };
    }
  }
  return { kind: "unknown", message: "The request failed before reaching the chain. Check your wallet and connection, then try again.", detail: shortText(error) };
}
