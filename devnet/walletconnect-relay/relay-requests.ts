// The WalletConnect relay's JSON-RPC, as @walletconnect/core 2.25 speaks it (method names from
// @walletconnect/relay-api's "irn" protocol; the two session methods from sign-client's
// publishCustom), validated so a malformed request gets an error naming the bad field.
import { z } from "zod";

const topic = z.string().regex(/^[0-9a-f]{64}$/, "topic must be 64 lower-case hex characters");
const envelope = z.string().min(1, "message must be a non-empty (base64) envelope");
/** TTLs WalletConnect uses run from 5 minutes to 30 days; the relay refuses anything beyond. */
const ttl = z.number().int().positive().max(30 * 86_400, "ttl must be at most 30 days (in seconds)");
const publish = z.object({ topic, message: envelope, ttl, tag: z.number().int().nonnegative().default(0), prompt: z.boolean().optional(), attestation: z.string().optional() }).passthrough();

export const relayRequestSchemas = {
  irn_subscribe: z.object({ topic }),
  irn_batchSubscribe: z.object({ topics: z.array(topic).max(500) }),
  irn_unsubscribe: z.object({ topic, id: z.string().min(1) }),
  irn_batchUnsubscribe: z.object({ subscriptions: z.array(z.object({ topic, id: z.string().min(1) })).max(500) }),
  irn_publish: publish,
  irn_batchPublish: z.object({ messages: z.array(publish).max(500) }),
  irn_batchFetchMessages: z.object({ topics: z.array(topic).max(500) }),
  // The dapp's proposal goes to the pairing topic (the wallet learnt it from the URI).
  wc_proposeSession: z.object({ pairingTopic: topic, sessionProposal: envelope, ttl, attestation: z.string().optional() }).passthrough(),
  // The wallet's answer goes to the pairing topic, its session settlement to the new session topic.
  wc_approveSession: z.object({ pairingTopic: topic, sessionTopic: topic, sessionProposalResponse: envelope, sessionSettlementRequest: envelope, ttl }).passthrough(),
} as const;

export type RelayMethod = keyof typeof relayRequestSchemas;
export type RelayRequest = { [M in RelayMethod]: { id: number | string; method: M; params: z.output<(typeof relayRequestSchemas)[M]> } }[RelayMethod];

export class RelayRequestError extends Error {
  constructor(readonly id: number | string | null, readonly code: number, message: string) {
    super(message);
    this.name = "RelayRequestError";
  }
}

const envelopeSchema = z.object({ id: z.union([z.number(), z.string()]), jsonrpc: z.literal("2.0").optional(), method: z.string(), params: z.unknown() });

/** A frame from a client: a request to answer, a response to one of ours (ignored), or an error. */
export function parseRelayFrame(text: string): { kind: "request"; request: RelayRequest } | { kind: "response" } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new RelayRequestError(null, -32700, "Parse error: the frame is not JSON");
  }
  if (raw && typeof raw === "object" && !("method" in raw) && ("result" in raw || "error" in raw)) return { kind: "response" };
  const frame = envelopeSchema.safeParse(raw);
  if (!frame.success) throw new RelayRequestError(null, -32600, "Invalid request: expected a JSON-RPC 2.0 request with id and method");
  const { id, method, params } = frame.data;
  if (!(method in relayRequestSchemas)) throw new RelayRequestError(id, -32601, `Method not found: ${method}`);
  const parsed = relayRequestSchemas[method as RelayMethod].safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RelayRequestError(id, -32602, `Invalid params for ${method}: ${issue ? `${issue.path.join(".") || "params"}: ${issue.message}` : "bad params"}`);
  }
  return { kind: "request", request: { id, method, params: parsed.data } as RelayRequest };
}

/** Session proposal / response / settlement tags, as sign-client's engine would have published them. */
export const SESSION_TAGS = { proposal: 1100, proposalResponse: 1101, settlement: 1102 } as const;
