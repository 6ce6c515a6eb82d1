import { decodeFunctionData, type Address, type Hash, type PublicClient } from "viem";
import { serviceNodeContributionAbi } from "../abi/service-node-contribution-abi";
import { serviceNodeContributionFactoryAbi } from "../abi/service-node-contribution-factory-abi";
import type { JsonArgValue } from "../events/decode-session-log";
import type { ContributionContractDetails } from "../staking/contribution-ledger";
import { blsPubkeyHex } from "../staking/service-node-ledger";

type ConstructorSettings = Omit<ContributionContractDetails, "stakingRequirement" | "maxContributors">;

/** The settings a factory `deploy` call's input gave the contract with this ed25519 key, if it is one. */
export function contributionSettingsFromCalldata(input: `0x${string}`, ed25519Pubkey: bigint): ConstructorSettings | undefined {
  try {
    const call = decodeFunctionData({ abi: serviceNodeContributionFactoryAbi, data: input });
    if (call.functionName !== "deploy") return undefined;
    const [key, , params, reserved, manualFinalize] = call.args;
    if (params.serviceNodePubkey !== ed25519Pubkey) return undefined;
    return {
      blsPubkey: blsPubkeyHex({ X: key.X.toString(), Y: key.Y.toString() }),
      fee: params.fee,
      manualFinalize,
      reserved: reserved.map((r) => ({ contributor: r.addr.toLowerCase(), amount: r.amount })),
    };
  } catch {
    return undefined;
  }
}

/**
 * What a contribution contract was constructed with. The settings come from the factory's
 * deploying transaction (any node serves it), else from the contract's views at the creation
 * block (or the head); the staking requirement and contributor limit are immutables, readable at any block.
 */
export async function readContributionContract(
  client: PublicClient,
  created: { address: string; args: Record<string, JsonArgValue>; txHash: string; blockNumber: bigint },
): Promise<ContributionContractDetails> {
  const contract = String(created.args.contributorContract) as Address;
  const read = <F extends "stakingRequirement" | "maxContributors" | "blsPubkey" | "serviceNodeParams" | "getReserved" | "manualFinalize">(
    functionName: F,
    blockNumber?: bigint,
  ) => client.readContract({ address: contract, abi: serviceNodeContributionAbi, functionName, blockNumber } as never) as Promise<never>;
  const [tx, stakingRequirement, maxContributors] = await Promise.all([
    client.getTransaction({ hash: created.txHash as Hash }),
    read("stakingRequirement") as Promise<bigint>,
    read("maxContributors") as Promise<bigint>,
  ]);
  const fromInput = tx.to?.toLowerCase() === created.address.toLowerCase()
    ? contributionSettingsFromCalldata(tx.input, BigInt(String(created.args.serviceNodePubkey)))
    : undefined;
  // A node without the creation block's state (not an archive, or pruned) answers for the head:
  // the Update* events after creation set these settings outright, so folding them over the
  // head's values still ends at the contract's current settings.
  const settings = fromInput ?? (await readSettingsAt(read, created.blockNumber).catch(() => readSettingsAt(read)));
  return { ...settings, stakingRequirement, maxContributors: Number(maxContributors) };
}

async function readSettingsAt(
  read: (functionName: "blsPubkey" | "serviceNodeParams" | "getReserved" | "manualFinalize", blockNumber?: bigint) => Promise<never>,
  blockNumber?: bigint,
): Promise<ConstructorSettings> {
  const [key, params, reserved, manualFinalize] = await Promise.all([
    read("blsPubkey", blockNumber) as Promise<readonly [bigint, bigint]>,
    read("serviceNodeParams", blockNumber) as Promise<{ fee: number }>,
    read("getReserved", blockNumber) as Promise<readonly [readonly Address[], readonly bigint[], readonly boolean[]]>,
    read("manualFinalize", blockNumber) as Promise<boolean>,
  ]);
  return {
    blsPubkey: blsPubkeyHex({ X: key[0].toString(), Y: key[1].toString() }),
    fee: params.fee,
    manualFinalize,
    reserved: reserved[0].map((addr, i) => ({ contributor: addr.toLowerCase(), amount: reserved[1][i]! })),
  };
}
