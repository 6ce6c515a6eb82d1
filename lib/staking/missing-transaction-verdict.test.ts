import { describe, expect, it } from "vitest";
import { missingTransactionVerdict, replacementKind } from "./missing-transaction-verdict";

const threshold = { ms: 20_000, blocks: 3n };
const since = { ms: 1_000_000, block: 100n };

describe("missingTransactionVerdict", () => {
  it("calls it replaced as soon as the sender's mined nonce passed the transaction's", () => {
    expect(missingTransactionVerdict({ nonce: 7, minedNonce: 8, missingSince: since, now: { ms: since.ms + 1, block: 100n } }, threshold)).toBe("replaced");
  });

  it("waits while the nonce is unused and the transaction has not been missing long enough", () => {
    // The very nonce mined is the next to use: 7 mined means nonces 0..6 are taken.
    expect(missingTransactionVerdict({ nonce: 7, minedNonce: 7, missingSince: since, now: { ms: since.ms + 19_999, block: 110n } }, threshold)).toBe("wait");
    // Long enough in time, but the chain produced only 2 blocks: an RPC hiccup or a stalled chain.
    expect(missingTransactionVerdict({ nonce: 7, minedNonce: 7, missingSince: since, now: { ms: since.ms + 60_000, block: 102n } }, threshold)).toBe("wait");
  });

  it("calls it dropped after the time and the blocks both passed with the nonce unused", () => {
    expect(missingTransactionVerdict({ nonce: 7, minedNonce: 7, missingSince: since, now: { ms: since.ms + 20_000, block: 103n } }, threshold)).toBe("dropped");
  });

  it("never calls a transaction the chain never showed replaced: its nonce is unknown", () => {
    expect(missingTransactionVerdict({ minedNonce: 50, missingSince: since, now: { ms: since.ms + 1_000, block: 101n } }, threshold)).toBe("wait");
    expect(missingTransactionVerdict({ minedNonce: 50, missingSince: since, now: { ms: since.ms + 25_000, block: 105n } }, threshold)).toBe("dropped");
  });
});

describe("replacementKind", () => {
  const from = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  const original = { from, to: "0x000000000000000000000000000000000000dEaD", value: 0n, input: "0x095ea7b3" };

  it("a speed-up (same call, case aside) is repriced", () => {
    expect(replacementKind(original, { ...original, to: original.to.toLowerCase() })).toBe("repriced");
  });

  it("nothing sent to oneself is a cancel", () => {
    expect(replacementKind(original, { from, to: from.toLowerCase(), value: 0n, input: "0x" })).toBe("cancelled");
  });

  it("another call or another value is a replacement", () => {
    expect(replacementKind(original, { ...original, input: "0x095ea7b4" })).toBe("replaced");
    expect(replacementKind(original, { ...original, value: 1n })).toBe("replaced");
    expect(replacementKind(original, { from, to: from, value: 5n, input: "0x" })).toBe("replaced");
  });
});
