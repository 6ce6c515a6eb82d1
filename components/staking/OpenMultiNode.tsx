"use client";
import { useMemo, useState } from "react";
import { decodeEventLog, type Abi, type Address } from "viem";
import { useReadContract } from "wagmi";
import { serviceNodeContributionFactoryAbi } from "../../lib/abi/service-node-contribution-factory-abi";
import { serviceNodeRewardsAbi } from "../../lib/abi/service-node-rewards-abi";
import { formatSesh } from "../../lib/format/sesh-amount";
import { parseSeshAmount } from "../../lib/format/parse-sesh-amount";
import { parseReservedContributors } from "../../lib/staking/contribution-terms";
import { parseRegistrationOutput } from "../../lib/staking/registration-output";
import { ContributeForm } from "./ContributeForm";
import { useStaking } from "./staking-context";
import { TransactionStatus } from "./TransactionStatus";
import { useContractStep } from "./use-contract-step";
import { useWalletBalances } from "./use-wallet-balances";

/** Operator fee as typed ("5", "12.5" %) → basis points of 10,000, or an error. */
function parseFee(text: string): { ok: true; bps: number } | { ok: false; error: string } {
  const t = text.trim().replace(/%$/, "");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return { ok: false, error: "The fee is a percentage with at most two decimals, e.g. 5 or 12.5." };
  const bps = Math.round(Number(t) * 100);
  return bps > 10_000 ? { ok: false, error: "The fee cannot exceed 100%." } : { ok: true, bps };
}

/** Open a multi-contributor node through the factory, then stake the operator's part. */
export function OpenMultiNode() {
  const { config, chain } = useStaking();
  const wallet = useWalletBalances();
  const [registration, setRegistration] = useState("");
  const [feeText, setFeeText] = useState("5");
  const [stakeText, setStakeText] = useState("");
  const [reservedText, setReservedText] = useState("");
  const [manualFinalize, setManualFinalize] = useState(false);
  const [checked, setChecked] = useState(false);
  const [created, setCreated] = useState<Address | null>(null);
  const deploy = useContractStep();
  const requirement = useReadContract({ address: config.contracts.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "stakingRequirement", chainId: chain.id });
  const maxContributors = useReadContract({ address: config.contracts.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "maxContributors", chainId: chain.id });
  const stakingRequirement = requirement.data as bigint | undefined;

  const check = useMemo(() => {
    if (!checked || !wallet.address || stakingRequirement === undefined) return undefined;
    const errors: string[] = [];
    const parsed = parseRegistrationOutput(registration);
    if (!parsed.ok) errors.push(...parsed.errors);
    else if (parsed.registration.operatorAddress && parsed.registration.operatorAddress.toLowerCase() !== wallet.address.toLowerCase()) {
      errors.push(`This registration was prepared for ${parsed.registration.operatorAddress}, not the connected wallet ${wallet.address}.`);
    }
    const fee = parseFee(feeText);
    if (!fee.ok) errors.push(fee.error);
    const stake = parseSeshAmount(stakeText || formatSesh(stakingRequirement / 4n, { fractionDigits: 9, unit: false }));
    if (!stake.ok) errors.push(`Your stake: ${stake.error}`);
    const reserved = stake.ok
      ? parseReservedContributors(reservedText, { operator: wallet.address, operatorStake: stake.atomic, stakingRequirement, maxContributors: Number((maxContributors.data as bigint | undefined) ?? 10n) })
      : undefined;
    if (reserved && !reserved.ok) errors.push(...reserved.errors);
    if (errors.length > 0 || !parsed.ok || !fee.ok || !reserved?.ok || !stake.ok) return { ok: false as const, errors };
    return { ok: true as const, registration: parsed.registration, fee: fee.bps, reserved: reserved.reserved, stake: stake.atomic };
  }, [checked, wallet.address, stakingRequirement, registration, feeText, stakeText, reservedText, maxContributors.data]);

  const onDeploy = async () => {
    if (!check?.ok || !wallet.address) return;
    const r = check.registration;
    // Only other contributors are reserved in the contract when there are any; the operator comes first.
    const reserved = check.reserved.length > 1 ? check.reserved : [];
    const receipt = await deploy.run({
      address: config.contracts.contributionFactory!,
      abi: serviceNodeContributionFactoryAbi as Abi,
      functionName: "deploy",
      args: [
        r.blsPubkey,
        r.blsSignature,
        { serviceNodePubkey: r.serviceNodePubkey, serviceNodeSignature1: r.serviceNodeSignature1, serviceNodeSignature2: r.serviceNodeSignature2, fee: check.fee },
        reserved,
        manualFinalize,
      ],
      account: wallet.address,
    });
    for (const log of receipt?.logs ?? []) {
      try {
        const event = decodeEventLog({ abi: serviceNodeContributionFactoryAbi, data: log.data, topics: log.topics });
        if (event.eventName === "NewServiceNodeContributionContract") setCreated(event.args.contributorContract);
      } catch {
        // not the factory's event
      }
    }
  };

  if (!config.contracts.contributionFactory) return null;
  const minimumStakeText = stakingRequirement !== undefined ? formatSesh(stakingRequirement / 4n, { fractionDigits: 0, unit: false }) : "";
  const edit = <T,>(set: (v: T) => void) => (v: T) => { set(v); setChecked(false); };
  return (
    <section className="card staking-flow" aria-labelledby="multi-heading" data-testid="open-multi">
      <h2 id="multi-heading">Open a multi-contributor node</h2>
      <p className="stat-hint">
        Stake at least a quarter{stakingRequirement !== undefined ? ` (${formatSesh(stakingRequirement / 4n, { fractionDigits: 0 })})` : ""} yourself; others fill the rest. The node
        registers when the stake is complete (or when you finalize it, if you choose to).
      </p>
      <label htmlFor="multi-registration" className="field-label">Node registration output</label>
      <textarea id="multi-registration" className="field-text" rows={5} spellCheck={false} value={registration} onChange={(e) => edit(setRegistration)(e.target.value)} />
      <div className="field-row">
        <div>
          <label htmlFor="multi-fee" className="field-label">Operator fee (%)</label>
          <input id="multi-fee" className="field-text field-amount" inputMode="decimal" value={feeText} onChange={(e) => edit(setFeeText)(e.target.value)} />
        </div>
        <div>
          <label htmlFor="multi-stake" className="field-label">Your stake (SESH)</label>
          <input
            id="multi-stake"
            className="field-text field-amount"
            inputMode="decimal"
            placeholder={minimumStakeText}
            value={stakeText}
            onChange={(e) => edit(setStakeText)(e.target.value)}
          />
        </div>
      </div>
      <label htmlFor="multi-reserved" className="field-label">Reserved contributors (optional: one &quot;address amount&quot; per line)</label>
      <textarea id="multi-reserved" className="field-text" rows={3} spellCheck={false} value={reservedText} onChange={(e) => edit(setReservedText)(e.target.value)} />
      <label className="checkbox">
        <input type="checkbox" checked={manualFinalize} onChange={(e) => edit(setManualFinalize)(e.target.checked)} /> I will finalize the node myself once it is full
      </label>
      <button type="button" className="button" onClick={() => setChecked(true)} disabled={!wallet.address}>Check</button>
      {check && !check.ok ? (
        <ul className="form-error" role="alert" data-testid="multi-errors">
          {check.errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      ) : null}
      {check?.ok ? (
        <p data-testid="multi-summary">
          Fee {(check.fee / 100).toFixed(2)}%, your stake {formatSesh(check.stake, { fractionDigits: 4 })}, {check.reserved.length - 1} reserved contributor(s).
        </p>
      ) : null}
      <button type="button" className="button" onClick={() => void onDeploy()} disabled={!check?.ok || deploy.busy}>Open the node for contributions</button>
      <TransactionStatus label="Contribution contract" state={deploy.state} testId="deploy-status" />
      {created && check?.ok ? (
        <div data-testid="multi-created">
          <p className="notice notice-success">Contract <code>{created}</code> is waiting for your stake.</p>
          <ContributeForm contract={created} suggested={check.stake} testId="operator-contribute" />
        </div>
      ) : null}
    </section>
  );
}
