"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Abi } from "viem";
import { useBlock, useReadContract } from "wagmi";
import { serviceNodeRewardsAbi } from "../../lib/abi/service-node-rewards-abi";
import { formatSesh } from "../../lib/format/sesh-amount";
import { exitSchedule } from "../../lib/staking/exit-schedule";
import { exitSignatureResponseSchema, walletNodesResponseSchema, type WalletNodeRow } from "../../lib/staking/staking-api-responses";
import { DownloadLinks } from "../DownloadLinks";
import { fetchValidated } from "./fetch-validated";
import { useStaking } from "./staking-context";
import { TransactionStatus } from "./TransactionStatus";
import { useContractStep } from "./use-contract-step";
import { useWalletBalances } from "./use-wallet-balances";

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
const stateLabel: Record<WalletNodeRow["state"], string> = { active: "Running", exit_requested: "Awaiting exit", exited: "Exited", liquidated: "Deregistered (liquidated)" };

/** The wallet's nodes (operated or contributed to), from the explorer's index, with exit actions. */
export function MyNodes() {
  const { chain } = useStaking();
  const wallet = useWalletBalances();
  const address = wallet.address?.toLowerCase();
  // The contract judges the waits by block.timestamp, not by this computer's clock: a clock off by
  // an hour (or a devnet moved forward in time) would otherwise offer a step the chain refuses.
  const head = useBlock({ chainId: chain.id, query: { refetchInterval: 10_000 } });
  const now = head.data ? new Date(Number(head.data.timestamp) * 1000) : new Date();
  const nodes = useQuery({
    queryKey: ["my-nodes", address],
    queryFn: () => fetchValidated(`/api/staking/my-nodes?address=${address}&format=json`, walletNodesResponseSchema),
    enabled: !!address,
    // The index follows the chain within seconds: keep the list current after a transaction.
    refetchInterval: 5_000,
  });
  if (!address) return null;
  const rows = nodes.data?.rows ?? [];
  return (
    <section className="card" aria-labelledby="my-nodes-heading" data-testid="my-nodes">
      <h2 id="my-nodes-heading">Your nodes</h2>
      {nodes.isError ? <p className="form-error" role="alert">{(nodes.error as Error).message}</p> : null}
      {nodes.isSuccess && rows.length === 0 ? (
        <p data-testid="my-nodes-empty">This wallet operates no node and has no stake in one yet. <Link href="/stake">Stake</Link> to run one.</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption>Nodes {address} operates or has stake in, as indexed from the staking contract and the nodes&apos; heartbeats</caption>
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">State</th>
                <th scope="col">Uptime (30 days)</th>
                <th scope="col">Your stake</th>
                <th scope="col">Registered</th>
                <th scope="col">Exit</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => <NodeRow key={row.nodeId.toString()} row={row} now={now} />)}
            </tbody>
          </table>
        </div>
      ) : null}
      <DownloadLinks href={`/api/staking/my-nodes?address=${address}`} label="this table" />
    </section>
  );
}

function NodeRow({ row, now }: { row: WalletNodeRow; now: Date }) {
  const { config, chain } = useStaking();
  const wallet = useWalletBalances();
  const step = useContractStep();
  // The contract judges the waits by block.timestamp, not by this computer's clock: a clock off by
  // an hour (or a devnet moved forward in time) would otherwise offer a step the chain refuses.
  const requirement = useReadContract({ address: config.contracts.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "stakingRequirement", chainId: chain.id });
  const schedule = exitSchedule({ ...row, stake: row.stake, stakingRequirement: (requirement.data as bigint | undefined) ?? row.totalStaked }, now);
  const live = row.state === "active" || row.state === "exit_requested";
  const heartbeat = row.active === null ? "not reported by the network" : row.active ? "serving" : "decommissioned";

  const requestExit = () =>
    wallet.address &&
    void step.run({ address: config.contracts.serviceNodeRewards, abi: serviceNodeRewardsAbi as Abi, functionName: "initiateExitBLSPublicKey", args: [row.nodeId], account: wallet.address });
  const completeExit = async () => {
    if (!wallet.address) return;
    if (schedule.canExitWithSignature && !schedule.canExitAfterWait) {
      const signed = await fetchValidated(`/api/staking/exit-signature?pubkey=${row.ed25519Pubkey}`, exitSignatureResponseSchema).catch((e: Error) => e);
      if (signed instanceof Error) {
        step.fail(signed.message);
        return;
      }
      await step.run({
        address: config.contracts.serviceNodeRewards,
        abi: serviceNodeRewardsAbi as Abi,
        functionName: "exitBLSPublicKeyWithSignature",
        args: [signed.blsPubkey, signed.timestamp, signed.signature, signed.nonSignerIds],
        account: wallet.address,
      });
      return;
    }
    await step.run({ address: config.contracts.serviceNodeRewards, abi: serviceNodeRewardsAbi as Abi, functionName: "exitBLSPublicKeyAfterWaitTime", args: [row.nodeId], account: wallet.address });
  };

  return (
    <tr data-testid={`my-node-${row.nodeId}`}>
      <th scope="row">
        <Link href={`/nodes/${row.nodeId}`}>#{row.nodeId.toString()}</Link> <span className="stat-hint">({row.role})</span>
        <br />
        <code className="wrap" title={row.ed25519Pubkey}>{row.ed25519Pubkey.slice(0, 12)}…</code>
      </th>
      <td data-label="State" data-testid="node-state">{stateLabel[row.state]}{live ? <span className="stat-hint"> · {heartbeat}</span> : null}</td>
      <td data-label="Uptime (30 days)">{row.uptime30d === null ? "–" : `${(row.uptime30d * 100).toFixed(1)}%`}</td>
      <td data-label="Your stake">{formatSesh(row.stake, { fractionDigits: 0 })}<span className="stat-hint"> of {formatSesh(row.totalStaked, { fractionDigits: 0 })}</span></td>
      <td data-label="Registered">
        <Link href={`/tx/${row.registeredTx}`}>{utc(row.registeredAt)}</Link>
      </td>
      <td className="exit-cell" data-label="Exit">
        {row.state === "active" ? (
          <>
            <span className="stat-hint">{schedule.canRequest ? "Can be requested now" : `Possible from ${utc(schedule.requestFrom)}`}</span>
            <br />
            <button type="button" className="button button-small" onClick={requestExit} disabled={step.busy}>Request exit</button>
          </>
        ) : null}
        {row.state === "exit_requested" && schedule.signedExitFrom && schedule.exitAfterWaitFrom ? (
          <>
            <span className="stat-hint">
              Requested {utc(row.exitRequestedAt!)}. The network signs the exit from {utc(schedule.signedExitFrom)}; anyone can complete it from {utc(schedule.exitAfterWaitFrom)}.
            </span>
            <br />
            <span className="stat-hint" data-testid="exit-way">
              {schedule.canExitAfterWait
                ? "The 30-day wait is over: the exit can be completed without the network's signature."
                : schedule.canExitWithSignature
                  ? "The network signs this exit now."
                  : "Not yet: the unlock has not passed."}
            </span>
            <br />
            <button type="button" className="button button-small" onClick={() => void completeExit()} disabled={step.busy || !schedule.canExitWithSignature}>Complete exit</button>
          </>
        ) : null}
        {!live ? <span className="stat-hint">{row.endedAt ? `Ended ${utc(row.endedAt)}` : "Ended"}</span> : null}
        {step.state.status !== "idle" ? <TransactionStatus label="Exit" state={step.state} testId={`exit-status-${row.nodeId}`} /> : null}
      </td>
    </tr>
  );
}
