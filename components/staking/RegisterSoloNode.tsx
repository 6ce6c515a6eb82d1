"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { decodeEventLog, maxUint256, type Abi } from "viem";
import { useReadContract } from "wagmi";
import { serviceNodeRewardsAbi } from "../../lib/abi/service-node-rewards-abi";
import { seshl2Abi } from "../../lib/abi/seshl2-abi";
import { formatSesh } from "../../lib/format/sesh-amount";
import { parseRegistrationOutput } from "../../lib/staking/registration-output";
import { useStaking } from "./staking-context";
import { TransactionStatus } from "./TransactionStatus";
import { useContractStep } from "./use-contract-step";
import { useWalletBalances } from "./use-wallet-balances";

// Reverts inside SESH's transferFrom bubble up through the rewards contract: decode both.
const rewardsAndTokenAbi = [...serviceNodeRewardsAbi, ...seshl2Abi.filter((e) => e.type === "error")] as Abi;

/** Register a node staked entirely by this wallet: paste, check, approve SESH, register. */
export function RegisterSoloNode() {
  const { config, chain } = useStaking();
  const wallet = useWalletBalances();
  const [text, setText] = useState("");
  const [checked, setChecked] = useState(false);
  const [unlimited, setUnlimited] = useState(false);
  const approve = useContractStep();
  const register = useContractStep();
  const [nodeId, setNodeId] = useState<bigint | null>(null);

  const requirement = useReadContract({ address: config.contracts.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "stakingRequirement", chainId: chain.id });
  const allowance = useReadContract({
    address: config.contracts.sesh,
    abi: seshl2Abi,
    functionName: "allowance",
    args: wallet.address ? [wallet.address, config.contracts.serviceNodeRewards] : undefined,
    chainId: chain.id,
    query: { enabled: !!wallet.address },
  });
  const parsed = useMemo(() => (checked ? parseRegistrationOutput(text) : undefined), [checked, text]);
  const stake = requirement.data as bigint | undefined;
  const allowed = allowance.data as bigint | undefined;
  const operatorMismatch =
    parsed?.ok && parsed.registration.operatorAddress && wallet.address && parsed.registration.operatorAddress.toLowerCase() !== wallet.address.toLowerCase()
      ? parsed.registration.operatorAddress
      : null;
  const ready = parsed?.ok === true && !operatorMismatch && !!wallet.address && stake !== undefined;
  const approved = stake !== undefined && allowed !== undefined && allowed >= stake;

  const onApprove = () => {
    if (!wallet.address || stake === undefined) return;
    void approve.run({ address: config.contracts.sesh, abi: seshl2Abi as Abi, functionName: "approve", args: [config.contracts.serviceNodeRewards, unlimited ? maxUint256 : stake], account: wallet.address });
  };
  const onRegister = async () => {
    if (!parsed?.ok || !wallet.address || stake === undefined) return;
    const r = parsed.registration;
    const receipt = await register.run({
      address: config.contracts.serviceNodeRewards,
      abi: rewardsAndTokenAbi,
      functionName: "addBLSPublicKey",
      args: [
        r.blsPubkey,
        r.blsSignature,
        { serviceNodePubkey: r.serviceNodePubkey, serviceNodeSignature1: r.serviceNodeSignature1, serviceNodeSignature2: r.serviceNodeSignature2, fee: 0 },
        [{ staker: { addr: wallet.address, beneficiary: wallet.address }, stakedAmount: stake }],
      ],
      account: wallet.address,
    });
    for (const log of receipt?.logs ?? []) {
      try {
        const event = decodeEventLog({ abi: serviceNodeRewardsAbi, data: log.data, topics: log.topics });
        if (event.eventName === "NewServiceNodeV2") setNodeId(event.args.serviceNodeID);
      } catch {
        // another contract's log (the SESH transfer)
      }
    }
  };

  return (
    <section className="card staking-flow" aria-labelledby="solo-heading" data-testid="register-solo">
      <h2 id="solo-heading">Register a solo node</h2>
      <p className="stat-hint">
        You stake the whole requirement{stake !== undefined ? ` (${formatSesh(stake, { fractionDigits: 0 })})` : ""} and operate the node. On the node, prepare its registration for
        your wallet address and paste what it prints.
      </p>
      <label htmlFor="registration-output" className="field-label">Node registration output</label>
      <textarea
        id="registration-output"
        className="field-text"
        rows={6}
        spellCheck={false}
        value={text}
        onChange={(e) => { setText(e.target.value); setChecked(false); }}
        placeholder={"pubkey_ed25519: …\nsignature_ed25519: …\npubkey_bls: …\nsignature_bls: …"}
      />
      <button type="button" className="button" onClick={() => setChecked(true)} disabled={text.trim() === ""}>Check</button>
      {parsed && !parsed.ok ? (
        <ul className="form-error" role="alert" data-testid="registration-errors">
          {parsed.errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      ) : null}
      {operatorMismatch ? (
        <p className="form-error" role="alert" data-testid="operator-mismatch">
          This registration was prepared for {operatorMismatch}, but the connected wallet is {wallet.address}. The contract would refuse it: prepare it again for the connected
          wallet, or connect {operatorMismatch}.
        </p>
      ) : null}
      {parsed?.ok && !operatorMismatch ? (
        <dl className="facts" data-testid="registration-summary">
          <dt>Node key (ed25519)</dt>
          <dd><code className="wrap">{parsed.registration.ed25519Hex}</code></dd>
          <dt>Stake</dt>
          <dd>{stake !== undefined ? formatSesh(stake, { fractionDigits: 0 }) : "…"} from {wallet.address ? <code>{wallet.address}</code> : "your wallet"}</dd>
          <dt>Your SESH</dt>
          <dd>{wallet.sesh !== undefined ? formatSesh(wallet.sesh, { fractionDigits: 4 }) : "…"}</dd>
        </dl>
      ) : null}

      <ol className="flow-steps">
        <li>
          <h3>1. Allow the staking contract to take {stake !== undefined ? formatSesh(stake, { fractionDigits: 0 }) : "the stake"}</h3>
          {approved ? <p data-testid="approval-done">Approved: the contract may take {formatSesh(allowed!, { fractionDigits: 0 })}{allowed === maxUint256 ? " (unlimited)" : ""}.</p> : null}
          <label className="checkbox">
            <input type="checkbox" checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} /> Approve an unlimited amount (not needed; only the exact stake is approved otherwise)
          </label>
          <button type="button" className="button" onClick={onApprove} disabled={!ready || approve.busy}>Approve {unlimited ? "unlimited SESH" : "exact amount"}</button>
          <TransactionStatus label="Approval" state={approve.state} testId="approve-status" />
        </li>
        <li>
          <h3>2. Register the node</h3>
          <button type="button" className="button" onClick={() => void onRegister()} disabled={!ready || register.busy}>Register node</button>
          <TransactionStatus label="Registration" state={register.state} testId="register-status" />
          {register.state.status === "confirmed" ? (
            <p className="notice notice-success" data-testid="registered">
              Registered{nodeId !== null ? <> as node <Link href={`/nodes/${nodeId}`}><strong>#{nodeId.toString()}</strong></Link></> : null}. It appears under <Link href="/my-nodes">My nodes</Link> once indexed; rewards start
              about a day after the network sees it active.
            </p>
          ) : null}
        </li>
      </ol>
    </section>
  );
}
