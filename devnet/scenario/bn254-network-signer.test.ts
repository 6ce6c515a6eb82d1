import { bn254 } from "@noble/curves/bn254.js";
import { encodePacked } from "viem";
import { describe, expect, it } from "vitest";
import { bn254NetworkSigner, contractTag } from "./bn254-network-signer";
import type { BlsSignature, G1Point } from "./scenario-signer";

const rewards = "0x00000000000000000000000000000000000000cc" as const;
const signer = bn254NetworkSigner({ seed: "test", chainId: 31337, rewardsContract: rewards });
const G1 = bn254.G1.Point;
const G2 = bn254.G2.Point;
const Fp2 = bn254.fields.Fp2;

const g1 = (p: G1Point) => G1.fromAffine({ x: p.X, y: p.Y });
const g2 = (s: BlsSignature) => G2.fromAffine({ x: Fp2.create({ c0: s.sigs1, c1: s.sigs0 }), y: Fp2.create({ c0: s.sigs3, c1: s.sigs2 }) });

/** The contract's check: e(h·pk, G2) == e(G1, sig). */
function verifies(pubkey: G1Point, message: `0x${string}`, signature: BlsSignature): boolean {
  const h = signer.messageScalar(message);
  return bn254.fields.Fp12.eql(bn254.pairing(g1(pubkey).multiply(h), G2.BASE), bn254.pairing(G1.BASE, g2(signature)));
}

describe("bn254NetworkSigner", () => {
  it("derives the same keys from the same seed and index, distinct across indexes", () => {
    const again = bn254NetworkSigner({ seed: "test", chainId: 31337, rewardsContract: rewards });
    expect(again.nodeKeys(3)).toEqual(signer.nodeKeys(3));
    expect(signer.nodeKeys(4).blsPubkey).not.toEqual(signer.nodeKeys(3).blsPubkey);
    expect(signer.nodeKeys(3).ed25519Pubkey < 2n ** 256n).toBe(true);
  });

  it("signs a proof of possession that verifies under the node's key only", () => {
    const caller = "0x00000000000000000000000000000000000000aa" as const;
    const k = signer.nodeKeys(1);
    const tag = contractTag("BLS_SIG_TRYANDINCREMENT_POP", 31337, rewards);
    const message = encodePacked(["bytes32", "uint256", "uint256", "address", "uint256"], [tag, k.blsPubkey.X, k.blsPubkey.Y, caller, k.ed25519Pubkey]);
    const pop = signer.proofOfPossession(1, caller);
    expect(verifies(k.blsPubkey, message, pop)).toBe(true);
    expect(verifies(signer.nodeKeys(2).blsPubkey, message, pop)).toBe(false);
  });

  it("aggregates the network's signature under the sum of the signers' keys", () => {
    const signers = [0, 1, 2, 5];
    const recipient = "0x00000000000000000000000000000000000000bb" as const;
    const signature = signer.signRewards(signers, recipient, 123n);
    const aggregate = signers.map((i) => g1(signer.nodeKeys(i).blsPubkey)).reduce((a, b) => a.add(b));
    const tag = contractTag("BLS_SIG_TRYANDINCREMENT_REWARD", 31337, rewards);
    const message = encodePacked(["bytes32", "address", "uint256"], [tag, recipient, 123n]);
    expect(verifies({ X: aggregate.toAffine().x, Y: aggregate.toAffine().y }, message, signature)).toBe(true);
    const wrongAmount = encodePacked(["bytes32", "address", "uint256"], [tag, recipient, 124n]);
    expect(verifies({ X: aggregate.toAffine().x, Y: aggregate.toAffine().y }, wrongAmount, signature)).toBe(false);
  });
});
