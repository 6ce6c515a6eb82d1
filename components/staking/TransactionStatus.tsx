"use client";
import Link from "next/link";
import type { StepState } from "./use-contract-step";
import { useStaking } from "./staking-context";

const short = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`;

/** Where one transaction of a flow stands, with its hash and links once it has one. */
export function TransactionStatus({ label, state, testId }: { label: string; state: StepState; testId: string }) {
  const { config } = useStaking();
  const hash = state.status === "pending" || state.status === "confirmed" ? state.hash : state.status === "failed" ? state.failure.hash : undefined;
  const text: Record<StepState["status"], string> = {
    idle: "Not started",
    checking: "Checking with the contract that it will succeed…",
    signing: "Confirm in your wallet…",
    pending: state.status === "pending" && state.nonce !== undefined ? `Sent; the network has it (nonce ${state.nonce}), waiting to be mined…` : "Sent, waiting for the network to show it…",
    confirmed: state.status === "confirmed" && state.repricedFrom ? `Confirmed (your wallet sped it up: it was mined under a new hash, replacing ${short(state.repricedFrom)})` : "Confirmed",
    failed: "Not done",
  };
  return (
    <div className="tx-status" data-testid={testId} data-status={state.status} data-seen={state.status === "pending" ? String(state.nonce !== undefined) : undefined} aria-live="polite">
      <p className="tx-status-line">
        <strong>{label}:</strong> <span className="tx-status-text">{text[state.status]}</span>
      </p>
      {hash ? (
        <p className="tx-status-hash">
          Transaction <Link href={`/tx/${hash}`} title={hash}><code>{short(hash)}</code></Link>
          {config.explorerUrl ? <> · <a href={`${config.explorerUrl}/tx/${hash}`} rel="noreferrer" target="_blank">on the block explorer</a></> : null}
        </p>
      ) : null}
      {state.status === "failed" ? (
        <p className="form-error" role="alert" data-testid={`${testId}-error`} data-kind={state.failure.kind}>
          {state.failure.message}
          {state.failure.detail ? <span className="tx-status-detail"> ({state.failure.detail})</span> : null}
        </p>
      ) : null}
    </div>
  );
}
