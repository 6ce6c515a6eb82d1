import { keccak256, toHex } from "viem";
import type { PlannedNode } from "../scenario/network-plan";

/** Session's chain makes a block every 2 minutes. */
export const OXEND_BLOCK_SECONDS = 120;
/** An uptime proof is valid for 2 h 5 min; nodes send one about every hour. */
export const PROOF_INTERVAL_SECONDS = 3_600;

export interface NodeBehaviour {
  publicIp: string;
  storagePort: number;
  swarmId: bigint;
  pubkeyX25519: string;
  /** whether the node is serving (sending uptime proofs) at `t` */
  upAt(t: number): boolean;
  /** unix seconds of the last uptime proof sent at or before `t`; 0 if none */
  lastProofAt(t: number, registeredAt: number): number;
  versionAt(t: number): [number, number, number];
}

const hashNumber = (text: string) => BigInt(keccak256(toHex(text)));

/**
 * How a node behaves off chain, from its plan (or, for a node someone registered by hand on
 * the devnet, from its key alone): where it runs, when it is down, which version it runs.
 */
export function nodeBehaviour(ed25519Pubkey: string, ips: readonly string[], planned?: PlannedNode): NodeBehaviour {
  const h = hashNumber(ed25519Pubkey);
  const downFrom = planned?.failure?.downAt ?? planned?.outage?.from;
  const downTo = planned?.failure ? Number.POSITIVE_INFINITY : planned?.outage?.to;
  // Each node's proofs fall at its own minute of the hour.
  const phase = Number(h % BigInt(PROOF_INTERVAL_SECONDS));
  const upgradeAt = planned?.profile.versionUpgradeAt ?? 0;
  const upAt = (t: number) => downFrom === undefined || t < downFrom || t >= downTo!;
  return {
    publicIp: ips[(planned?.profile.ipIndex ?? Number(h % 1_000_003n)) % ips.length]!,
    storagePort: planned?.profile.storagePort ?? 22021,
    // uint64 swarm ids: the top bits matter, so keep them beyond 2^53 as oxend does.
    swarmId: (h >> 64n) & ((1n << 64n) - 1n) & ~((1n << 52n) - 1n),
    pubkeyX25519: keccak256(toHex(`x25519/${ed25519Pubkey}`)).slice(2),
    upAt,
    lastProofAt(t, registeredAt) {
      const lastUp = upAt(t) ? t : downFrom!;
      const proof = Math.floor((lastUp - phase) / PROOF_INTERVAL_SECONDS) * PROOF_INTERVAL_SECONDS + phase;
      return proof < registeredAt ? (lastUp >= registeredAt ? registeredAt : 0) : proof;
    },
    versionAt: (t) => (t >= upgradeAt ? [11, 6, 0] : [11, 5, 2]),
  };
}
