import { describe, expect, it } from "vitest";
import { changedStates, uptimeHours, uptimeSlot, type TrackedNodeState } from "./heartbeat-history";

const state = (key: string, extra: Partial<TrackedNodeState> = {}): TrackedNodeState => ({
  ed25519Pubkey: key,
  active: true,
  funded: true,
  version: "11.5.2",
  publicIp: "198.51.100.1",
  storagePort: 22021,
  swarmId: "42",
  requestedUnlockHeight: 0n,
  ...extra,
});

describe("changedStates", () => {
  it("keeps new nodes and nodes whose tracked state changed, nothing else", () => {
    const previous = new Map([["a", state("a")], ["b", state("b")], ["c", state("c")]]);
    const current = [state("a"), state("b", { version: "11.6.0" }), state("c", { active: false }), state("d")];
    expect(changedStates(previous, current).map((s) => s.ed25519Pubkey)).toEqual(["b", "c", "d"]);
    expect(changedStates(new Map(), [state("x")])).toHaveLength(1);
    expect(changedStates(previous, [state("a", { requestedUnlockHeight: 5n })])).toHaveLength(1);
  });
});

describe("uptime masks", () => {
  it("maps a time to its UTC day and hour bit", () => {
    expect(uptimeSlot(new Date("2026-11-24T00:59:59Z"))).toEqual({ day: new Date("2026-11-24T00:00:00Z"), bit: 1 });
    expect(uptimeSlot(new Date("2026-11-24T23:00:00Z"))).toEqual({ day: new Date("2026-11-24T00:00:00Z"), bit: 1 << 23 });
  });

  it("reads an hour as down when any poll saw the node down", () => {
    const hours = uptimeHours(0b111, 0b100);
    expect(hours.slice(0, 4)).toEqual(["up", "up", "down", "unknown"]);
    expect(hours).toHaveLength(24);
  });
});
