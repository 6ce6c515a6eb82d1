/** What the explorer keeps the history of, per node: a new row whenever any of it changes. */
export interface TrackedNodeState {
  ed25519Pubkey: string;
  active: boolean;
  funded: boolean;
  version: string;
  publicIp: string;
  storagePort: number;
  swarmId: string;
  requestedUnlockHeight: bigint;
}

const sameState = (a: TrackedNodeState, b: TrackedNodeState) =>
  a.active === b.active &&
  a.funded === b.funded &&
  a.version === b.version &&
  a.publicIp === b.publicIp &&
  a.storagePort === b.storagePort &&
  a.swarmId === b.swarmId &&
  a.requestedUnlockHeight === b.requestedUnlockHeight;

/** The states of `current` that differ from what `previous` last recorded (new nodes included). */
export function changedStates(previous: Map<string, TrackedNodeState>, current: TrackedNodeState[]): TrackedNodeState[] {
  return current.filter((state) => {
    const before = previous.get(state.ed25519Pubkey);
    return before === undefined || !sameState(before, state);
  });
}

/** The UTC day (midnight) and the bit of its hour in a 24-bit hourly mask. */
export function uptimeSlot(at: Date): { day: Date; bit: number } {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return { day, bit: 1 << at.getUTCHours() };
}

/** Hours of a day's masks: up (seen active, never down), down (seen down), unknown (not polled). */
export function uptimeHours(activeHours: number, inactiveHours: number): ("up" | "down" | "unknown")[] {
  return Array.from({ length: 24 }, (_, h) => {
    const bit = 1 << h;
    if (inactiveHours & bit) return "down";
    return activeHours & bit ? "up" : "unknown";
  });
}
