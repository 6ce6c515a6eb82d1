import { decodeFunctionData, encodeFunctionData, type Address, type Hash, type Hex, type PublicClient } from "viem";
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

// A backfill reads thousands of contracts: the two immutables are asked with calldata encoded
// once and answers read as the uint256 they are, and of the deploying transaction only `to` and
// `input` are used, so neither goes through viem's per-call request and result formatting.
const stakingRequirementCall = encodeFunctionData({ abi: serviceNodeContributionAbi, functionName: "stakingRequirement" });
const maxContributorsCall = encodeFunctionData({ abi: serviceNodeContributionAbi, functionName: "maxContributors" });

async function readUint(client: PublicClient, to: Address, data: Hex): Promise<bigint> {
  const answer = await client.request({ method: "eth_call", params: [{ to, data }, "latest"] });
  if (!/^0x[0-9a-fA-F]{64}$/.test(answer)) throw new Error(`${to}: eth_call ${data} answered ${answer.slice(0, 80)}, not a uint256`);
  return BigInt(answer);
}

async function readDeployingTransaction(client: PublicClient, hash: Hash): Promise<{ to: Address | null; input: Hex }> {
  const tx = await client.request({ method: "eth_getTransactionByHash", params: [hash] });
  if (!tx) throw new Error(`transaction ${hash} not found`);
  return { to: tx.to, input: tx.input };
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
    readDeployingTransaction(client, created.txHash as Hash),
    readUint(client, contract, stakingRequirementCall),
    readUint(client, contract, maxContributorsCall),
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
