import type { JsonArgValue } from "../events/decode-session-log";
import { bigintArg, evidenceOf, stringArg, type ChangeEvidence, type IndexedEvent } from "../events/indexed-event";
import { blsPubkeyHex, ed25519PubkeyHex } from "./service-node-ledger";

/**
 * awaiting_operator: created or reset, nothing contributed; open: the operator has contributed,
 * the stake is below the requirement; filled: at the requirement, waiting for finalize();
 * finalized: the node is registered.
 */
export type ContributionContractStatus = "awaiting_operator" | "open" | "filled" | "finalized";

export interface ContributionStakeRecord extends ChangeEvidence {
  contributor: string;
  beneficiary: string;
  amount: bigint;
}

export interface ContributionReservationRecord {
  contributor: string;
  amount: bigint;
  received: boolean;
}

/** A contribution contract as its events (and its constructor) left it; mirrors ContributionContract. */
export interface ContributionContractRecord extends ChangeEvidence {
  address: string;
  operator: string;
  blsPubkey: string;
  ed25519Pubkey: string;
  fee: number;
  manualFinalize: boolean;
  stakingRequirement: bigint;
  maxContributors: number;
  status: ContributionContractStatus;
  totalContributed: bigint;
  contributorCount: number;
  serviceNodeId: bigint | null;
  createdBlock: bigint;
  createdTx: string;
  createdAt: Date;
  contributions: ContributionStakeRecord[];
  reservations: ContributionReservationRecord[];
}

/**
 * What the contract was constructed with: the factory's event names only the operator and the
 * ed25519 key, so these come from the deploying transaction or the contract's views.
 */
export interface ContributionContractDetails {
  blsPubkey: string;
  fee: number;
  manualFinalize: boolean;
  stakingRequirement: bigint;
  maxContributors: number;
  reserved: { contributor: string; amount: bigint }[];
}

export class ContributionLedgerInconsistencyError extends Error {
  constructor(message: string, event: IndexedEvent) {
    super(`${message} (${event.eventName} in tx ${event.txHash}, block ${event.blockNumber})`);
    this.name = "ContributionLedgerInconsistencyError";
  }
}

/**
 * The contribution contract an event concerns: the factory's announcement, the contract's own
 * events, and the ServiceNodeRewards registration it initiates when finalized. undefined for
 * events that concern none.
 */
export function contributionContractOf(event: IndexedEvent): string | undefined {
  if (event.contract === "ServiceNodeContributionFactory") {
    return event.eventName === "NewServiceNodeContributionContract" ? stringArg(event, "contributorContract") : undefined;
  }
  if (event.contract === "ServiceNodeContribution") return event.address;
  if (event.contract === "ServiceNodeRewards" && event.eventName === "NewServiceNodeV2") return stringArg(event, "initiator");
  return undefined;
}

/** The status follows from the sums, not from events: a withdrawal reopens a filled contract silently. */
export function contributionStatus(contract: Pick<ContributionContractRecord, "status" | "totalContributed" | "stakingRequirement">): ContributionContractStatus {
  if (contract.status === "finalized") return "finalized";
  if (contract.totalContributed === 0n) return "awaiting_operator";
  return contract.totalContributed >= contract.stakingRequirement ? "filled" : "open";
}

function withSums(contract: ContributionContractRecord, event: IndexedEvent): ContributionContractRecord {
  const totalContributed = contract.contributions.reduce((t, c) => t + c.amount, 0n);
  const holders = new Set(contract.contributions.map((c) => c.contributor));
  const next = {
    ...contract,
    totalContributed,
    contributorCount: contract.contributions.length,
    reservations: contract.reservations.map((r) => ({ ...r, received: holders.has(r.contributor) })),
    ...evidenceOf(event),
  };
  return { ...next, status: contributionStatus(next) };
}

const reservedFrom = (value: JsonArgValue | undefined): ContributionReservationRecord[] => {
  if (!Array.isArray(value)) throw new TypeError("expected a reserved contributors array");
  return value.map((entry) => {
    const r = entry as Record<string, JsonArgValue>;
    return { contributor: String(r.addr), amount: BigInt(String(r.amount)), received: false };
  });
};

/**
 * Applies one event to `contracts` (those it may touch, keyed by address); events in chain order.
 * A NewServiceNodeV2 whose initiator is not a known contract is ignored (a direct registration).
 * `details` is required for the factory's NewServiceNodeContributionContract.
 */
export function applyContributionEvent(
  contracts: Map<string, ContributionContractRecord>,
  event: IndexedEvent,
  details?: ContributionContractDetails,
): void {
  const address = contributionContractOf(event);
  if (address === undefined) return;
  if (event.eventName === "NewServiceNodeContributionContract") {
    if (contracts.has(address)) throw new ContributionLedgerInconsistencyError(`contribution contract ${address} deployed twice`, event);
    if (!details) throw new ContributionLedgerInconsistencyError(`contribution contract ${address} needs its constructor details`, event);
    contracts.set(address, withSums({
      address,
      operator: stringArg(event, "operator"),
      blsPubkey: details.blsPubkey,
      ed25519Pubkey: ed25519PubkeyHex(event.args.serviceNodePubkey),
      fee: details.fee,
      manualFinalize: details.manualFinalize,
      stakingRequirement: details.stakingRequirement,
      maxContributors: details.maxContributors,
      status: "awaiting_operator",
      totalContributed: 0n,
      contributorCount: 0,
      serviceNodeId: null,
      createdBlock: event.blockNumber,
      createdTx: event.txHash,
      createdAt: event.blockTime,
      contributions: [],
      reservations: details.reserved.map((r) => ({ ...r, received: false })),
      ...evidenceOf(event),
    }, event));
    return;
  }
  const contract = contracts.get(address);
  if (!contract) {
    if (event.eventName === "NewServiceNodeV2") return;
    throw new ContributionLedgerInconsistencyError(`event of unknown contribution contract ${address}`, event);
  }
  const update = (changes: Partial<ContributionContractRecord>) => contracts.set(address, withSums({ ...contract, ...changes }, event));
  switch (event.eventName) {
    case "NewContribution": {
      const contributor = stringArg(event, "contributor");
      const amount = bigintArg(event, "amount");
      const existing = contract.contributions.find((c) => c.contributor === contributor);
      // A repeat contribution keeps the beneficiary the contributor first named.
      const contributions = existing
        ? contract.contributions.map((c) => (c === existing ? { ...c, amount: c.amount + amount, ...evidenceOf(event) } : c))
        : [...contract.contributions, { contributor, beneficiary: stringArg(event, "beneficiary"), amount, ...evidenceOf(event) }];
      update({ contributions });
      return;
    }
    case "WithdrawContribution": {
      const contributor = stringArg(event, "contributor");
      if (!contract.contributions.some((c) => c.contributor === contributor)) {
        throw new ContributionLedgerInconsistencyError(`${contributor} withdrew from ${address} without a contribution`, event);
      }
      update({ contributions: contract.contributions.filter((c) => c.contributor !== contributor) });
      return;
    }
    case "Reset":
      update({ contributions: [] });
      return;
    case "Finalized":
      update({ status: "finalized" });
      return;
    case "UpdateStakerBeneficiary": {
      const staker = stringArg(event, "staker");
      const beneficiary = stringArg(event, "newBeneficiary");
      update({ contributions: contract.contributions.map((c) => (c.contributor === staker ? { ...c, beneficiary, ...evidenceOf(event) } : c)) });
      return;
    }
    case "UpdateFee":
      update({ fee: Number(stringArg(event, "newFee")) });
      return;
    case "UpdateManualFinalize":
      update({ manualFinalize: event.args.newValue === true });
      return;
    case "UpdatePubkeys":
      update({ blsPubkey: blsPubkeyHex(event.args.newBLSPubkey), ed25519Pubkey: ed25519PubkeyHex(event.args.newEd25519Pubkey) });
      return;
    case "UpdateReservedContributors":
      update({ reservations: reservedFrom(event.args.newReservedContributors) });
      return;
    case "NewServiceNodeV2":
      update({ serviceNodeId: bigintArg(event, "serviceNodeID") });
      return;
    case "Filled":
    case "OpenForPublicContribution":
      // Status transitions the sums already imply; they still date the change.
      update({});
      return;
    default:
      return;
  }
}
