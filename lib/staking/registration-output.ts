// Parses what a Session node prints for its on-chain registration: the values addBLSPublicKey
// takes. Everything is checked before a wallet is asked to sign anything: lengths, hex, and
// that both BLS values are points of the bn254 curves, so a truncated paste fails here, not on chain.
import { getAddress, isAddress, type Address } from "viem";

/** bn254 base field modulus: every coordinate is below it. */
export const BN254_FIELD_MODULUS = 21888242871839275222246405745257275088696311157297823662689037894645226208583n;
/** b of the G2 twist y² = x³ + 3/(9+u), as (c0, c1). */
const TWIST_B: Fp2 = [
  19485874751759354771024239261021720505790618469301721065564631296452457478373n,
  266929791119991161246907387137283842545076965332900288569378510910307636690n,
];

type Fp2 = readonly [bigint, bigint];
const mod = (a: bigint) => ((a % BN254_FIELD_MODULUS) + BN254_FIELD_MODULUS) % BN254_FIELD_MODULUS;
const fp2Mul = (a: Fp2, b: Fp2): Fp2 => [mod(a[0] * b[0] - a[1] * b[1]), mod(a[0] * b[1] + a[1] * b[0])];
const fp2Add = (a: Fp2, b: Fp2): Fp2 => [mod(a[0] + b[0]), mod(a[1] + b[1])];

export function isOnG1(x: bigint, y: bigint): boolean {
  if (x >= BN254_FIELD_MODULUS || y >= BN254_FIELD_MODULUS) return false;
  if (x === 0n && y === 0n) return false;
  return mod(y * y) === mod(x * x * x + 3n);
}

/** The signature's words in the EVM precompile order: x.c1, x.c0, y.c1, y.c0. */
export function isOnG2(sig: BlsSignatureWords): boolean {
  const words = [sig.sigs0, sig.sigs1, sig.sigs2, sig.sigs3];
  if (words.some((w) => w >= BN254_FIELD_MODULUS)) return false;
  if (words.every((w) => w === 0n)) return false;
  const x: Fp2 = [sig.sigs1, sig.sigs0];
  const y: Fp2 = [sig.sigs3, sig.sigs2];
  const lhs = fp2Mul(y, y);
  const rhs = fp2Add(fp2Mul(fp2Mul(x, x), x), TWIST_B);
  return lhs[0] === rhs[0] && lhs[1] === rhs[1];
}

export interface BlsSignatureWords { sigs0: bigint; sigs1: bigint; sigs2: bigint; sigs3: bigint }

/** The arguments of addBLSPublicKey that come from the node, ready for viem. */
export interface NodeRegistration {
  /** the operator address the proof of possession was made for, when the output names it */
  operatorAddress: Address | null;
  blsPubkey: { X: bigint; Y: bigint };
  blsSignature: BlsSignatureWords;
  /** ed25519 public key as the contract's uint256, and as oxend's 64 hex characters */
  serviceNodePubkey: bigint;
  ed25519Hex: string;
  serviceNodeSignature1: bigint;
  serviceNodeSignature2: bigint;
}

export type ParseResult = { ok: true; registration: NodeRegistration } | { ok: false; errors: string[] };

// Accepted names of each value: oxend's field names and the labels its text output uses.
const fieldNames = {
  operator: ["operator_address", "operator", "address"],
  ed25519: ["pubkey_ed25519", "service_node_pubkey", "ed25519_pubkey", "ed25519_public_key"],
  ed25519Signature: ["signature_ed25519", "service_node_signature", "ed25519_signature"],
  bls: ["pubkey_bls", "bls_pubkey", "bls_public_key"],
  blsSignature: ["signature_bls", "bls_signature", "proof_of_possession", "bls_proof_of_possession"],
} as const;

const labels: Record<keyof typeof fieldNames, string> = {
  operator: "operator address",
  ed25519: "ed25519 public key",
  ed25519Signature: "ed25519 signature",
  bls: "BLS public key",
  blsSignature: "BLS proof-of-possession signature",
};

const normaliseKey = (key: string) => key.trim().toLowerCase().replace(/[\s-]+/g, "_");

function readPairs(text: string): Map<string, string> | string {
  const pairs = new Map<string, string>();
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return "The text starts like JSON but is not valid JSON: was it copied completely?";
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return "Expected a JSON object with the registration fields.";
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === "string") pairs.set(normaliseKey(key), value.trim());
    }
    return pairs;
  }
  for (const line of trimmed.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z][A-Za-z0-9_\- ]*?)\s*[:=]\s*(\S+)\s*$/.exec(line);
    if (match) pairs.set(normaliseKey(match[1]!), match[2]!);
  }
  return pairs;
}

function hexOfLength(value: string, bytes: number, label: string, errors: string[]): string | undefined {
  const hex = value.replace(/^0x/i, "");
  if (!/^[0-9a-fA-F]*$/.test(hex)) {
    errors.push(`The ${label} must be hexadecimal (0-9, a-f); it contains other characters.`);
    return undefined;
  }
  if (hex.length !== bytes * 2) {
    errors.push(`The ${label} must be ${bytes * 2} hex characters (${bytes} bytes); it has ${hex.length}. Was it copied completely?`);
    return undefined;
  }
  return hex.toLowerCase();
}

const word = (hex: string, index: number) => BigInt(`0x${hex.slice(index * 64, (index + 1) * 64)}`);

/**
 * Reads a node's registration output: a JSON object or `name: value` lines with the ed25519 key
 * and signature, the BLS key and its proof of possession (and, optionally, the operator address
 * they were prepared for). Returns every problem found, in words, or the contract's arguments.
 */
export function parseRegistrationOutput(text: string): ParseResult {
  if (text.trim() === "") return { ok: false, errors: ["Paste the registration output your node printed."] };
  const pairs = readPairs(text);
  if (typeof pairs === "string") return { ok: false, errors: [pairs] };
  const pick = (field: keyof typeof fieldNames) => fieldNames[field].map((n) => pairs.get(n)).find((v) => v !== undefined);

  const errors: string[] = [];
  const missing = (["ed25519", "ed25519Signature", "bls", "blsSignature"] as const).filter((f) => pick(f) === undefined);
  if (missing.length > 0) {
    return { ok: false, errors: [`Missing from the pasted text: ${missing.map((f) => labels[f]).join(", ")}.`] };
  }
  let operatorAddress: Address | null = null;
  const operator = pick("operator");
  if (operator !== undefined) {
    if (isAddress(operator, { strict: false })) operatorAddress = getAddress(operator);
    else errors.push("The operator address is not a valid 0x address.");
  }
  const ed = hexOfLength(pick("ed25519")!, 32, labels.ed25519, errors);
  const edSig = hexOfLength(pick("ed25519Signature")!, 64, labels.ed25519Signature, errors);
  const bls = hexOfLength(pick("bls")!, 64, labels.bls, errors);
  const blsSig = hexOfLength(pick("blsSignature")!, 128, labels.blsSignature, errors);

  if (ed !== undefined && /^0+$/.test(ed)) errors.push("The ed25519 public key is all zeros.");
  const blsPubkey = bls !== undefined ? { X: word(bls, 0), Y: word(bls, 1) } : undefined;
  if (blsPubkey && !isOnG1(blsPubkey.X, blsPubkey.Y)) {
    errors.push("The BLS public key is not a point on the bn254 curve: check that it was copied exactly.");
  }
  const blsSignature = blsSig !== undefined ? { sigs0: word(blsSig, 0), sigs1: word(blsSig, 1), sigs2: word(blsSig, 2), sigs3: word(blsSig, 3) } : undefined;
  if (blsSignature && !isOnG2(blsSignature)) {
    errors.push("The BLS proof-of-possession signature is not a point on the bn254 G2 curve: check that it was copied exactly.");
  }
  if (errors.length > 0 || !ed || !edSig || !blsPubkey || !blsSignature) return { ok: false, errors };
  return {
    ok: true,
    registration: {
      operatorAddress,
      blsPubkey,
      blsSignature,
      serviceNodePubkey: BigInt(`0x${ed}`),
      ed25519Hex: ed,
      serviceNodeSignature1: word(edSig, 0),
      serviceNodeSignature2: word(edSig, 1),
    },
  };
}

/** The text a node prints for its registration (the devnet's helper writes the same). */
export function formatRegistrationOutput(values: {
  operatorAddress: Address;
  ed25519Hex: string;
  ed25519SignatureHex: string;
  blsPubkeyHex: string;
  blsSignatureHex: string;
}): string {
  const strip = (h: string) => h.replace(/^0x/i, "");
  return [
    `operator_address: ${values.operatorAddress}`,
    `pubkey_ed25519: ${strip(values.ed25519Hex)}`,
    `signature_ed25519: ${strip(values.ed25519SignatureHex)}`,
    `pubkey_bls: ${strip(values.blsPubkeyHex)}`,
    `signature_bls: ${strip(values.blsSignatureHex)}`,
  ].join("\n");
}
