"use client";
import { useState } from "react";
import type { Abi, Address } from "viem";
import { useReadContract } from "wagmi";
import { serviceNodeContributionAbi } from "../../lib/abi/service-node-contribution-abi";
import { seshl2Abi } from "../../lib/abi/seshl2-abi";
import { formatSesh } from "../../lib/format/sesh-amount";
import { parseSeshAmount } from "../../lib/format/parse-sesh-amount";
import { useStaking } from "./staking-context";
import { TransactionStatus } from "./TransactionStatus";
import { useContractStep } from "./use-contract-step";
import { useWalletBalances } from "./use-wallet-balances";

const contributionAbi = [...serviceNodeContributionAbi, ...seshl2Abi.filter((e) => e.type === "error")] as Abi;
const seshInput = (atomic: bigint) => formatSesh(atomic, { fractionDigits: 9, unit: false }).replace(/,/g, "").replace(/\.?0+$/, "");

/** Approve exactly, then contribute to one contribution contract. */
export function ContributeForm({ contract, suggested, testId }: { contract: Address; suggested: bigint | undefined; testId: string }) {
  const { config, chain } = useStaking();
  const wallet = useWalletBalances();
  const [text, setText] = useState(suggested !== undefined ? seshInput(suggested) : "");
  const approve = useContractStep();
  const contribute = useContractStep();
  const amount = parseSeshAmount(text);
  const allowance = useReadContract({
    address: config.contracts.sesh,
    abi: seshl2Abi,
    functionName: "allowance",
    args: wallet.address ? [wallet.address, contract] : undefined,
    chainId: chain.id,
    query: { enabled: !!wallet.address },
  });
  const approved = amount.ok && allowance.data !== undefined && (allowance.data as bigint) >= amount.atomic && amount.atomic > 0n;

  return (
    <div className="contribute-form" data-testid={testId}>
      <label className="field-label" htmlFor={`${testId}-amount`}>Amount to contribute (SESH)</label>
      <input id={`${testId}-amount`} className="field-text field-amount" inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />
      {!amount.ok && text !== "" ? <p className="form-error" role="alert">{amount.error}</p> : null}
      <div>
        <button
          type="button"
          className="button"
          disabled={!amount.ok || !wallet.address || approve.busy}
          onClick={() => amount.ok && wallet.address && void approve.run({ address: config.contracts.sesh, abi: seshl2Abi as Abi, functionName: "approve", args: [contract, amount.atomic], account: wallet.address })}
        >
          Approve {amount.ok ? formatSesh(amount.atomic, { fractionDigits: 9 }).replace(/\.?0+ SESH$/, " SESH") : ""}
        </button>
        <button
          type="button"
          className="button"
          disabled={!amount.ok || !wallet.address || contribute.busy}
          onClick={() => amount.ok && wallet.address && void contribute.run({ address: contract, abi: contributionAbi, functionName: "contributeFunds", args: [amount.atomic, wallet.address], account: wallet.address })}
        >
          Contribute
        </button>
      </div>
      {approved ? <p className="stat-hint">Approved for this contract.</p> : null}
      <TransactionStatus label="Approval" state={approve.state} testId={`${testId}-approve`} />
      <TransactionStatus label="Contribution" state={contribute.state} testId={`${testId}-contribute`} />
    </div>
  );
}
