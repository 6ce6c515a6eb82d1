// oxend's answers carrying the network's aggregate BLS signature (bls_rewards_request,
// bls_exit_liquidation_request), checked field by field and turned into the arguments of
// updateRewardsBalance / exitBLSPublicKeyWithSignature. Used twice: on the server, on oxend's raw
// JSON (read with lossless-json, so uint64 amounts keep every digit), and in the browser, on the
// server route's answer, where the same values arrive as decimal strings.
import { isSafeNumber, parse as parseLosslessJson } from "lossless-json";
import { z } from "zod";

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `must be ${bytes} bytes of lower-case hex`);
/** a uint64/uint256: a JSON number (bigint when read losslessly) or its decimal string */
const uint = z
  .union([z.number().int().nonnegative(), z.bigint().nonnegative(), z.string().regex(/^\d+$/, "must be a whole number")])
  .transform((v) => BigInt(v));

const words = (signature: string) => ({
  sigs0: BigInt(`0x${signature.slice(0, 64)}`),
  sigs1: BigInt(`0x${signature.slice(64, 128)}`),
  sigs2: BigInt(`0x${signature.slice(128, 192)}`),
  sigs3: BigInt(`0x${signature.slice(192, 256)}`),
});

export const rewardsSignatureSchema = z
  .object({
    address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x address"),
    amount: uint,
    height: uint,
    msg_to_sign: z.string().regex(/^[0-9a-f]*$/, "must be hex"),
    signature: hex(128),
    non_signer_indices: z.array(uint),
  })
  .transform((r) => ({
    recipient: r.address.toLowerCase() as `0x${string}`,
    /** the recipient's lifetime amount (rewards and returned stakes) the network vouches for */
    amount: r.amount,
    height: r.height,
    signature: words(r.signature),
    nonSignerIds: r.non_signer_indices,
  }));
export type RewardsSignature = z.output<typeof rewardsSignatureSchema>;

export const exitSignatureSchema = z
  .object({
    bls_pubkey: hex(64),
    signature: hex(128),
    timestamp: uint,
    non_signer_indices: z.array(uint),
  })
  .transform((r) => ({
    blsPubkey: { X: BigInt(`0x${r.bls_pubkey.slice(0, 64)}`), Y: BigInt(`0x${r.bls_pubkey.slice(64)}`) },
    timestamp: r.timestamp,
    signature: words(r.signature),
    nonSignerIds: r.non_signer_indices,
  }));
export type ExitSignature = z.output<typeof exitSignatureSchema>;

export class NetworkSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NetworkSignatureError";
  }
}

/** Reads oxend's JSON-RPC answer text: the result, or a NetworkSignatureError with oxend's own message. */
export function readOxendResult(text: string): unknown {
  let body: unknown;
  try {
    body = parseLosslessJson(text, null, (value) => (isSafeNumber(value) ? Number(value) : BigInt(value)));
  } catch {
    throw new NetworkSignatureError("The Session node answered with something that is not JSON.");
  }
  const envelope = z.object({ result: z.unknown().optional(), error: z.object({ message: z.string() }).optional() }).safeParse(body);
  if (!envelope.success) throw new NetworkSignatureError("The Session node's answer is not a JSON-RPC response.");
  if (envelope.data.error) throw new NetworkSignatureError(`The Session network refused: ${envelope.data.error.message}`);
  if (envelope.data.result === undefined) throw new NetworkSignatureError("The Session node's answer has no result.");
  return envelope.data.result;
}

/** Validates a result with `schema`, naming the first bad field. */
export function parseSignatureResult<T extends z.ZodType>(schema: T, result: unknown): z.output<T> {
  const parsed = schema.safeParse(result);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new NetworkSignatureError(`The network's signature answer is malformed: ${issue?.path.join(".") || "value"} ${issue?.message ?? "is invalid"}.`);
}

/** The same values as JSON-safe strings, for the server route's answer to the browser. */
export function toJsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSafe(v)]));
  return value;
}
