"use client";
import { useQuery } from "@tanstack/react-query";
import type { Abi } from "viem";
import { useReadContract } from "wagmi";
import { serviceNodeRewardsAbi } from "../../lib/abi/service-node-rewards-abi";
import { seshl2Abi } from "../../lib/abi/seshl2-abi";
import { formatSesh } from "../../lib/format/sesh-amount";
import { rewardsSignatureResponseSchema } from "../../lib/staking/staking-api-responses";
import { fetchValidated } from "./fetch-validated";
import { useStaking } from "./staking-context";
import { TransactionStatus } from "./TransactionStatus";
import { useContractStep } from "./use-contract-step";
import { useWalletBalances } from "./use-wallet-balances";

const abi = [...serviceNodeRewardsAbi, ...seshl2Abi.filter((e) => e.type === "error")] as Abi;
/** Session's portal refuses claims under half a SESH: the gas would cost more. */
const MIN_CLAIM = 500_000_000n;

/**
 * Claim: the network vouches for the wallet's lifetime amount (rewards and returned stakes),
 * the contract records it (updateRewardsBalance), then pays out what was never claimed.
 */
export function RewardsPanel() {
  const { config, chain } = useStaking();
  const wallet = useWalletBalances();
  const update = useContractStep();
  const claim = useContractStep();
  const onChain = useReadContract({
    address: config.contracts.serviceNodeRewards,
    abi: serviceNodeRewardsAbi,
    functionName: "recipients",
    args: wallet.address ? [wallet.address] : undefined,
    chainId: chain.id,
    query: { enabled: !!wallet.address },
  });
  const network = useQuery({
    queryKey: ["rewards-signature", wallet.address],
    queryFn: () => fetchValidated(`/api/staking/rewards-signature?address=${wallet.address}`, rewardsSignatureResponseSchema),
    enabled: !!wallet.address,
    retry: 1,
  });
  const [recorded, claimed] = (onChain.data as readonly [bigint, bigint] | undefined) ?? [undefined, undefined];
  const lifetime = network.data?.amount;
  const best = lifetime !== undefined && recorded !== undefined ? (lifetime > recorded ? lifetime : recorded) : recorded;
  const claimable = best !== undefined && claimed !== undefined ? best - claimed : undefined;

  const onClaim = async () => {
    if (!wallet.address) return;
    // A fresh signature: the network's set of nodes may have changed since the page loaded.
    const fresh = await network.refetch();
    const signed = fresh.data;
    if (signed && recorded !== undefined && signed.amount > recorded) {
      const receipt = await update.run({
        address: config.contracts.serviceNodeRewards,
        abi,
        functionName: "updateRewardsBalance",
        args: [wallet.address, signed.amount, signed.signature, signed.nonSignerIds],
        account: wallet.address,
      });
      if (!receipt) return;
    }
    await claim.run({ address: config.contracts.serviceNodeRewards, abi, functionName: "claimRewards", args: [], account: wallet.address });
  };

  if (!wallet.address) return null;
  return (
    <section className="card staking-flow" aria-labelledby="rewards-heading" data-testid="rewards-panel">
      <h2 id="rewards-heading">Rewards</h2>
      <dl className="facts">
        <dt>Earned, as the network signs it</dt>
        <dd data-testid="rewards-lifetime">{lifetime !== undefined ? formatSesh(lifetime, { fractionDigits: 4 }) : network.isError ? "unavailable" : "…"}</dd>
        <dt>Already claimed</dt>
        <dd data-testid="rewards-claimed">{claimed !== undefined ? formatSesh(claimed, { fractionDigits: 4 }) : "…"}</dd>
        <dt>Claimable now</dt>
        <dd data-testid="rewards-claimable"><strong>{claimable !== undefined ? formatSesh(claimable, { fractionDigits: 4 }) : "…"}</strong></dd>
      </dl>
      <p className="stat-hint">
        Includes stakes returned by exits. Claims are limited network-wide to 1M SESH per 12 hours; if the limit is reached, your balance waits safely for the next period.
      </p>
      {network.isError ? <p className="form-error" role="alert">{(network.error as Error).message}</p> : null}
      <button
        type="button"
        className="button"
        onClick={() => void onClaim()}
        disabled={update.busy || claim.busy || claimable === undefined || claimable < MIN_CLAIM}
      >
        Claim {claimable !== undefined ? formatSesh(claimable, { fractionDigits: 4 }) : "rewards"}
      </button>
      {claimable !== undefined && claimable < MIN_CLAIM ? <p className="stat-hint">Claims start at 0.5 SESH.</p> : null}
      {update.state.status !== "idle" ? <TransactionStatus label="Record the network's signature" state={update.state} testId="rewards-update-status" /> : null}
      <TransactionStatus label="Claim" state={claim.state} testId="claim-status" />
    </section>
  );
}
