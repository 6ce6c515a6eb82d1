import { z } from "zod";

const bigintText = z.string().regex(/^\d+$/, "must be a whole number").transform((v) => BigInt(v));
const isoDate = z.string().datetime({ offset: true }).transform((v) => new Date(v));

/** One row of /api/staking/my-nodes (JSON), as the browser reads it back: amounts exact. */
export const walletNodeRowSchema = z.object({
  nodeId: bigintText,
  ed25519Pubkey: z.string().regex(/^[0-9a-f]{64}$/),
  blsPubkey: z.string().regex(/^0x[0-9a-f]{128}$/),
  role: z.enum(["operator", "contributor"]),
  state: z.enum(["active", "exit_requested", "exited", "liquidated"]),
  active: z.boolean().nullable(),
  uptime30d: z.number().min(0).max(1).nullable(),
  lastUptimeProof: isoDate.nullable(),
  stake: bigintText,
  totalStaked: bigintText,
  operator: z.string(),
  feeBasisPoints: z.number().int(),
  registeredAt: isoDate,
  registeredTx: z.string(),
  exitRequestedAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
});
export type WalletNodeRow = z.output<typeof walletNodeRowSchema>;

export const walletNodesResponseSchema = z.object({ rows: z.array(walletNodeRowSchema) });

/** The network's rewards signature as the server route returns it (decimal strings). */
export const rewardsSignatureResponseSchema = z.object({
  recipient: z.string().regex(/^0x[0-9a-f]{40}$/),
  amount: bigintText,
  height: bigintText,
  signature: z.object({ sigs0: bigintText, sigs1: bigintText, sigs2: bigintText, sigs3: bigintText }),
  nonSignerIds: z.array(bigintText),
});

export const exitSignatureResponseSchema = z.object({
  blsPubkey: z.object({ X: bigintText, Y: bigintText }),
  timestamp: bigintText,
  signature: z.object({ sigs0: bigintText, sigs1: bigintText, sigs2: bigintText, sigs3: bigintText }),
  nonSignerIds: z.array(bigintText),
});

/** One row of /api/staking/contribution-contracts (JSON). */
export const contributionContractsResponseSchema = z.object({
  rows: z.array(
    z.object({
      contract: z.string().regex(/^0x[0-9a-f]{40}$/),
      operator: z.string().regex(/^0x[0-9a-f]{40}$/),
      ed25519Pubkey: z.string().regex(/^[0-9a-f]{64}$/),
      status: z.enum(["awaiting_operator", "open", "filled", "finalized"]),
      feeBasisPoints: z.number().int().min(0).max(10_000),
      stakingRequirement: bigintText,
      totalContributed: bigintText,
      contributors: z.number().int().nonnegative(),
      maxContributors: z.number().int().positive(),
      createdAt: isoDate,
      createdTx: z.string(),
    }),
  ),
});
