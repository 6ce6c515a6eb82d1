import { z } from "zod";
import { parseJsonWithBigInts } from "./parse-json-with-bigints";

/**
 * One node as oxend's `get_service_nodes` reports it. Only `pubkeyEd25519` is certain: a node
 * answers with the fields it was asked for, and older nodes omit some (`is_removable`,
 * `is_liquidatable`), so every other field is optional here and checked when present.
 */
export interface ServiceNodeState {
  pubkeyEd25519: string;
  serviceNodePubkey?: string;
  pubkeyBls?: string;
  pubkeyX25519?: string;
  operatorAddress?: string;
  operatorFee?: number;
  contributors?: { address: string; beneficiary?: string; amount: bigint; reserved: bigint }[];
  totalContributed?: bigint;
  totalReserved?: bigint;
  stakingRequirement?: bigint;
  active?: boolean;
  funded?: boolean;
  stateHeight?: bigint;
  requestedUnlockHeight?: bigint;
  lastRewardBlockHeight?: bigint;
  earnedDowntimeBlocks?: number;
  /** unix seconds of the last uptime proof; 0 means none yet */
  lastUptimeProof?: number;
  /** "major.minor.patch" */
  serviceNodeVersion?: string;
  /** uint64, as a decimal string: JSON numbers would round it */
  swarmId?: string;
  publicIp?: string;
  storagePort?: number;
  storageLmqPort?: number;
  quorumnetPort?: number;
  isRemovable?: boolean;
  isLiquidatable?: boolean;
}

export interface ServiceNodeStatesResult {
  height: bigint;
  nodes: ServiceNodeState[];
  /** entries that could not be used, with why: counted and logged, never stored */
  rejected: { index: number; reason: string }[];
}

export class OxendResponseError extends Error {
  constructor(message: string) {
    super(`get_service_nodes: ${message}`);
    this.name = "OxendResponseError";
  }
}

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `must be ${bytes} bytes of lower-case hex`);
const uint = z.union([z.number().int().nonnegative(), z.bigint().nonnegative()]).transform((v) => BigInt(v));
const smallUint = z.number().int().nonnegative();
const port = z.number().int().min(0).max(65_535);
const ethAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x address").transform((v) => v.toLowerCase());

const contributorSchema = z.object({
  address: ethAddress,
  beneficiary: ethAddress.optional(),
  amount: uint,
  reserved: uint.optional(),
});

// Field name in oxend's JSON → [our name, validator]. Unknown fields are ignored.
const fieldSchemas = {
  service_node_pubkey: ["serviceNodePubkey", hex(32)],
  pubkey_bls: ["pubkeyBls", hex(64)],
  pubkey_x25519: ["pubkeyX25519", hex(32)],
  operator_address: ["operatorAddress", ethAddress],
  operator_fee: ["operatorFee", z.number().int().min(0).max(10_000)],
  contributors: ["contributors", z.array(contributorSchema).max(10)],
  total_contributed: ["totalContributed", uint],
  total_reserved: ["totalReserved", uint],
  staking_requirement: ["stakingRequirement", uint],
  active: ["active", z.boolean()],
  funded: ["funded", z.boolean()],
  state_height: ["stateHeight", uint],
  requested_unlock_height: ["requestedUnlockHeight", uint],
  last_reward_block_height: ["lastRewardBlockHeight", uint],
  earned_downtime_blocks: ["earnedDowntimeBlocks", smallUint],
  last_uptime_proof: ["lastUptimeProof", smallUint],
  service_node_version: ["serviceNodeVersion", z.array(smallUint).length(3).transform((v) => v.join("."))],
  swarm_id: ["swarmId", uint.transform((v) => v.toString())],
  public_ip: ["publicIp", z.ipv4()],
  storage_port: ["storagePort", port],
  storage_lmq_port: ["storageLmqPort", port],
  quorumnet_port: ["quorumnetPort", port],
  is_removable: ["isRemovable", z.boolean()],
  is_liquidatable: ["isLiquidatable", z.boolean()],
} as const satisfies Record<string, readonly [keyof ServiceNodeState, z.ZodType]>;

/** Every field the explorer asks oxend for. */
export const requestedServiceNodeFields = Object.fromEntries(
  ["pubkey_ed25519", ...Object.keys(fieldSchemas)].map((f) => [f, true]),
) as Record<string, true>;

function parseEntry(raw: unknown): ServiceNodeState | string {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "not an object";
  const entry = raw as Record<string, unknown>;
  const key = hex(32).safeParse(entry.pubkey_ed25519);
  if (!key.success) return `pubkey_ed25519 ${key.error.issues[0]?.message ?? "is invalid"}`;
  const node: Record<string, unknown> = { pubkeyEd25519: key.data };
  for (const [field, [name, schema]] of Object.entries(fieldSchemas)) {
    if (entry[field] === undefined || entry[field] === null) continue;
    const value = (schema as z.ZodType).safeParse(entry[field]);
    // One bad field makes the whole entry untrustworthy: keep the last good state instead.
    if (!value.success) return `${field} ${value.error.issues[0]?.message ?? "is invalid"}`;
    node[name] = value.data;
  }
  if (Array.isArray(node.contributors)) {
    node.contributors = (node.contributors as { reserved?: bigint }[]).map((c) => ({ ...c, reserved: c.reserved ?? 0n }));
  }
  return node as unknown as ServiceNodeState;
}

/**
 * Parses the body of a `get_service_nodes` JSON-RPC response (the whole envelope or only its
 * `result`). Integers beyond 2^53 (swarm ids, heights) are kept exact.
 */
export function parseServiceNodeStates(body: string): ServiceNodeStatesResult {
  let json: unknown;
  try {
    json = parseJsonWithBigInts(body);
  } catch (error) {
    throw new OxendResponseError(`response is not JSON (${(error as Error).message})`);
  }
  if (typeof json !== "object" || json === null) throw new OxendResponseError("response is not a JSON object");
  const envelope = json as Record<string, unknown>;
  if (envelope.error !== undefined) {
    const err = envelope.error as { message?: unknown };
    throw new OxendResponseError(`node returned an error: ${String(err?.message ?? JSON.stringify(err))}`);
  }
  const result = (envelope.result ?? envelope) as Record<string, unknown>;
  if (!Array.isArray(result.service_node_states)) throw new OxendResponseError("result has no service_node_states array");
  const height = uint.safeParse(result.height);
  if (!height.success) throw new OxendResponseError("result has no valid height");

  const nodes: ServiceNodeState[] = [];
  const rejected: { index: number; reason: string }[] = [];
  const seen = new Set<string>();
  result.service_node_states.forEach((raw, index) => {
    const parsed = parseEntry(raw);
    if (typeof parsed === "string") rejected.push({ index, reason: parsed });
    else if (seen.has(parsed.pubkeyEd25519)) rejected.push({ index, reason: `duplicate pubkey_ed25519 ${parsed.pubkeyEd25519}` });
    else {
      seen.add(parsed.pubkeyEd25519);
      nodes.push(parsed);
    }
  });
  return { height: height.data, nodes, rejected };
}
