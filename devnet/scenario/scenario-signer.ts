import type { Address } from "viem";

export interface G1Point { X: bigint; Y: bigint }
export interface BlsSignature { sigs0: bigint; sigs1: bigint; sigs2: bigint; sigs3: bigint }

/** What the scenario needs of the devnet's node keys and the network's BLS signatures. */
export interface ScenarioSigner {
  nodeKeys(index: number): {
    blsPubkey: G1Point;
    /** the 32-byte ed25519 key as the contract's uint256 */
    ed25519Pubkey: bigint;
    serviceNodeSignature1: bigint;
    serviceNodeSignature2: bigint;
  };
  /** proof of possession of node `index`'s BLS key, for a registration sent by `caller` */
  proofOfPossession(index: number, caller: Address): BlsSignature;
  /** the network (every node in `signers`) signs: its aggregate signature over a message */
  signExit(signers: Iterable<number>, blsPubkey: G1Point, timestamp: bigint): BlsSignature;
  signLiquidation(signers: Iterable<number>, blsPubkey: G1Point, timestamp: bigint): BlsSignature;
  signRewards(signers: Iterable<number>, recipient: Address, amount: bigint): BlsSignature;
}
