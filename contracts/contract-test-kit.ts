import { decodeErrorResult, encodeFunctionData, erc20Abi, toHex, type Abi, type Address, type Hash, type Hex } from "viem";
import { startLocalChain, type LocalChain } from "../devnet/local-chain";
import { findFreePort } from "../devnet/port-check";
import { bn254NetworkSigner, type Bn254NetworkSigner } from "../devnet/scenario/bn254-network-signer";
import { deployDevnetContracts } from "../devnet/scenario/deploy-devnet";
import { devnetClients, type DevnetClients } from "../devnet/scenario/devnet-rpc";
import { planNetwork } from "../devnet/scenario/network-plan";
import type { DevnetDeployment } from "../devnet/scenario/write-history";
import { serviceNodeRewardsAbi } from "../lib/abi/service-node-rewards-abi";
import { loadArtifact } from "./artifacts";
import { buildContracts } from "./build";

export const SESH = 1_000_000_000n;
export const REQUIREMENT = 25_000n * SESH;
export const T0 = 1_780_000_000;

const allErrors = () =>
  (["SESH", "ServiceNodeRewards", "ServiceNodeContribution", "ServiceNodeContributionFactory", "RewardRatePool", "TokenVestingStaking"] as const)
    .flatMap((name) => loadArtifact(name).abi.filter((e) => e.type === "error")) as Abi;

/** A fresh anvil with the contracts deployed and started, and helpers to drive it block by block. */
export async function startContractKit() {
  await buildContracts();
  const plan = planNetwork({ seed: "contracts", nodeCount: 4, months: 1, foundationShare: 0.085, endTime: T0 });
  const chain: LocalChain = await startLocalChain({ port: await findFreePort(), chainId: 31337, genesisTimestamp: T0 - 10 * 86_400 });
  const clients: DevnetClients = devnetClients(chain.rpcUrl, 31337);
  const deployment: DevnetDeployment = await deployDevnetContracts({ clients, plan, at: T0 - 5 * 86_400 });
  const signer: Bn254NetworkSigner = bn254NetworkSigner({ seed: "contracts", chainId: 31337, rewardsContract: deployment.addresses.serviceNodeRewards });
  let now = T0 - 5 * 86_400;

  /** Sends one transaction in its own block `advance` seconds later; returns its receipt. */
  async function send(from: Address, to: Address, abi: Abi, functionName: string, args: readonly unknown[] = [], advance = 60) {
    await clients.test.setBalance({ address: from, value: 10n ** 21n });
    const data = encodeFunctionData({ abi, functionName, args } as never) as Hex;
    const hash = (await clients.public.request({ method: "eth_sendTransaction" as never, params: [{ from, to, data, gas: toHex(10_000_000n) }] as never })) as Hash;
    now += advance;
    await clients.public.request({ method: "evm_mine" as never, params: [toHex(now)] as never });
    return clients.public.getTransactionReceipt({ hash });
  }

  /** The custom error name a call reverts with, simulated on the next block's time. */
  async function revertOf(from: Address, to: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<string> {
    try {
      await clients.public.simulateContract({ account: from, address: to, abi, functionName, args } as never);
      return "no revert";
    } catch (error) {
      const e = error as { cause?: { data?: { errorName?: string; args?: readonly unknown[] }; raw?: Hex; signature?: Hex }; shortMessage?: string };
      // require(…, "reason") reverts with Error(string): the reason is what tells them apart.
      if (e.cause?.data?.errorName === "Error") return String(e.cause.data.args?.[0]);
      if (e.cause?.data?.errorName) return e.cause.data.errorName;
      // An error raised by another contract (the token) is not in the callee's ABI.
      if (e.cause?.raw) {
        try {
          return decodeErrorResult({ abi: allErrors(), data: e.cause.raw }).errorName;
        } catch {
          // fall through to the message
        }
      }
      return e.shortMessage ?? String(error);
    }
  }

  async function fund(address: Address, amount: bigint) {
    await send(deployment.funding.operators[0]!, deployment.addresses.sesh, erc20Abi, "transfer", [address, amount], 1);
  }

  const rewards = deployment.addresses.serviceNodeRewards;
  /** The registration arguments for devnet node `index` run by `operator`. */
  function registration(index: number, operator: Address, contributors: { addr: Address; amount: bigint }[] = [{ addr: operator, amount: REQUIREMENT }], fee = 0) {
    const keys = signer.nodeKeys(index);
    return [
      keys.blsPubkey,
      signer.proofOfPossession(index, operator),
      { serviceNodePubkey: keys.ed25519Pubkey, serviceNodeSignature1: keys.serviceNodeSignature1, serviceNodeSignature2: keys.serviceNodeSignature2, fee },
      contributors.map((c) => ({ staker: { addr: c.addr, beneficiary: c.addr }, stakedAmount: c.amount })),
    ] as const;
  }

  async function register(index: number, operator: Address) {
    await fund(operator, REQUIREMENT);
    await send(operator, deployment.addresses.sesh, erc20Abi, "approve", [rewards, REQUIREMENT], 1);
    return send(operator, rewards, serviceNodeRewardsAbi, "addBLSPublicKey", registration(index, operator));
  }

  return {
    chain, clients, deployment, signer, send, revertOf, fund, registration, register, rewards,
    advance: (seconds: number) => { now += seconds; },
    time: () => now,
    stop: chain.stop,
  };
}

export type ContractKit = Awaited<ReturnType<typeof startContractKit>>;
