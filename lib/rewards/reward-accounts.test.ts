import { describe, expect, it } from "vitest";
import type { IndexedEvent } from "../events/indexed-event";
import { applyRewardEvent, RewardLedgerInconsistencyError, type RewardAccountRecord } from "./reward-accounts";

const recipient = "0x00000000000000000000000000000000000000a1";
const t0 = new Date("2025-06-01T00:00:00Z");
const txOf = (block: bigint) => `0x${block.toString(16).padStart(64, "0")}`;

const event = (eventName: string, args: Record<string, string>, blockNumber: bigint): IndexedEvent => ({
  address: "0xc2b9fc251ac068763ebdfdecc792e3352e351c00",
  contract: "ServiceNodeRewards",
  eventName,
  args: { recipientAddress: recipient, ...args },
  blockNumber,
  blockTime: new Date(t0.getTime() + Number(blockNumber) * 1000),
  txHash: txOf(blockNumber),
});
const credit = (amount: bigint, previousBalance: bigint, block: bigint) => event("RewardsBalanceUpdated", { amount: amount.toString(), previousBalance: previousBalance.toString() }, block);
const claim = (amount: bigint, block: bigint) => event("RewardsClaimed", { amount: amount.toString() }, block);

describe("applyRewardEvent", () => {
  it("takes RewardsBalanceUpdated's amount as the cumulative entitlement, not an increment", () => {
    const accounts = new Map<string, RewardAccountRecord>();
    applyRewardEvent(accounts, credit(100n, 0n, 1n));
    applyRewardEvent(accounts, credit(250n, 100n, 2n));
    expect(accounts.get(recipient)).toMatchObject({ credited: 250n, claimed: 0n, unclaimed: 250n, creditCount: 2, lastCreditBlock: 2n, lastCreditTx: txOf(2n), lastClaimBlock: null });
  });

  it("adds claims up and keeps unclaimed = credited − claimed, with the evidence of each side", () => {
    const accounts = new Map<string, RewardAccountRecord>();
    applyRewardEvent(accounts, credit(250n, 0n, 1n));
    applyRewardEvent(accounts, claim(200n, 3n));
    applyRewardEvent(accounts, credit(400n, 250n, 4n));
    applyRewardEvent(accounts, claim(150n, 5n));
    expect(accounts.get(recipient)).toEqual({
      recipient,
      credited: 400n,
      claimed: 350n,
      unclaimed: 50n,
      creditCount: 2,
      claimCount: 2,
      lastCreditBlock: 4n,
      lastCreditTx: txOf(4n),
      lastClaimBlock: 5n,
      lastClaimTx: txOf(5n),
      updatedBlock: 5n,
      updatedTx: txOf(5n),
      updatedAt: new Date(t0.getTime() + 5_000),
    });
  });

  it("refuses a claim beyond what was credited and a cumulative balance that shrinks", () => {
    const accounts = new Map<string, RewardAccountRecord>();
    expect(() => applyRewardEvent(accounts, claim(1n, 1n))).toThrow(RewardLedgerInconsistencyError);
    applyRewardEvent(accounts, credit(100n, 0n, 2n));
    expect(() => applyRewardEvent(accounts, credit(90n, 100n, 3n))).toThrow(/fell from 100 to 90/);
    expect(accounts.get(recipient)!.credited).toBe(100n);
  });
});
