// The network's BLS signatures, as oxend answers for them (bls_rewards_request,
// bls_exit_liquidation_request, bls_exit_liquidation_list), signed by every live node whose key
// the devnet knows; nodes it cannot play (keys it never made) are listed as non-signers, exactly
// as a real network lists the nodes that did not answer.
import { bn254 } from "@noble/curves/bn254.js";
import { encodePacked, getAddress, isAddress, parseAbiItem, type Address, type Hex, type PublicClient } from "viem";
import { z } from "zod";
import { serviceNodeRewardsAbi } from "../../lib/abi/service-node-rewards-abi";
import type { ServiceNodeRecord } from "../../lib/staking/service-node-ledger";
import type { Bn254NetworkSigner } from "../scenario/bn254-network-signer";
import { devRegistrationOutput } from "./dev-registration";
import { RpcError, serviceNodeEntry, type SimulatedNetwork } from "./oxend-rpc-server";

/** Devnet reward model: every staked SESH earns 15.1% a year (the pool's release rate), from registration. */
const ANNUAL_RATE_PPM = 151_000n;
const YEAR_SECONDS = 31_557_600n;
/** Keys the devnet hands out for registrations by hand start here, far above the scenario's. */
export const DEV_KEY_INDEX_BASE = 9_000_000;

const hex32 = (v: bigint) => v.toString(16).padStart(64, "0");
const signatureHex = (s: { sigs0: bigint; sigs1: bigint; sigs2: bigint; sigs3: bigint }) => [s.sigs0, s.sigs1, s.sigs2, s.sigs3].map(hex32).join("");
const blsPoint = (hex: string) => ({ X: BigInt(`0x${hex.slice(2, 66)}`), Y: BigInt(`0x${hex.slice(66, 130)}`) });

const rewardsParams = z.object({ address: z.string().refine((v) => isAddress(v, { strict: false }), "address must be a 0x address"), height: z.number().int().nonnegative().optional() });
const exitParams = z.object({ pubkey: z.string().regex(/^[0-9a-f]{64}$/, "pubkey must be the node's ed25519 key, 64 lower-case hex characters"), liquidate: z.boolean().default(false) });
const devRegistrationParams = z.object({ operator: z.string().refine((v) => isAddress(v, { strict: false }), "operator must be a 0x address") });

const params = <T extends z.ZodType>(schema: T, raw: unknown): z.output<T> => {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw new RpcError(-32602, `Invalid params: ${parsed.error.issues[0]?.message ?? "bad params"}`);
  return parsed.data;
};

const rewardsBalanceUpdated = parseAbiItem("event RewardsBalanceUpdated(address indexed recipient, uint256 amount, uint256 previousBalance)");

export interface NetworkSignatureContext {
  network: SimulatedNetwork;
  client: PublicClient;
  rewardsAddress: Address;
  signer: Bn254NetworkSigner;
  /** the devnet key index of a node's ed25519 key, if the devnet made that key */
  keyIndexOf(ed25519Pubkey: string): number | undefined;
  /** all nodes the simulator has seen (live and gone) */
  allNodes(): ServiceNodeRecord[];
  /** reads the chain up to its head before signing, so the signer set is the contract's */
  syncNow(): Promise<void>;
}

/** The oxend methods that return the network's signatures, plus the devnet's registration helper. */
export function networkSignatureMethods(ctx: NetworkSignatureContext): Record<string, (params: unknown) => Promise<unknown>> {
  const devKeys = new Map<string, number>();
  let nextDevIndex = DEV_KEY_INDEX_BASE;
  let learned = false;
  const indexOf = (ed25519: string) => {
    const known = ctx.keyIndexOf(ed25519) ?? devKeys.get(ed25519);
    if (known !== undefined || learned) return known;
    // After a restart, nodes registered by hand earlier still sign: relearn the first dev keys.
    learned = true;
    for (let i = DEV_KEY_INDEX_BASE; i < DEV_KEY_INDEX_BASE + 100; i++) devKeys.set(hex32(ctx.signer.nodeKeys(i).ed25519Pubkey), i);
    return devKeys.get(ed25519);
  };

  /** Who signs: every live node whose secret the devnet holds; the rest are non-signers. */
  const signingSet = () => {
    const signers: number[] = [];
    const nonSigners: bigint[] = [];
    for (const node of ctx.network.liveNodes()) {
      const index = indexOf(node.ed25519Pubkey);
      if (index === undefined) nonSigners.push(node.id);
      else signers.push(index);
    }
    const live = ctx.network.liveNodes().length;
    if (nonSigners.length > Math.min(Math.floor(live / 3), 300)) {
      throw new RpcError(-32603, `Too few nodes can sign: ${nonSigners.length} of ${live} are unknown to this simulator`);
    }
    let aggregate = bn254.G1.Point.ZERO;
    for (const i of signers) aggregate = aggregate.add(bn254.G1.Point.BASE.multiply(ctx.signer.blsSecret(i)));
    const a = aggregate.toAffine();
    return { signers, nonSigners: nonSigners.sort((x, y) => (x < y ? -1 : 1)), aggregatePubkey: hex32(a.x) + hex32(a.y) };
  };

  /** Lifetime amount the network signs for `address`: its on-chain balance plus what its stakes earned since it was last credited. */
  const lifetimeAmount = async (address: Address, time: number) => {
    const [rewards] = (await ctx.client.readContract({ address: ctx.rewardsAddress, abi: serviceNodeRewardsAbi, functionName: "recipients", args: [address] })) as readonly [bigint, bigint];
    const updates = await ctx.client.getLogs({ address: ctx.rewardsAddress, event: rewardsBalanceUpdated, args: { recipient: address }, fromBlock: 0n, toBlock: "latest" });
    const last = updates.at(-1);
    const lastCredit = last ? Number((await ctx.client.getBlock({ blockNumber: last.blockNumber! })).timestamp) : 0;
    let accrued = 0n;
    for (const node of ctx.network.liveNodes()) {
      const from = Math.max(lastCredit, Math.floor(node.registeredAt.getTime() / 1000));
      if (time <= from) continue;
      for (const c of node.contributors) {
        if (c.beneficiary.toLowerCase() !== address.toLowerCase()) continue;
        accrued += (c.amount * ANNUAL_RATE_PPM * BigInt(time - from)) / (1_000_000n * YEAR_SECONDS);
      }
    }
    return rewards + accrued;
  };

  return {
    async bls_rewards_request(raw) {
      const { address: rawAddress } = params(rewardsParams, raw);
      const address = getAddress(rawAddress);
      await ctx.syncNow();
      const { height, time } = ctx.network.now();
      const amount = await lifetimeAmount(address, time);
      const set = signingSet();
      const tag = (await ctx.client.readContract({ address: ctx.rewardsAddress, abi: serviceNodeRewardsAbi, functionName: "rewardTag" })) as Hex;
      const message = encodePacked(["bytes32", "address", "uint256"], [tag, address, amount]);
      return {
        address: address.toLowerCase(),
        amount,
        height,
        msg_to_sign: message.slice(2),
        signature: signatureHex(ctx.signer.signRewards(set.signers, address, amount)),
        aggregate_pubkey: set.aggregatePubkey,
        non_signer_indices: set.nonSigners,
        status: "OK",
      };
    },

    async bls_exit_liquidation_request(raw) {
      const { pubkey, liquidate } = params(exitParams, raw);
      await ctx.syncNow();
      const node = ctx.network.liveNodes().find((n) => n.ed25519Pubkey === pubkey);
      if (!node) throw new RpcError(-32602, `No registered node has ed25519 key ${pubkey}`);
      const entry = serviceNodeEntry(ctx.network, node);
      if (liquidate ? entry.is_liquidatable !== true : entry.is_removable !== true) {
        throw new RpcError(-32603, liquidate
          ? `Node ${pubkey} is not deregistered: the network does not sign its liquidation`
          : `Node ${pubkey} cannot exit yet: its unlock height ${String(entry.requested_unlock_height)} ${entry.requested_unlock_height === 0n ? "(no exit requested)" : "is not reached"}`);
      }
      const { time } = ctx.network.now();
      const set = signingSet();
      const timestamp = BigInt(time);
      const blsPubkey = blsPoint(node.blsPubkey);
      const tagName = liquidate ? "liquidateTag" : "exitTag";
      const tag = (await ctx.client.readContract({ address: ctx.rewardsAddress, abi: serviceNodeRewardsAbi, functionName: tagName })) as Hex;
      const signature = liquidate ? ctx.signer.signLiquidation(set.signers, blsPubkey, timestamp) : ctx.signer.signExit(set.signers, blsPubkey, timestamp);
      return {
        type: liquidate ? "liquidate" : "exit",
        bls_pubkey: node.blsPubkey.slice(2),
        msg_to_sign: encodePacked(["bytes32", "uint256", "uint256", "uint256"], [tag, blsPubkey.X, blsPubkey.Y, timestamp]).slice(2),
        signature: signatureHex(signature),
        timestamp,
        non_signer_indices: set.nonSigners,
        status: "OK",
      };
    },

    async bls_exit_liquidation_list() {
      const list = ctx.network
        .liveNodes()
        .map((n) => ({ node: n, entry: serviceNodeEntry(ctx.network, n) }))
        .filter(({ entry }) => entry.is_removable === true || entry.is_liquidatable === true)
        .map(({ node, entry }) => ({
          service_node_pubkey: node.ed25519Pubkey,
          bls_pubkey: node.blsPubkey.slice(2),
          type: entry.is_removable === true ? "exit" : "deregister",
          height: entry.is_removable === true ? entry.requested_unlock_height : entry.last_reward_block_height,
        }));
      return { nodes: list, status: "OK" };
    },

    /** Devnet only: a fresh node's registration output for `operator`, as oxend would print it. */
    async devnet_prepare_registration(raw) {
      const { operator } = params(devRegistrationParams, raw);
      await ctx.syncNow();
      const taken = new Set(ctx.allNodes().map((n) => n.ed25519Pubkey));
      let index = nextDevIndex++;
      while (taken.has(hex32(ctx.signer.nodeKeys(index).ed25519Pubkey))) index = nextDevIndex++;
      devKeys.set(hex32(ctx.signer.nodeKeys(index).ed25519Pubkey), index);
      return { registration_output: devRegistrationOutput(ctx.signer, index, getAddress(operator)), status: "OK" };
    },
  };
}
