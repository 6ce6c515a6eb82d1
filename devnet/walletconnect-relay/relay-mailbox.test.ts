import { describe, expect, it } from "vitest";
import { RelayMailbox } from "./relay-mailbox";

const topic = "a".repeat(64);
const other = "b".repeat(64);

describe("RelayMailbox", () => {
  it("delivers a message to the topic's other subscribers at once, never back to its publisher", () => {
    const box = new RelayMailbox(() => 1_000);
    const dapp = box.subscribe("dapp", topic).subscriptionId;
    const wallet = box.subscribe("wallet", topic).subscriptionId;
    const deliveries = box.publish("dapp", { topic, message: "m1", ttlSeconds: 300, tag: 1100 });
    expect(deliveries).toEqual([{ client: "wallet", subscriptionId: wallet, message: { topic, message: "m1", publishedAt: 1_000, tag: 1100 } }]);
    expect(dapp).not.toBe(wallet);
    // Already delivered: a fetch does not return it again.
    expect(box.fetch("wallet", [topic])).toEqual([]);
    expect(box.fetch("dapp", [topic])).toEqual([]);
  });

  it("keeps a message for a client that subscribes later (the wallet after scanning the QR code)", () => {
    const box = new RelayMailbox(() => 5);
    box.publish("dapp", { topic, message: "proposal", ttlSeconds: 300, tag: 1100, attestation: "jwt" });
    const { waiting } = box.subscribe("wallet", topic);
    expect(waiting.map((d) => d.message)).toEqual([{ topic, message: "proposal", publishedAt: 5, tag: 1100, attestation: "jwt" }]);
    expect(box.subscribe("wallet", topic).waiting).toEqual([]);
  });

  it("returns the same subscription id to a client subscribing twice, and stops delivering after unsubscribe", () => {
    const box = new RelayMailbox(() => 0);
    const first = box.subscribe("wallet", topic).subscriptionId;
    expect(box.subscribe("wallet", topic).subscriptionId).toBe(first);
    expect(box.unsubscribe("wallet", topic)).toBe(true);
    expect(box.publish("dapp", { topic, message: "late", ttlSeconds: 60, tag: 0 })).toEqual([]);
    // Still in the mailbox: fetching is how a client catches up.
    expect(box.fetch("wallet", [topic, other]).map((m) => m.message)).toEqual(["late"]);
  });

  it("forgets messages once their TTL is over", () => {
    let now = 0;
    const box = new RelayMailbox(() => now);
    box.publish("dapp", { topic, message: "short", ttlSeconds: 10, tag: 0 });
    box.publish("dapp", { topic: other, message: "long", ttlSeconds: 100, tag: 0 });
    expect(box.size()).toBe(2);
    now = 10_000;
    expect(box.size()).toBe(1);
    expect(box.fetch("wallet", [topic, other]).map((m) => m.message)).toEqual(["long"]);
  });
});
