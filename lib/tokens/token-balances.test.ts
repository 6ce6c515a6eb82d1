import { describe, expect, it } from "vitest";
import type { IndexedEvent } from "../events/indexed-event";
import { applyTransfer, holdersInTransfers, TokenBalanceUnderflowError, ZERO_ADDRESS, type TokenBalanceRecord } from "./token-balances";

const alice = "0x00000000000000000000000000000000000000a1";
const bob = "0x00000000000000000000000000000000000000b0";
const t0 = new Date("2025-06-01T00:00:00Z");

const transfer = (from: string, to: string, value: bigint, blockNumber: bigint): IndexedEvent => ({
  address: "0x10ea9e5303670331bdddfa66a4cea47dae4fcf3b",
  contract: "SESH",
  eventName: "Transfer",
  args: { from, to, value: value.toString() },
  blockNumber,
  blockTime: new Date(t0.getTime() + Number(blockNumber) * 1000),
  txHash: `0x${blockNumber.toString(16).padStart(64, "0")}`,
});

describe("applyTransfer", () => {
  it("credits a mint, moves a transfer and keeps the zero address out", () => {
    const balances = new Map<string, TokenBalanceRecord>();
    applyTransfer(balances, transfer(ZERO_ADDRESS, alice, 1_000n, 1n));
    applyTransfer(balances, transfer(alice, bob, 300n, 2n));
    expect(balances.has(ZERO_ADDRESS)).toBe(false);
    expect(balances.get(alice)).toEqual({ holder: alice, balance: 700n, transferCount: 2, updatedBlock: 2n, updatedTx: transfer(alice, bob, 0n, 2n).txHash, updatedAt: new Date(t0.getTime() + 2_000) });
    expect(balances.get(bob)).toMatchObject({ balance: 300n, transferCount: 1, updatedBlock: 2n });
  });

  it("takes a burn off the holder and leaves a self-transfer's balance alone", () => {
    const balances = new Map<string, TokenBalanceRecord>();
    applyTransfer(balances, transfer(ZERO_ADDRESS, alice, 1_000n, 1n));
    applyTransfer(balances, transfer(alice, alice, 400n, 2n));
    expect(balances.get(alice)).toMatchObject({ balance: 1_000n, transferCount: 2, updatedBlock: 2n });
    applyTransfer(balances, transfer(alice, ZERO_ADDRESS, 1_000n, 3n));
    expect(balances.get(alice)).toMatchObject({ balance: 0n, transferCount: 3, updatedBlock: 3n });
  });

  it("refuses a transfer out of a balance it does not have: history is missing", () => {
    const balances = new Map<string, TokenBalanceRecord>();
    expect(() => applyTransfer(balances, transfer(alice, bob, 1n, 5n))).toThrow(TokenBalanceUnderflowError);
    expect(() => applyTransfer(balances, transfer(alice, bob, 1n, 5n))).toThrow(/START_BLOCK/);
  });

  it("changes only tracked holders, so some holders can be refolded from their own transfers", () => {
    const balances = new Map<string, TokenBalanceRecord>();
    // bob's history is not replayed: his side of the transfer must not be applied (it would underflow).
    applyTransfer(balances, transfer(bob, alice, 50n, 7n), (h) => h === alice);
    expect([...balances.keys()]).toEqual([alice]);
    expect(balances.get(alice)!.balance).toBe(50n);
  });
});

describe("holdersInTransfers", () => {
  it("lists both sides of every transfer but the zero address", () => {
    expect(holdersInTransfers([transfer(ZERO_ADDRESS, alice, 1n, 1n), transfer(alice, bob, 1n, 2n)])).toEqual(new Set([alice, bob]));
  });
});
