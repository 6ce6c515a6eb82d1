import { bn254 } from "@noble/curves/bn254.js";
import { describe, expect, it } from "vitest";
import { devRegistrationOutput } from "../../devnet/node-simulator/dev-registration";
import { bn254NetworkSigner } from "../../devnet/scenario/bn254-network-signer";
import { BN254_FIELD_MODULUS, isOnG1, isOnG2, parseRegistrationOutput } from "./registration-output";

const operator = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const signer = bn254NetworkSigner({ seed: "registration-test", chainId: 31337, rewardsContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" });
const output = devRegistrationOutput(signer, 7, operator);

describe("parseRegistrationOutput", () => {
  it("reads the node's registration text into addBLSPublicKey's arguments", () => {
    const result = parseRegistrationOutput(output);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const keys = signer.nodeKeys(7);
    expect(result.registration.operatorAddress).toBe(operator);
    expect(result.registration.blsPubkey).toEqual(keys.blsPubkey);
    expect(result.registration.serviceNodePubkey).toBe(keys.ed25519Pubkey);
    expect(result.registration.serviceNodeSignature1).toBe(keys.serviceNodeSignature1);
    expect(result.registration.serviceNodeSignature2).toBe(keys.serviceNodeSignature2);
    expect(result.registration.blsSignature).toEqual(signer.proofOfPossession(7, operator));
  });

  it("reads the same values from JSON with oxend's alternative names and 0x prefixes", () => {
    const fields = Object.fromEntries(output.split("\n").map((l) => l.split(": ") as [string, string]));
    const json = JSON.stringify({
      service_node_pubkey: fields.pubkey_ed25519,
      service_node_signature: `0x${fields.signature_ed25519}`,
      bls_pubkey: fields.pubkey_bls,
      bls_signature: fields.signature_bls,
    });
    const result = parseRegistrationOutput(json);
    expect(result.ok && result.registration.ed25519Hex).toBe(fields.pubkey_ed25519);
    expect(result.ok && result.registration.operatorAddress).toBeNull();
  });

  it("names each missing value", () => {
    const result = parseRegistrationOutput(output.split("\n").filter((l) => !l.startsWith("signature_bls") && !l.startsWith("pubkey_ed25519")).join("\n"));
    expect(result).toEqual({ ok: false, errors: ["Missing from the pasted text: ed25519 public key, BLS proof-of-possession signature."] });
  });

  it("rejects a truncated key with its length, and a non-hex one", () => {
    const truncated = output.replace(/pubkey_bls: ([0-9a-f]+)/, (_, h: string) => `pubkey_bls: ${h.slice(0, 120)}`);
    expect(parseRegistrationOutput(truncated)).toEqual({
      ok: false,
      errors: ["The BLS public key must be 128 hex characters (64 bytes); it has 120. Was it copied completely?"],
    });
    const garbled = output.replace(/signature_ed25519: ([0-9a-f])/, "signature_ed25519: z");
    expect(parseRegistrationOutput(garbled)).toMatchObject({ ok: false, errors: ["The ed25519 signature must be hexadecimal (0-9, a-f); it contains other characters."] });
  });

  it("rejects BLS values that are not curve points (a changed digit)", () => {
    const flip = (h: string) => h.slice(0, -1) + (h.endsWith("0") ? "1" : "0");
    const badKey = output.replace(/pubkey_bls: ([0-9a-f]+)/, (_, h: string) => `pubkey_bls: ${flip(h)}`);
    expect(parseRegistrationOutput(badKey)).toMatchObject({ ok: false, errors: [expect.stringContaining("BLS public key is not a point")] });
    const badSig = output.replace(/signature_bls: ([0-9a-f]+)/, (_, h: string) => `signature_bls: ${flip(h)}`);
    expect(parseRegistrationOutput(badSig)).toMatchObject({ ok: false, errors: [expect.stringContaining("not a point on the bn254 G2 curve")] });
  });

  it("rejects a bad operator address, empty input and broken JSON", () => {
    expect(parseRegistrationOutput(output.replace(operator, "0x1234"))).toEqual({ ok: false, errors: ["The operator address is not a valid 0x address."] });
    expect(parseRegistrationOutput("  ")).toEqual({ ok: false, errors: ["Paste the registration output your node printed."] });
    expect(parseRegistrationOutput('{"pubkey_bls": ')).toMatchObject({ ok: false, errors: [expect.stringContaining("not valid JSON")] });
  });
});

describe("bn254 curve checks", () => {
  it("uses bn254's field and accepts the generators", () => {
    expect(BN254_FIELD_MODULUS).toBe(bn254.fields.Fp.ORDER);
    const g1 = bn254.G1.Point.BASE.toAffine();
    expect(isOnG1(g1.x, g1.y)).toBe(true);
    expect(isOnG1(g1.x, g1.y + 1n)).toBe(false);
    const g2 = bn254.G2.Point.BASE.multiply(12345n).toAffine();
    expect(isOnG2({ sigs0: g2.x.c1, sigs1: g2.x.c0, sigs2: g2.y.c1, sigs3: g2.y.c0 })).toBe(true);
    expect(isOnG2({ sigs0: g2.x.c1, sigs1: g2.x.c0, sigs2: g2.y.c1, sigs3: g2.y.c0 + 1n })).toBe(false);
    expect(isOnG2({ sigs0: 0n, sigs1: 0n, sigs2: 0n, sigs3: 0n })).toBe(false);
  });
});
