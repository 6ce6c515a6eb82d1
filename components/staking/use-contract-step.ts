"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { BaseError, ContractFunctionRevertedError, type Abi, type Address, type Hash, type TransactionReceipt } from "viem";
import { useConfig, type Config } from "wagmi";
import { getPublicClient, simulateContract, writeContract } from "wagmi/actions";
import { describeTransactionFailure, TransactionRevertedError, type TransactionFailure } from "../../lib/staking/transaction-failure";
import { watchSentTransaction } from "../../lib/staking/watch-sent-transaction";
import { stakingErrorAbi } from "../../lib/abi/staking-errors";
import { useStaking } from "./staking-context";

export type StepState =
  | { status: "idle" }
  | { status: "checking" }
  | { status: "signing" }
  /** `nonce` once the chain shows the transaction pending (the network has it) */
  | { status: "pending"; hash: Hash; nonce?: number }
  /** `hash` is the mined one: another than the sent one when the wallet sped it up */
  | { status: "confirmed"; hash: Hash; receipt: TransactionReceipt; repricedFrom?: Hash }
  | { status: "failed"; failure: TransactionFailure };

export interface ContractCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  account: Address;
}

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
  // Stops following a transaction when the form goes away (the chain keeps it regardless).
  const watching = useRef<AbortController | null>(null);
  useEffect(() => () => watching.current?.abort(), []);

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
        const sent = hash;
        watching.current?.abort();
        watching.current = new AbortController();
        const { receipt, repricedBy } = await watchSentTransaction(client, {
          hash: sent,
          from: call.account,
          onSeen: ({ nonce }) => setState({ status: "pending", hash: sent, nonce }),
          signal: watching.current.signal,
        });
        if (repricedBy) hash = repricedBy;
        if (receipt.status === "reverted") throw new TransactionRevertedError(hash, await revertReason(wagmiConfig, call, chain.id));
        setState({ status: "confirmed", hash, receipt, ...(repricedBy ? { repricedFrom: sent } : {}) });
        await queryClient.invalidateQueries();
        return receipt;
      } catch (error) {
        if (watching.current?.signal.aborted) return undefined;
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
