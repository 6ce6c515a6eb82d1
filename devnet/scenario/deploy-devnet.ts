import { encodeDeployData, encodeFunctionData, getContractAddress, type Abi, type Address, type Hash, type Hex } from "viem";
import { loadArtifact, type ContractName } from "../../contracts/artifacts";
import { genesisAllocation, SESH_UNIT } from "../../lib/tokenomics/genesis-allocation";
import type { DevnetClients } from "./devnet-rpc";
import type { NetworkPlan } from "./network-plan";
import { seededAddress } from "./seeded-random";
import type { DevnetDeployment } from "./write-history";

/** Liquidation split of a deposit, in thousandths: 0.1% liquidator, 0.1% pool, 99.8% contributors. */
export const liquidationRatios = { liquidator: 1n, pool: 1n, recipient: 998n } as const;

const vestingPlan = [
  { lockup: "A", category: "strategic-token-sale", amount: 2_244_850n, lockupDays: 730 },
  { lockup: "A", category: "strategic-token-sale", amount: 2_244_850n, lockupDays: 730 },
  { lockup: "F", category: "testnet-incentive", amount: 500_000n, lockupDays: 90 },
  { lockup: "F", category: "testnet-incentive", amount: 500_000n, lockupDays: 90 },
] as const;

/** The genesis wallet of each allocation category on this devnet (the reward pool holds its own). */
export function genesisWallets(seed: string): Map<string, Address> {
  return new Map(genesisAllocation().categories.map((c) => [c.id, seededAddress(seed, `genesis/${c.id}`, 0)]));
}

/**
 * Deploys Session's contracts on the devnet in one block at `at`, wired as on Arbitrum One:
 * the reward pool pays ServiceNodeRewards, the factory registers into it, and SESH's whole
 * supply is minted to the genesis allocation wallets (the pool's share to the pool).
 */
export async function deployDevnetContracts(opts: { clients: DevnetClients; plan: NetworkPlan; at: number }): Promise<DevnetDeployment> {
  const { clients, plan } = opts;
  const owner = seededAddress(plan.config.seed, "owner", 0);
  await clients.test.setBalance({ address: owner, value: 10n ** 24n });
  const wallets = genesisWallets(plan.config.seed);
  for (const wallet of wallets.values()) await clients.test.setBalance({ address: wallet, value: 10n ** 24n });

  const pending: Hash[] = [];
  const deploy = async (name: ContractName, args: readonly unknown[] = []) => {
    const { abi, bytecode } = loadArtifact(name);
    const nonce = await clients.public.getTransactionCount({ address: owner, blockTag: "pending" });
    const hash = await clients.wallet.sendTransaction({ account: owner, data: encodeDeployData({ abi, bytecode, args } as never), gas: 15_000_000n, chain: null });
    pending.push(hash);
    return getContractAddress({ from: owner, nonce: BigInt(nonce) });
  };
  const call = async (to: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) => {
    const data: Hex = encodeFunctionData({ abi, functionName, args } as never);
    pending.push(await clients.wallet.sendTransaction({ account: owner, to, data, gas: 5_000_000n, chain: null }));
  };

  const pool = await deploy("RewardRatePool");
  const rewards = await deploy("ServiceNodeRewards");
  const categories = genesisAllocation().categories;
  const sesh = await deploy("SESH", [
    categories.map((c) => (c.id === "staking-reward-pool" ? pool : wallets.get(c.id)!)),
    categories.map((c) => c.amount * SESH_UNIT),
  ]);
  const factory = await deploy("ServiceNodeContributionFactory");
  await call(pool, loadArtifact("RewardRatePool").abi, "initialize", [rewards, sesh]);
  await call(rewards, loadArtifact("ServiceNodeRewards").abi, "initialize", [
    sesh, pool, plan.stakingRequirement, 10n, liquidationRatios.liquidator, liquidationRatios.pool, liquidationRatios.recipient,
  ]);
  await call(factory, loadArtifact("ServiceNodeContributionFactory").abi, "initialize", [rewards]);

  // Staking-enabled vesting wallets: two investors (lockup A, 24 months) and two testnet
  // participants (lockup F, 90 days), funded from their categories' genesis wallets.
  const vesting: DevnetDeployment["vesting"] = [];
  const erc20 = loadArtifact("SESH").abi;
  for (const [i, spec] of vestingPlan.entries()) {
    const beneficiary = seededAddress(plan.config.seed, `vesting-beneficiary/${spec.lockup}`, i);
    const unlockAt = opts.at + spec.lockupDays * 86_400;
    const address = await deploy("TokenVestingStaking", [beneficiary, owner, BigInt(unlockAt), BigInt(unlockAt), true, rewards, factory, sesh]);
    pending.push(await clients.wallet.sendTransaction({
      account: wallets.get(spec.category)!,
      to: sesh,
      data: encodeFunctionData({ abi: erc20, functionName: "transfer", args: [address, spec.amount * SESH_UNIT] }),
      gas: 200_000n,
      chain: null,
    }));
    vesting.push({ address, beneficiary, lockup: spec.lockup, unlockAt });
  }

  // Devnet only: replays the holders' daily trading in a few transactions (write-history.ts).
  const transferBatcher = await deploy("SeshTransferBatcher", [sesh]);

  await clients.test.setNextBlockTimestamp({ timestamp: BigInt(opts.at) });
  await clients.test.mine({ blocks: 1 });
  for (const hash of pending) {
    const receipt = await clients.public.getTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`devnet deployment: transaction ${hash} reverted`);
  }
  const startBlock = await clients.public.getBlockNumber({ cacheTime: 0 });
  return {
    chainId: await clients.public.getChainId(),
    startBlock,
    owner,
    addresses: { sesh, serviceNodeRewards: rewards, rewardRatePool: pool, contributionFactory: factory, vesting: vesting.map((v) => v.address) },
    vesting,
    transferBatcher,
    funding: {
      operators: [wallets.get("oxen-coin-claims")!, wallets.get("service-node-bonus")!],
      foundation: wallets.get("treasury-session-nodes")!,
      holders: wallets.get("ecosystem-community-fund")!,
    },
  };
}
