import type { Address } from "viem";
import { formatRegistrationOutput } from "../../lib/staking/registration-output";
import type { Bn254NetworkSigner } from "../scenario/bn254-network-signer";

const hex32 = (v: bigint) => v.toString(16).padStart(64, "0");

/**
 * What a node would print for its registration by `operator`, for the devnet node with key
 * index `index` (fresh indices give fresh, valid keys): lets a tester register a node by hand.
 */
export function devRegistrationOutput(signer: Bn254NetworkSigner, index: number, operator: Address): string {
  const keys = signer.nodeKeys(index);
  const pop = signer.proofOfPossession(index, operator);
  return formatRegistrationOutput({
    operatorAddress: operator,
    ed25519Hex: hex32(keys.ed25519Pubkey),
    ed25519SignatureHex: hex32(keys.serviceNodeSignature1) + hex32(keys.serviceNodeSignature2),
    blsPubkeyHex: hex32(keys.blsPubkey.X) + hex32(keys.blsPubkey.Y),
    blsSignatureHex: [pop.sigs0, pop.sigs1, pop.sigs2, pop.sigs3].map(hex32).join(""),
  });
}
