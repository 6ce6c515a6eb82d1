"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Abi, Address } from "viem";
import { useReadContracts } from "wagmi";
import { serviceNodeContributionAbi } from "../../lib/abi/service-node-contribution-abi";
import { formatSesh } from "../../lib/format/sesh-amount";
import { contributionContractsResponseSchema } from "../../lib/staking/wallet-node-rows";
import { DownloadLinks } from "../DownloadLinks";
import { ContributeForm } from "./ContributeForm";
import { fetchValidated } from "./fetch-validated";
import { useStaking } from "./staking-context";
import { TransactionStatus } from "./TransactionStatus";
import { useContractStep } from "./use-contract-step";
import { useWalletBalances } from "./use-wallet-balances";

const abi = serviceNodeContributionAbi as Abi;
const statusLabel = ["Waiting for the operator's stake", "Open for contributions", "Full: waiting for the operator to finalize", "Finalized"];
const VIEWS = ["status", "totalContribution", "totalReservedContribution", "minimumContribution", "serviceNodeParams", "contributorAddressesLength", "maxContributors", "stakingRequirement", "operator"] as const;
const WALLET_VIEWS = ["contributions", "contributionTimestamp", "reservedContributions"] as const;
const WITHDRAWAL_DELAY_S = 86_400n;
// Exact to the last unit (trailing zeros dropped): a minimum shown rounded down would be refused.
const sesh = (v: bigint) => formatSesh(v, { fractionDigits: 9 }).replace(/\.?0+ SESH$/, " SESH");
const utc = (seconds: bigint) => `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Multi-contributor nodes awaiting stake: live figures read from each contract, contribute or withdraw. */
export function ContributionContracts() {
  const { chain } = useStaking();
  const wallet = useWalletBalances();
  const [selected, setSelected] = useState<Address | null>(null);
  const list = useQuery({
    queryKey: ["contribution-contracts"],
    queryFn: () => fetchValidated("/api/staking/contribution-contracts?format=json", contributionContractsResponseSchema),
    refetchInterval: 10_000,
  });
  const rows = list.data?.rows ?? [];
  const reads = useReadContracts({
    contracts: rows.flatMap((r) => [
      ...VIEWS.map((functionName) => ({ address: r.contract as Address, abi, functionName, chainId: chain.id })),
      ...WALLET_VIEWS.map((functionName) => ({ address: r.contract as Address, abi, functionName, args: [wallet.address ?? "0x0000000000000000000000000000000000000000"], chainId: chain.id })),
    ]),
    query: { enabled: rows.length > 0 },
  });
  const width = VIEWS.length + WALLET_VIEWS.length;
  const live = rows.map((row, i) => {
    const r = (k: number) => reads.data?.[i * width + k];
    const value = <T,>(k: number) => (r(k)?.status === "success" ? (r(k)!.result as T) : undefined);
    const params = value<{ fee: number }>(4);
    return {
      row,
      status: value<number>(0),
      contributed: value<bigint>(1),
      reserved: value<bigint>(2),
      minimum: value<bigint>(3),
      fee: params?.fee,
      contributors: value<bigint>(5),
      maxContributors: value<bigint>(6),
      requirement: value<bigint>(7),
      operator: value<string>(8),
      mine: value<bigint>(9),
      mineAt: value<bigint>(10),
      myReserved: value<readonly [bigint, boolean]>(11),
    };
  });
  const shown = live.filter((c) => c.status !== undefined && c.status < 3);

  return (
    <section className="card" aria-labelledby="contribute-heading" data-testid="contribution-contracts">
      <h2 id="contribute-heading">Nodes awaiting contributors</h2>
      <p className="stat-hint">Multi-contributor nodes that are not registered yet. Amounts are read from each contract now; a contribution can be withdrawn a day after it was made, until the node is finalized.</p>
      {list.isError ? <p className="form-error" role="alert">{(list.error as Error).message}</p> : null}
      {list.isSuccess && shown.length === 0 && !reads.isLoading ? <p data-testid="no-open-contracts">No node is waiting for contributors right now.</p> : null}
      {shown.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Contribution contracts not finalized, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">Status</th>
                <th scope="col">Operator fee</th>
                <th scope="col">Still needed</th>
                <th scope="col">Minimum contribution</th>
                <th scope="col">Slots left</th>
                <th scope="col">Your contribution</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => {
                const remaining = c.requirement !== undefined && c.contributed !== undefined ? c.requirement - c.contributed : undefined;
                const isOperator = !!wallet.address && c.operator?.toLowerCase() === wallet.address.toLowerCase();
                const reservedForMe = c.myReserved && c.myReserved[0] > 0n && !c.myReserved[1] ? c.myReserved[0] : undefined;
                const suggested = reservedForMe ?? (c.status === 0 && isOperator && c.requirement !== undefined ? c.requirement / 4n : c.minimum);
                return (
                  <tr key={c.row.contract} data-testid={`contract-${c.row.contract}`}>
                    <th scope="row">
                      <code title={c.row.contract}>{c.row.contract.slice(0, 10)}…</code>
                      <br />
                      <span className="stat-hint">operator <code>{c.row.operator.slice(0, 10)}…</code></span>
                    </th>
                    <td data-label="Status" data-testid="contract-status">{statusLabel[c.status!]}</td>
                    <td data-label="Operator fee">{c.fee !== undefined ? `${(c.fee / 100).toFixed(2)}%` : "…"}</td>
                    <td data-label="Still needed" data-testid="contract-remaining">{remaining !== undefined ? sesh(remaining) : "…"}</td>
                    <td data-label="Minimum contribution" data-testid="contract-minimum">
                      {reservedForMe !== undefined ? <>{sesh(reservedForMe)} (reserved for you)</> : c.minimum !== undefined ? sesh(c.minimum) : "–"}
                    </td>
                    <td data-label="Slots left">{c.maxContributors !== undefined && c.contributors !== undefined ? (c.maxContributors - c.contributors).toString() : "…"}</td>
                    <td data-label="Your contribution">
                      {c.mine ? sesh(c.mine) : "–"}
                      {wallet.address ? (
                        <div>
                          {c.status !== undefined && c.status < 2 ? (
                            <button type="button" className="button button-small" onClick={() => setSelected(c.row.contract as Address)}>Contribute</button>
                          ) : null}
                          {c.mine && c.mineAt !== undefined && !isOperator ? <WithdrawButton contract={c.row.contract as Address} from={c.mineAt + WITHDRAWAL_DELAY_S} /> : null}
                          {isOperator && c.status === 2 ? <FinalizeButton contract={c.row.contract as Address} /> : null}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {selected ? (
        <div className="contribute-selected">
          <h3>Contribute to <code>{selected}</code></h3>
          <ContributeForm
            key={selected}
            contract={selected}
            suggested={(() => {
              const c = live.find((l) => l.row.contract === selected);
              const isOperator = !!wallet.address && c?.operator?.toLowerCase() === wallet.address.toLowerCase();
              const reservedForMe = c?.myReserved && c.myReserved[0] > 0n && !c.myReserved[1] ? c.myReserved[0] : undefined;
              return reservedForMe ?? (c?.status === 0 && isOperator && c.requirement !== undefined ? c.requirement / 4n : c?.minimum);
            })()}
            testId="contribute-form"
          />
        </div>
      ) : null}
      <DownloadLinks href="/api/staking/contribution-contracts" label="this list" />
    </section>
  );
}

function WithdrawButton({ contract, from }: { contract: Address; from: bigint }) {
  const wallet = useWalletBalances();
  const step = useContractStep();
  return (
    <>
      <span className="stat-hint"> withdraw from {utc(from)}</span>
      <button type="button" className="button button-small button-quiet" disabled={step.busy} onClick={() => wallet.address && void step.run({ address: contract, abi, functionName: "withdrawContribution", args: [], account: wallet.address })}>
        Withdraw
      </button>
      {step.state.status !== "idle" ? <TransactionStatus label="Withdrawal" state={step.state} testId={`withdraw-${contract}`} /> : null}
    </>
  );
}

function FinalizeButton({ contract }: { contract: Address }) {
  const wallet = useWalletBalances();
  const step = useContractStep();
  return (
    <>
      <button type="button" className="button button-small" disabled={step.busy} onClick={() => wallet.address && void step.run({ address: contract, abi, functionName: "finalize", args: [], account: wallet.address })}>
        Finalize (register the node)
      </button>
      {step.state.status !== "idle" ? <TransactionStatus label="Finalize" state={step.state} testId={`finalize-${contract}`} /> : null}
    </>
  );
}
