import { describe, expect, it } from "vitest";
import type { IndexedEvent } from "../events/indexed-event";
import {
  applyContributionEvent,
  ContributionLedgerInconsistencyError,
  contributionStatus,
  type ContributionContractDetails,
  type ContributionContractRecord,
} from "./contribution-ledger";

const factory = "0x8129be2d5ef7acd39483c19f28de86b7ef19dbca";
const rewards = "0xc2b9fc251ac068763ebdfdecc792e3352e351c00";
const contract = "0x00000000000000000000000000000000000000cc";
const operator = "0x00000000000000000000000000000000000000aa";
const friend = "0x00000000000000000000000000000000000000bb";
const stranger = "0x00000000000000000000000000000000000000dd";
const t0 = new Date("2025-06-01T00:00:00Z");
const requirement = 25_000_000_000_000n;
const txOf = (block: bigint) => `0x${block.toString(16).padStart(64, "0")}`;

const event = (eventName: string, args: IndexedEvent["args"], blockNumber: bigint, from: Pick<IndexedEvent, "address" | "contract"> = { address: contract, contract: "ServiceNodeContribution" }): IndexedEvent => ({
  ...from,
  eventName,
  args,
  blockNumber,
  blockTime: new Date(t0.getTime() + Number(blockNumber) * 1000),
  txHash: txOf(blockNumber),
});
const created = event("NewServiceNodeContributionContract", { contributorContract: contract, serviceNodePubkey: "255", operator }, 1n, { address: factory, contract: "ServiceNodeContributionFactory" });
const details: ContributionContractDetails = {
  blsPubkey: `0x${"1".padStart(64, "0")}${"2".padStart(64, "0")}`,
  fee: 500,
  manualFinalize: true,
  stakingRequirement: requirement,
  maxContributors: 10,
  reserved: [{ contributor: operator, amount: 6_250_000_000_000n }, { contributor: friend, amount: 10_000_000_000_000n }],
};
const contribution = (contributor: string, amount: bigint, block: bigint, beneficiary = contributor) =>
  event("NewContribution", { contributor, beneficiary, amount: amount.toString() }, block);
const withdrawal = (contributor: string, amount: bigint, block: bigint) => event("WithdrawContribution", { contributor, amount: amount.toString() }, block);

function fold(events: IndexedEvent[]): ContributionContractRecord {
  const contracts = new Map<string, ContributionContractRecord>();
  for (const e of events) applyContributionEvent(contracts, e, e === created ? details : undefined);
  return contracts.get(contract)!;
}

describe("applyContributionEvent", () => {
  it("opens a contract from the factory's event with its constructor settings, awaiting the operator", () => {
    expect(fold([created])).toMatchObject({
      address: contract,
      operator,
      ed25519Pubkey: "ff".padStart(64, "0"),
      fee: 500,
      manualFinalize: true,
      stakingRequirement: requirement,
      status: "awaiting_operator",
      totalContributed: 0n,
      contributorCount: 0,
      serviceNodeId: null,
      createdBlock: 1n,
      updatedBlock: 1n,
      reservations: [{ contributor: operator, amount: 6_250_000_000_000n, received: false }, { contributor: friend, amount: 10_000_000_000_000n, received: false }],
    });
  });

  it("is open after the operator's contribution and filled at the requirement, reservations marked received", () => {
    const open = fold([created, contribution(operator, 6_250_000_000_000n, 2n), event("OpenForPublicContribution", {}, 2n)]);
    expect(open).toMatchObject({ status: "open", totalContributed: 6_250_000_000_000n, contributorCount: 1, updatedBlock: 2n });
    expect(open.reservations.map((r) => r.received)).toEqual([true, false]);

    const filled = fold([created, contribution(operator, 6_250_000_000_000n, 2n), contribution(friend, 10_000_000_000_000n, 3n, stranger), contribution(stranger, 8_750_000_000_000n, 4n), event("Filled", {}, 4n)]);
    expect(filled).toMatchObject({ status: "filled", totalContributed: requirement, contributorCount: 3, updatedBlock: 4n, updatedTx: txOf(4n) });
    expect(filled.contributions.find((c) => c.contributor === friend)).toMatchObject({ beneficiary: stranger, amount: 10_000_000_000_000n, updatedBlock: 3n });
  });

  it("drops from filled back to open when a contributor withdraws, though no event says so", () => {
    const reopened = fold([
      created,
      contribution(operator, 6_250_000_000_000n, 2n),
      contribution(friend, 10_000_000_000_000n, 3n),
      contribution(stranger, 8_750_000_000_000n, 4n),
      event("Filled", {}, 4n),
      withdrawal(friend, 10_000_000_000_000n, 90n),
    ]);
    expect(reopened).toMatchObject({ status: "open", totalContributed: 15_000_000_000_000n, contributorCount: 2, updatedBlock: 90n });
    expect(reopened.contributions.map((c) => c.contributor)).toEqual([operator, stranger]);
    expect(reopened.reservations.map((r) => r.received)).toEqual([true, false]);
  });

  it("adds a repeat contribution to the first one, keeping the first beneficiary", () => {
    const c = fold([created, contribution(operator, 6_250_000_000_000n, 2n), contribution(operator, 1_000n, 3n, stranger)]);
    expect(c.contributions).toEqual([{ contributor: operator, beneficiary: operator, amount: 6_250_000_001_000n, updatedBlock: 3n, updatedTx: txOf(3n), updatedAt: new Date(t0.getTime() + 3_000) }]);
  });

  it("returns to awaiting the operator after a reset, and takes the operator's new settings", () => {
    const c = fold([
      created,
      contribution(operator, 6_250_000_000_000n, 2n),
      contribution(friend, 10_000_000_000_000n, 3n),
      event("Reset", {}, 5n),
      event("UpdateFee", { newFee: "1200" }, 6n),
      event("UpdateManualFinalize", { newValue: false }, 6n),
      event("UpdatePubkeys", { newBLSPubkey: { X: "3", Y: "4" }, newEd25519Pubkey: "4095" }, 6n),
      event("UpdateReservedContributors", { newReservedContributors: [{ addr: operator, amount: "25000000000000" }] }, 6n),
      event("UpdateStakerBeneficiary", { staker: operator, newBeneficiary: stranger }, 7n),
    ]);
    expect(c).toMatchObject({
      status: "awaiting_operator",
      totalContributed: 0n,
      contributions: [],
      fee: 1200,
      manualFinalize: false,
      blsPubkey: `0x${"3".padStart(64, "0")}${"4".padStart(64, "0")}`,
      ed25519Pubkey: "fff".padStart(64, "0"),
      reservations: [{ contributor: operator, amount: requirement, received: false }],
      updatedBlock: 7n,
    });
  });

  it("links the node it registers and stays finalized", () => {
    const registration = event("NewServiceNodeV2", { serviceNodeID: "42", initiator: contract }, 9n, { address: rewards, contract: "ServiceNodeRewards" });
    const c = fold([
      created,
      contribution(operator, 6_250_000_000_000n, 2n),
      contribution(friend, 18_750_000_000_000n, 9n),
      event("Filled", {}, 9n),
      registration,
      event("Finalized", {}, 9n),
    ]);
    expect(c).toMatchObject({ status: "finalized", serviceNodeId: 42n, totalContributed: requirement, updatedBlock: 9n });
  });

  it("ignores registrations by other initiators and refuses events of a contract it never saw created", () => {
    const contracts = new Map<string, ContributionContractRecord>();
    applyContributionEvent(contracts, event("NewServiceNodeV2", { serviceNodeID: "1", initiator: operator }, 3n, { address: rewards, contract: "ServiceNodeRewards" }));
    expect(contracts.size).toBe(0);
    expect(() => applyContributionEvent(contracts, contribution(operator, 1n, 4n))).toThrow(ContributionLedgerInconsistencyError);
    expect(() => applyContributionEvent(contracts, created)).toThrow(/constructor details/);
    expect(() => fold([created, withdrawal(friend, 1n, 5n)])).toThrow(/without a contribution/);
  });
});

describe("contributionStatus", () => {
  it("derives the status from the sum against the requirement", () => {
    expect(contributionStatus({ status: "open", totalContributed: 0n, stakingRequirement: 10n })).toBe("awaiting_operator");
    expect(contributionStatus({ status: "filled", totalContributed: 9n, stakingRequirement: 10n })).toBe("open");
    expect(contributionStatus({ status: "open", totalContributed: 10n, stakingRequirement: 10n })).toBe("filled");
    expect(contributionStatus({ status: "finalized", totalContributed: 10n, stakingRequirement: 10n })).toBe("finalized");
  });
});
