"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { BaseError, ContractFunctionRevertedError, WaitForTransactionReceiptTimeoutError, type Abi, type Address, type Hash, type TransactionReceipt } from "viem";
import { useConfig, type Config } from "wagmi";
import { getPublicClient, simulateContract, writeContract } from "wagmi/actions";
import {
  describeTransactionFailure,
  TransactionDroppedError,
  TransactionReplacedError,
  TransactionRevertedError,
  type TransactionFailure,
} from "../../lib/staking/transaction-failure";
import { stakingErrorAbi } from "../../lib/abi/staking-errors";
import { useStaking } from "./staking-context";

export type StepState =
  | { status: "idle" }
  | { status: "checking" }
  | { status: "signing" }
  | { status: "pending"; hash: Hash }
  | { status: "confirmed"; hash: Hash; receipt: TransactionReceipt }
  | { status: "failed"; failure: TransactionFailure };

export interface ContractCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  account: Address;
}

/** How long a sent transaction may stay unmined before it is reported as dropped. */
const RECEIPT_TIMEOUT_MS = 5 * 60_000;

/** Best effort: the same call now, to name the reason a mined transaction reverted. */
async function revertReason(wagmiConfig: Config, call: ContractCall, chainId: number) {
  try {
    await simulateContract(wagmiConfig, { ...call, chainId } as never);
  } catch (error) {
    const reverted = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : undefined;
    if (reverted instanceof ContractFunctionRevertedError && reverted.data?.errorName) return { errorName: reverted.data.errorName, args: reverted.data.args ?? [] };
  }
  return undefined;
}

/**
 * One transaction of a staking flow: simulate first (a refusal is explained, nothing is sent),
 * then the wallet signs, then the receipt; every cached chain read is refreshed after it.
 */
export function useContractStep() {
  const wagmiConfig = useConfig();
  const queryClient = useQueryClient();
  const { chain } = useStaking();
  const [state, setState] = useState<StepState>({ status: "idle" });

  const run = useCallback(
    async (given: ContractCall): Promise<TransactionReceipt | undefined> => {
      const call = { ...given, abi: [...given.abi, ...stakingErrorAbi] };
      let hash: Hash | undefined;
      try {
        setState({ status: "checking" });
        const { request } = await simulateContract(wagmiConfig, { ...call, chainId: chain.id } as never);
        setState({ status: "signing" });
        hash = await writeContract(wagmiConfig, request as never);
        setState({ status: "pending", hash });
        const client = getPublicClient(wagmiConfig, { chainId: chain.id });
        if (!client) throw new Error(`no client for ${chain.name}`);
        let replaced: { reason: string; transaction: { hash: Hash } } | undefined;
        const receipt = await client
          .waitForTransactionReceipt({
            hash,
            timeout: RECEIPT_TIMEOUT_MS,
            onReplaced: (r) => {
              if (r.reason !== "repriced") replaced = r;
            },
          })
          .catch((error: unknown) => {
            if (error instanceof WaitForTransactionReceiptTimeoutError) throw new TransactionDroppedError(hash!);
            throw error;
          });
        if (replaced) throw new TransactionReplacedError(hash, replaced.transaction.hash, replaced.reason === "cancelled" ? "cancelled" : "replaced");
        if (receipt.status === "reverted") throw new TransactionRevertedError(hash, await revertReason(wagmiConfig, call, chain.id));
        setState({ status: "confirmed", hash, receipt });
        await queryClient.invalidateQueries();
        return receipt;
      } catch (error) {
        const failure = describeTransactionFailure(error, { chainName: chain.name });
        setState({ status: "failed", failure: hash && !failure.hash ? { ...failure, hash } : failure });
        return undefined;
      }
    },
    [wagmiConfig, queryClient, chain],
  );

  const reset = useCallback(() => setState({ status: "idle" }), []);
  /** A step that failed before any transaction (e.g. the network would not sign): say why. */
  const fail = useCallback((message: string) => setState({ status: "failed", failure: { kind: "refused", message } }), []);
  return { state, run, reset, fail, busy: state.status === "checking" || state.status === "signing" || state.status === "pending" };
}
