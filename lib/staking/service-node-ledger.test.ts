import { describe, expect, it } from "vitest";
import {
  applyServiceNodeEvent,
  LedgerInconsistencyError,
  type LedgerEvent,
  type ServiceNodeRecord,
} from "./service-node-ledger";

const operator = "0x00000000000000000000000000000000000000aa";
const contract = "0x00000000000000000000000000000000000000cc";
const friend = "0x00000000000000000000000000000000000000bb";
const t0 = new Date("2025-06-01T00:00:00Z");

const event = (eventName: string, args: LedgerEvent["args"], blockNumber = 10n): LedgerEvent => ({
  eventName,
  args,
  blockNumber,
  blockTime: new Date(t0.getTime() + Number(blockNumber) * 1000),
  txHash: `0x${blockNumber.toString(16).padStart(64, "0")}`,
});

const registration = event("NewServiceNodeV2", {
  serviceNodeID: "1",
  initiator: contract,
  pubkey: { X: "1", Y: "2" },
  serviceNode: { serviceNodePubkey: "255", serviceNodeSignature1: "0", serviceNodeSignature2: "0", fee: "500" },
  contributors: [
    { staker: { addr: operator, beneficiary: operator }, stakedAmount: "6250000000000" },
    { staker: { addr: friend, beneficiary: friend }, stakedAmount: "18750000000000" },
  ],
});

describe("applyServiceNodeEvent", () => {
  it("registers a multi-contributor node with the first contributor as operator", () => {
    const nodes = new Map<bigint, ServiceNodeRecord>();
    expect(applyServiceNodeEvent(nodes, registration)).toBe(1n);
    expect(nodes.get(1n)).toMatchObject({
      operator,
      fee: 500,
      state: "active",
      totalStaked: 25_000_000_000_000n,
      blsPubkey: `0x${"0".repeat(63)}1${"0".repeat(63)}2`,
      ed25519Pubkey: `${"0".repeat(62)}ff`,
      registeredBlock: 10n,
      contributors: [
        { staker: operator, beneficiary: operator, amount: 6_250_000_000_000n },
        { staker: friend, beneficiary: friend, amount: 18_750_000_000_000n },
      ],
    });
  });

  it("follows exit request then exit, keeping the evidence of each step", () => {
    const nodes = new Map<bigint, ServiceNodeRecord>();
    applyServiceNodeEvent(nodes, registration);
    applyServiceNodeEvent(nodes, event("ServiceNodeExitRequest", { serviceNodeID: "1", initiator: operator, pubkey: { X: "1", Y: "2" } }, 20n));
    expect(nodes.get(1n)).toMatchObject({ state: "exit_requested", exitRequestBlock: 20n });
    applyServiceNodeEvent(nodes, event("ServiceNodeExit", { serviceNodeID: "1", initiator: friend, returnedAmount: "25000000000000", pubkey: { X: "1", Y: "2" } }, 30n));
    expect(nodes.get(1n)).toMatchObject({ state: "exited", endedBlock: 30n, returnedAmount: 25_000_000_000_000n, exitRequestBlock: 20n });
  });

  it("marks a liquidated node without a returned amount", () => {
    const nodes = new Map<bigint, ServiceNodeRecord>();
    applyServiceNodeEvent(nodes, registration);
    applyServiceNodeEvent(nodes, event("ServiceNodeLiquidated", { serviceNodeID: "1", initiator: friend, pubkey: { X: "1", Y: "2" } }, 40n));
    expect(nodes.get(1n)).toMatchObject({ state: "liquidated", endedBlock: 40n, returnedAmount: null });
  });

  it("takes a seeded node's owners from serviceNodes(id)", () => {
    const nodes = new Map<bigint, ServiceNodeRecord>();
    const seededEvent = event("NewSeededServiceNode", { serviceNodeID: "9", blsPubkey: { X: "3", Y: "4" }, ed25519Pubkey: "16" });
    expect(() => applyServiceNodeEvent(nodes, seededEvent)).toThrow(LedgerInconsistencyError);
    applyServiceNodeEvent(nodes, seededEvent, { operator, contributors: [{ staker: operator, beneficiary: operator, amount: 25_000_000_000_000n }] });
    expect(nodes.get(9n)).toMatchObject({ seeded: true, operator, totalStaked: 25_000_000_000_000n, ed25519Pubkey: `${"0".repeat(62)}10` });
  });

  it("refuses events that contradict the stored history", () => {
    const nodes = new Map<bigint, ServiceNodeRecord>();
    expect(() => applyServiceNodeEvent(nodes, event("ServiceNodeExit", { serviceNodeID: "5", initiator: operator, returnedAmount: "0", pubkey: { X: "1", Y: "2" } }))).toThrow(
      /node 5 removed while unknown/,
    );
    applyServiceNodeEvent(nodes, registration);
    expect(() => applyServiceNodeEvent(nodes, registration)).toThrow(/registered twice/);
  });
});
