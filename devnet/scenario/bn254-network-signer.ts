// The devnet's node keys and the network's BLS signatures (bn254), as the devnet contracts
// verify them with the EVM precompiles. Message hashing differs from Session's mainnet
// contracts on purpose (H(m) = h·G2 with h = keccak256(hashToG2Tag ‖ m) mod r, in place of a
// try-and-increment map to G2): the keys, points, encodings and pairing check are real.
import { bn254 } from "@noble/curves/bn254.js";
import { ed25519 } from "@noble/curves/ed25519.js";
import { bytesToHex, encodePacked, hexToBytes, keccak256, toHex, type Address, type Hex } from "viem";
import type { BlsSignature, G1Point, ScenarioSigner } from "./scenario-signer";

const r = bn254.fields.Fr.ORDER;
const mod = (a: bigint) => ((a % r) + r) % r;

/** keccak256(abi.encodePacked(tagString, block.chainid, address(this))), as Session builds its tags. */
export function contractTag(tag: string, chainId: number, contract: Address): Hex {
  return keccak256(encodePacked(["string", "uint256", "address"], [tag, BigInt(chainId), contract]));
}

export function g1ToPoint(p: InstanceType<typeof bn254.G1.Point>): G1Point {
  const a = p.toAffine();
  return { X: a.x, Y: a.y };
}

/** G2 in the EVM precompile order: x.c1, x.c0, y.c1, y.c0. */
export function g2ToSignature(p: InstanceType<typeof bn254.G2.Point>): BlsSignature {
  const a = p.toAffine();
  return { sigs0: a.x.c1, sigs1: a.x.c0, sigs2: a.y.c1, sigs3: a.y.c0 };
}

export interface Bn254NetworkSigner extends ScenarioSigner {
  blsSecret(index: number): bigint;
  /** h for a message: the scalar of its G2 point */
  messageScalar(message: Hex): bigint;
}

export function bn254NetworkSigner(opts: { seed: string; chainId: number; rewardsContract: Address }): Bn254NetworkSigner {
  const tag = (name: string) => contractTag(name, opts.chainId, opts.rewardsContract);
  const tags = {
    pop: tag("BLS_SIG_TRYANDINCREMENT_POP"),
    reward: tag("BLS_SIG_TRYANDINCREMENT_REWARD"),
    exit: tag("BLS_SIG_TRYANDINCREMENT_REMOVE"),
    liquidate: tag("BLS_SIG_TRYANDINCREMENT_LIQUIDATE"),
    hashToG2: tag("BLS_SIG_HASH_TO_FIELD_TAG"),
  };
  const secrets = new Map<number, bigint>();
  const keys = new Map<number, ReturnType<ScenarioSigner["nodeKeys"]>>();
  const blsSecret = (index: number) => {
    let sk = secrets.get(index);
    if (sk === undefined) {
      sk = mod(BigInt(keccak256(toHex(`${opts.seed}/bls/${index}`)))) || 1n;
      secrets.set(index, sk);
    }
    return sk;
  };
  const messageScalar = (message: Hex) => mod(BigInt(keccak256(encodePacked(["bytes32", "bytes"], [tags.hashToG2, message])))) || 1n;
  const sign = (secret: bigint, message: Hex) => g2ToSignature(bn254.G2.Point.BASE.multiply(mod(secret * messageScalar(message)) || 1n));
  const aggregateSecret = (signers: Iterable<number>) => {
    let total = 0n;
    for (const index of signers) total += blsSecret(index);
    return mod(total);
  };

  const signer: Bn254NetworkSigner = {
    blsSecret,
    messageScalar,
    nodeKeys(index) {
      let k = keys.get(index);
      if (!k) {
        const blsPubkey = g1ToPoint(bn254.G1.Point.BASE.multiply(blsSecret(index)));
        const edSecret = hexToBytes(keccak256(toHex(`${opts.seed}/ed25519/${index}`)));
        const edPublic = ed25519.getPublicKey(edSecret);
        // The node signs its BLS key with its ed25519 key, as oxend's registration output does.
        const edSignature = ed25519.sign(hexToBytes(encodePacked(["uint256", "uint256"], [blsPubkey.X, blsPubkey.Y])), edSecret);
        k = {
          blsPubkey,
          ed25519Pubkey: BigInt(bytesToHex(edPublic)),
          serviceNodeSignature1: BigInt(bytesToHex(edSignature.slice(0, 32))),
          serviceNodeSignature2: BigInt(bytesToHex(edSignature.slice(32))),
        };
        keys.set(index, k);
      }
      return k;
    },
    proofOfPossession(index, caller) {
      const k = signer.nodeKeys(index);
      const message = encodePacked(["bytes32", "uint256", "uint256", "address", "uint256"], [tags.pop, k.blsPubkey.X, k.blsPubkey.Y, caller, k.ed25519Pubkey]);
      return sign(blsSecret(index), message);
    },
    signExit(signers, pubkey, timestamp) {
      return sign(aggregateSecret(signers), encodePacked(["bytes32", "uint256", "uint256", "uint256"], [tags.exit, pubkey.X, pubkey.Y, timestamp]));
    },
    signLiquidation(signers, pubkey, timestamp) {
      return sign(aggregateSecret(signers), encodePacked(["bytes32", "uint256", "uint256", "uint256"], [tags.liquidate, pubkey.X, pubkey.Y, timestamp]));
    },
    signRewards(signers, recipient, amount) {
      return sign(aggregateSecret(signers), encodePacked(["bytes32", "address", "uint256"], [tags.reward, recipient, amount]));
    },
  };
  return signer;
}
