// A WalletConnect relay for tests and the offline devnet: the WebSocket JSON-RPC of
// relay.walletconnect.org, small enough to read. It routes end-to-end encrypted envelopes by topic
// and never looks inside them. The auth token in the URL is read only for the client's key (to
// tell clients apart across reconnects), never verified: this relay must not face the internet.
import { randomBytes } from "node:crypto";
import { WebSocketServer, type WebSocket } from "ws";
import { RelayMailbox, type Delivery, type RelayMessage } from "./relay-mailbox";
import { parseRelayFrame, RelayRequestError, SESSION_TAGS, type RelayRequest } from "./relay-requests";
import { assertPortFree } from "../port-check";

export interface WalletConnectRelay {
  /** ws:// URL to give as WalletConnect's relayUrl */
  url: string;
  /** every request the relay answered, by method: tests check what the clients really sent */
  methodCounts(): Record<string, number>;
  stop(): Promise<void>;
}

/** The `iss` (the client's did:key) of a WalletConnect auth JWT, unverified; undefined if absent. */
export function authIssuer(requestUrl: string): string | undefined {
  const token = new URL(requestUrl, "ws://relay.invalid").searchParams.get("auth");
  const payload = token?.split(".")[1];
  if (!payload) return undefined;
  try {
    const iss = (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { iss?: unknown }).iss;
    return typeof iss === "string" ? iss : undefined;
  } catch {
    return undefined;
  }
}

export async function startWalletConnectRelay(opts: { port: number; host?: string; log?: (line: string) => void }): Promise<WalletConnectRelay> {
  const host = opts.host ?? "127.0.0.1";
  await assertPortFree(opts.port, "WalletConnect relay", "WALLETCONNECT_RELAY_URL");
  const mailbox = new RelayMailbox(Date.now, () => randomBytes(32).toString("hex"));
  const sockets = new Map<string, Set<WebSocket>>();
  const counts: Record<string, number> = {};
  let pushId = Date.now() * 1000;

  const push = (deliveries: Delivery[]) => {
    for (const { client, subscriptionId, message } of deliveries) {
      const frame = JSON.stringify({ id: pushId++, jsonrpc: "2.0", method: "irn_subscription", params: { id: subscriptionId, data: message } });
      for (const socket of sockets.get(client) ?? []) socket.send(frame);
    }
  };

  const answer = (client: string, request: RelayRequest): { result: unknown; after?: Delivery[] } => {
    const publish = (topic: string, message: string, ttlSeconds: number, tag: number, attestation?: string) =>
      mailbox.publish(client, { topic, message, ttlSeconds, tag, ...(attestation !== undefined ? { attestation } : {}) });
    switch (request.method) {
      case "irn_subscribe": {
        const { subscriptionId, waiting } = mailbox.subscribe(client, request.params.topic);
        return { result: subscriptionId, after: waiting };
      }
      case "irn_batchSubscribe": {
        const subscribed = request.params.topics.map((t) => mailbox.subscribe(client, t));
        return { result: subscribed.map((s) => s.subscriptionId), after: subscribed.flatMap((s) => s.waiting) };
      }
      case "irn_unsubscribe":
        mailbox.unsubscribe(client, request.params.topic);
        return { result: true };
      case "irn_batchUnsubscribe":
        for (const s of request.params.subscriptions) mailbox.unsubscribe(client, s.topic);
        return { result: true };
      case "irn_publish": {
        const p = request.params;
        return { result: true, after: publish(p.topic, p.message, p.ttl, p.tag, p.attestation) };
      }
      case "irn_batchPublish":
        return { result: true, after: request.params.messages.flatMap((p) => publish(p.topic, p.message, p.ttl, p.tag, p.attestation)) };
      case "irn_batchFetchMessages": {
        const messages: RelayMessage[] = mailbox.fetch(client, request.params.topics);
        return { result: { messages, hasMore: false } };
      }
      // The two session methods subscribe their sender too: the clients send no irn_subscribe for
      // these topics and wait for the answer on them (without this, the dapp hears the wallet's
      // answer only when it reconnects, ~35 s later).
      case "wc_proposeSession": {
        const p = request.params;
        const { waiting } = mailbox.subscribe(client, p.pairingTopic);
        return { result: true, after: [...waiting, ...publish(p.pairingTopic, p.sessionProposal, p.ttl, SESSION_TAGS.proposal, p.attestation)] };
      }
      case "wc_approveSession": {
        const p = request.params;
        const { waiting } = mailbox.subscribe(client, p.sessionTopic);
        return {
          result: true,
          after: [
            ...waiting,
            ...publish(p.pairingTopic, p.sessionProposalResponse, p.ttl, SESSION_TAGS.proposalResponse),
            ...publish(p.sessionTopic, p.sessionSettlementRequest, p.ttl, SESSION_TAGS.settlement),
          ],
        };
      }
    }
  };

  const server = new WebSocketServer({ host, port: opts.port });
  let anonymous = 0;
  server.on("connection", (socket, req) => {
    const client = authIssuer(req.url ?? "") ?? `anonymous-${++anonymous}`;
    let set = sockets.get(client);
    if (!set) sockets.set(client, (set = new Set()));
    set.add(socket);
    socket.on("close", () => set.delete(socket));
    socket.on("message", (data) => {
      let id: number | string | null = null;
      try {
        const frame = parseRelayFrame(data.toString());
        if (frame.kind === "response") return;
        id = frame.request.id;
        counts[frame.request.method] = (counts[frame.request.method] ?? 0) + 1;
        const { result, after } = answer(client, frame.request);
        socket.send(JSON.stringify({ id, jsonrpc: "2.0", result }));
        // After the answer: a client ignores messages for a subscription it has not been told of.
        if (after?.length) setImmediate(() => push(after));
      } catch (error) {
        const e = error instanceof RelayRequestError ? error : new RelayRequestError(id, -32603, (error as Error).message);
        opts.log?.(`walletconnect relay: ${e.message}`);
        socket.send(JSON.stringify({ id: e.id ?? id, jsonrpc: "2.0", error: { code: e.code, message: e.message } }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return {
    url: `ws://${host}:${opts.port}`,
    methodCounts: () => ({ ...counts }),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of server.clients) socket.terminate();
        server.close(() => resolve());
      }),
  };
}
