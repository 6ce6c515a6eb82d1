import type { JsonArgValue } from "../events/decode-session-log";

export type ServiceNodeLifecycle = "active" | "exit_requested" | "exited" | "liquidated";

/** Still in the contract's list, its stake locked: active or waiting for its exit. */
export const isLiveNode = (state: ServiceNodeLifecycle) => state === "active" || state === "exit_requested";

export interface NodeContributionRecord {
  staker: string;
  beneficiary: string;
  amount: bigint;
}

/** A node as ServiceNodeRewards' events describe it; mirrors the ServiceNode table. */
export interface ServiceNodeRecord {
  id: bigint;
  blsPubkey: string;
  ed25519Pubkey: string;
  operator: string;
  fee: number;
  state: ServiceNodeLifecycle;
  seeded: boolean;
  totalStaked: bigint;
  registeredBlock: bigint;
  registeredTx: string;
  registeredAt: Date;
  exitRequestedAt: Date | null;
  exitRequestBlock: bigint | null;
  exitRequestTx: string | null;
  endedAt: Date | null;
  endedBlock: bigint | null;
  endedTx: string | null;
  returnedAmount: bigint | null;
  contributors: NodeContributionRecord[];
}

export interface LedgerEvent {
  eventName: string;
  args: Record<string, JsonArgValue>;
  blockNumber: bigint;
  blockTime: Date;
  txHash: string;
}

/** What `serviceNodes(id)` returned for a seeded node: its event carries no owners. */
export interface SeededNodeDetails {
  operator: string;
  contributors: NodeContributionRecord[];
}

export class LedgerInconsistencyError extends Error {
  constructor(message: string, event: LedgerEvent) {
    super(`${message} (${event.eventName} in tx ${event.txHash}, block ${event.blockNumber})`);
    this.name = "LedgerInconsistencyError";
  }
}

const str = (v: JsonArgValue | undefined): string => {
  if (typeof v !== "string") throw new TypeError(`expected a string argument, got ${JSON.stringify(v)}`);
  return v;
};
const obj = (v: JsonArgValue | undefined): Record<string, JsonArgValue> => {
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new TypeError(`expected a struct argument, got ${JSON.stringify(v)}`);
  return v;
};

/** 0x + X + Y, each 32 bytes: the form oxend's pubkey_bls uses too. */
export function blsPubkeyHex(point: JsonArgValue | undefined): string {
  const p = obj(point);
  return `0x${BigInt(str(p.X)).toString(16).padStart(64, "0")}${BigInt(str(p.Y)).toString(16).padStart(64, "0")}`;
}

/** The contract stores the 32-byte ed25519 key as a big-endian uint256. */
export function ed25519PubkeyHex(value: JsonArgValue | undefined): string {
  return BigInt(str(value)).toString(16).padStart(64, "0");
}

function contributorsFrom(value: JsonArgValue | undefined): NodeContributionRecord[] {
  if (!Array.isArray(value)) throw new TypeError("expected a contributors array");
  return value.map((c) => {
    const contributor = obj(c);
    const staker = obj(contributor.staker);
    return { staker: str(staker.addr), beneficiary: str(staker.beneficiary), amount: BigInt(str(contributor.stakedAmount)) };
  });
}

const sum = (contributors: NodeContributionRecord[]) => contributors.reduce((t, c) => t + c.amount, 0n);

/** ServiceNodeRewards events that change a node; the rest (settings, rewards) do not. */
export const serviceNodeEventNames = new Set([
  "NewServiceNodeV2",
  "NewSeededServiceNode",
  "ServiceNodeExitRequest",
  "ServiceNodeExit",
  "ServiceNodeLiquidated",
]);

/**
 * Applies one ServiceNodeRewards event to `nodes` (the nodes it may touch, keyed by id) and
 * returns the id it changed. Events must come in chain order.
 */
export function applyServiceNodeEvent(
  nodes: Map<bigint, ServiceNodeRecord>,
  event: LedgerEvent,
  seeded?: SeededNodeDetails,
): bigint {
  const id = BigInt(str(event.args.serviceNodeID));
  const existing = nodes.get(id);
  switch (event.eventName) {
    case "NewServiceNodeV2":
    case "NewSeededServiceNode": {
      if (existing && existing.state !== "exited" && existing.state !== "liquidated") {
        throw new LedgerInconsistencyError(`node ${id} registered twice`, event);
      }
      const isSeeded = event.eventName === "NewSeededServiceNode";
      if (isSeeded && !seeded) throw new LedgerInconsistencyError(`seeded node ${id} needs serviceNodes(${id}) details`, event);
      const contributors = isSeeded ? seeded!.contributors : contributorsFrom(event.args.contributors);
      const serviceNode = isSeeded ? undefined : obj(event.args.serviceNode);
      // The operator is the first contributor: a node registered through a contribution
      // contract has that contract, not the operator, as `initiator`.
      const operator = isSeeded ? seeded!.operator : (contributors[0]?.staker ?? str(event.args.initiator));
      nodes.set(id, {
        id,
        blsPubkey: blsPubkeyHex(isSeeded ? event.args.blsPubkey : event.args.pubkey),
        ed25519Pubkey: ed25519PubkeyHex(isSeeded ? event.args.ed25519Pubkey : serviceNode!.serviceNodePubkey),
        operator,
        fee: serviceNode ? Number(str(serviceNode.fee)) : 0,
        state: "active",
        seeded: isSeeded,
        totalStaked: sum(contributors),
        registeredBlock: event.blockNumber,
        registeredTx: event.txHash,
        registeredAt: event.blockTime,
        exitRequestedAt: null,
        exitRequestBlock: null,
        exitRequestTx: null,
        endedAt: null,
        endedBlock: null,
        endedTx: null,
        returnedAmount: null,
        contributors,
      });
      return id;
    }
    case "ServiceNodeExitRequest": {
      if (!existing || existing.state !== "active") {
        throw new LedgerInconsistencyError(`exit requested for node ${id} in state ${existing?.state ?? "unknown"}`, event);
      }
      nodes.set(id, { ...existing, state: "exit_requested", exitRequestedAt: event.blockTime, exitRequestBlock: event.blockNumber, exitRequestTx: event.txHash });
      return id;
    }
    case "ServiceNodeExit":
    case "ServiceNodeLiquidated": {
      if (!existing || existing.state === "exited" || existing.state === "liquidated") {
        throw new LedgerInconsistencyError(`node ${id} removed while ${existing?.state ?? "unknown"}`, event);
      }
      const exited = event.eventName === "ServiceNodeExit";
      nodes.set(id, {
        ...existing,
        state: exited ? "exited" : "liquidated",
        endedAt: event.blockTime,
        endedBlock: event.blockNumber,
        endedTx: event.txHash,
        returnedAmount: exited ? BigInt(str(event.args.returnedAmount)) : null,
      });
      return id;
    }
    default:
      throw new TypeError(`${event.eventName} does not change a node`);
  }
}
