// The relay between WalletConnect's real clients: a dapp (sign-client, as the app's connector uses
// it underneath) and the test "phone wallet", both from npm, both talking only to this relay.
import { SignClient } from "@walletconnect/sign-client";
import { verifyMessage, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startPhoneWallet, type PhoneWallet } from "../../test-support/walletconnect-phone-wallet";
import { findFreePort } from "../port-check";
import { authIssuer, startWalletConnectRelay, type WalletConnectRelay } from "./walletconnect-relay";

const projectId = "0123456789abcdef0123456789abcdef";
let relay: WalletConnectRelay;
let phone: PhoneWallet;

beforeAll(async () => {
  relay = await startWalletConnectRelay({ port: await findFreePort() });
  phone = await startPhoneWallet({ relayUrl: relay.url, projectId, chainId: 31337, privateKey: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6" });
});
afterAll(async () => {
  await phone?.stop();
  await relay?.stop();
});

/** One raw request over a fresh socket: what a client that gets the protocol wrong is told. */
async function rawRequest(frame: string): Promise<{ id: unknown; result?: unknown; error?: { code: number; message: string } }> {
  const socket = new WebSocket(`${relay.url}/?auth=x.${Buffer.from(JSON.stringify({ iss: "did:key:raw" })).toString("base64url")}.y`);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  const reply = new Promise<string>((resolve) => socket.once("message", (data: WebSocket.RawData) => resolve(data.toString())));
  socket.send(frame);
  const parsed = JSON.parse(await reply) as { id: unknown; result?: unknown; error?: { code: number; message: string } };
  socket.close();
  return parsed;
}

describe("WalletConnect relay", () => {
  it("pairs a dapp and a wallet, settles a session on the devnet chain and carries a signing request both ways", async () => {
    const dapp = await SignClient.init({
      projectId,
      relayUrl: relay.url,
      customStoragePrefix: "relay-test-dapp",
      telemetryEnabled: false,
      logger: "error",
      metadata: { name: "Relay test dapp", description: "dapp side", url: "http://127.0.0.1", icons: [] },
    });
    try {
      const { uri, approval } = await dapp.connect({ optionalNamespaces: { eip155: { chains: ["eip155:31337"], methods: ["personal_sign"], events: ["accountsChanged"] } } });
      expect(uri).toMatch(/^wc:[0-9a-f]{64}@2\?/);
      const [paired, session] = await Promise.all([phone.pair(uri!), approval()]);
      expect(paired.peerName).toBe("Relay test dapp");
      expect(session.topic).toBe(paired.topic);
      expect(session.namespaces.eip155?.accounts).toEqual([`eip155:31337:${phone.address}`]);

      const message = "0x" + Buffer.from("Session devnet").toString("hex");
      const signature = await dapp.request<Hex>({ topic: session.topic, chainId: "eip155:31337", request: { method: "personal_sign", params: [message, phone.address] } });
      expect(await verifyMessage({ address: phone.address, message: { raw: message as Hex }, signature })).toBe(true);
      expect(phone.requests.at(-1)).toEqual({ method: "personal_sign", params: [message, phone.address] });

      const counts = relay.methodCounts();
      // What @walletconnect/core 2.25 really sends: the session methods, then ordinary publishes.
      expect(counts.wc_proposeSession).toBe(1);
      expect(counts.wc_approveSession).toBe(1);
      expect(counts.irn_publish).toBeGreaterThanOrEqual(2);
      expect((counts.irn_subscribe ?? 0) + (counts.irn_batchSubscribe ?? 0)).toBeGreaterThanOrEqual(2);
    } finally {
      await dapp.core.relayer.transportClose().catch(() => {});
    }
  });

  it("answers malformed frames with JSON-RPC errors that name the problem", async () => {
    expect((await rawRequest("not json")).error).toEqual({ code: -32700, message: "Parse error: the frame is not JSON" });
    expect((await rawRequest(JSON.stringify({ id: 1, jsonrpc: "2.0", method: "irn_nope", params: {} }))).error).toEqual({ code: -32601, message: "Method not found: irn_nope" });
    const bad = await rawRequest(JSON.stringify({ id: 2, jsonrpc: "2.0", method: "irn_publish", params: { topic: "xyz", message: "m", ttl: 300 } }));
    expect(bad).toMatchObject({ id: 2, error: { code: -32602, message: "Invalid params for irn_publish: topic: topic must be 64 lower-case hex characters" } });
    const ok = await rawRequest(JSON.stringify({ id: 3, jsonrpc: "2.0", method: "irn_subscribe", params: { topic: "c".repeat(64) } }));
    expect(ok).toMatchObject({ id: 3, result: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("reads the client's key from the auth token without trusting it", () => {
    const token = `h.${Buffer.from(JSON.stringify({ iss: "did:key:z6Mk" })).toString("base64url")}.s`;
    expect(authIssuer(`/?auth=${token}&projectId=x`)).toBe("did:key:z6Mk");
    expect(authIssuer("/?projectId=x")).toBeUndefined();
    expect(authIssuer("/?auth=garbage")).toBeUndefined();
  });
});
