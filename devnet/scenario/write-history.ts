import {
  decodeEventLog,
  encodeFunctionData,
  getContractAddress,
  erc20Abi,
  keccak256,
  maxUint256,
  toHex,
  type Abi,
  type Address,
  type EncodeFunctionDataParameters,
  type Hash,
  type Hex,
} from "viem";
import { rewardRatePoolAbi } from "../../lib/abi/reward-rate-pool-abi";
import { serviceNodeContributionAbi } from "../../lib/abi/service-node-contribution-abi";
import { serviceNodeContributionFactoryAbi } from "../../lib/abi/service-node-contribution-factory-abi";
import { serviceNodeRewardsAbi } from "../../lib/abi/service-node-rewards-abi";
import { tokenVestingStakingAbi } from "../../lib/abi/token-vesting-staking-abi";
import { loadArtifact } from "../../contracts/artifacts";
import type { DevnetClients } from "./devnet-rpc";
import type { NetworkPlan, PlannedNode } from "./network-plan";
import type { G1Point, ScenarioSigner } from "./scenario-signer";
import { scenarioTimeline, type ScenarioAction } from "./scenario-timeline";
import { seededAddress, seededRandom } from "./seeded-random";

export interface DevnetDeployment {
  chainId: number;
  startBlock: bigint;
  owner: Address;
  addresses: {
    sesh: Address;
    serviceNodeRewards: Address;
    rewardRatePool: Address;
    contributionFactory: Address;
    vesting: Address[];
  };
  /** staking-enabled vesting wallets (lockups A and F) */
  vesting: { address: Address; beneficiary: Address; lockup: "A" | "F"; unlockAt: number }[];
  /** unlocked genesis wallets that fund the simulated operators and holders */
  funding: { operators: Address[]; foundation: Address; holders: Address };
  /** devnet-only SeshTransferBatcher: the holders' daily trading in a few transactions */
  transferBatcher: Address;
}

export class ScenarioTransactionError extends Error {
  constructor(what: string, hash: Hash) {
    super(`devnet scenario: ${what} reverted (tx ${hash})`);
    this.name = "ScenarioTransactionError";
  }
}

const GAS = 3_000_000n;
const BUCKET_SECONDS = 6 * 3_600;
/** below the devnet chain's 1e9 block gas limit (devnet/local-chain.ts) */
const BLOCK_GAS = 900_000_000n;
const SESH = 1_000_000_000n;
const CLAIM_THRESHOLD = 1_000_000n * SESH;
/** transfers per SeshTransferBatcher transaction (~40M gas) */
const TRANSFERS_PER_BATCH = 600;

/** Live history state the network needs to sign and credit rewards. */
interface HistoryState {
  liveSigners: Set<number>;
  nodeIds: Map<number, bigint>;
  pubkeys: Map<number, G1Point>;
  /** cumulative amount each recipient is owed: rewards plus returned stakes */
  owed: Map<Address, bigint>;
  /** the balance ServiceNodeRewards knows for each recipient */
  onChain: Map<Address, bigint>;
  claimed: Map<Address, bigint>;
  lastRelease: bigint;
  txCount: number;
  /** CREATE nonce of the contribution factory: a contract starts at 1 */
  factoryNonce: bigint;
  /** SESH balance of each trading holder who has joined, to trade only what they have */
  traderBalances: Map<Address, bigint>;
}

/**
 * Writes the plan's history onto the devnet, block by block at the plan's times: every node
 * registered, exited or liquidated, rewards credited and claimed, as the network would.
 */
export async function writeHistory(opts: {
  clients: DevnetClients;
  deployment: DevnetDeployment;
  plan: NetworkPlan;
  signer: ScenarioSigner;
  log?: (line: string) => void;
  /** only actions up to this time (default: the whole plan) */
  until?: number;
}): Promise<{ endBlock: bigint; txCount: number; state: HistoryState }> {
  const { clients, deployment, plan, signer } = opts;
  const { sesh, serviceNodeRewards, rewardRatePool, contributionFactory } = deployment.addresses;
  const state: HistoryState = {
    liveSigners: new Set(),
    nodeIds: new Map(),
    pubkeys: new Map(),
    owed: new Map(),
    onChain: new Map(),
    claimed: new Map(),
    lastRelease: 0n,
    txCount: 0,
    factoryNonce: 1n,
    traderBalances: new Map(),
  };
  const random = seededRandom(plan.config.seed, "history");
  // Its own stream: trading volume can change without moving the rest of the history.
  const tradingRandom = seededRandom(plan.config.seed, "trading");
  type Pending = { hash: Hash; what: string; from: Address; to: Address; data: Hex; after?: (logs: { address: Address; topics: Hex[]; data: Hex }[]) => void };
  const pending: Pending[] = [];

  const funded = new Set<Address>();
  let pendingGas = 0n;
  let bucketTime = 0;
  const send = async (what: string, from: Address, to: Address, data: Hex, after?: Pending["after"], gas = GAS) => {
    // A block holds at most BLOCK_GAS of gas limits: mine what is pending before it overflows.
    if (pendingGas + gas > BLOCK_GAS) await mineAt(bucketTime);
    pendingGas += gas;
    // Every simulated account gets gas money the first time it sends.
    if (!funded.has(from)) {
      await clients.test.setBalance({ address: from, value: 10n ** 21n });
      funded.add(from);
    }
    // Straight to anvil: it fills nonce and fees itself, one round trip per transaction.
    const hash = (await clients.public.request({
      method: "eth_sendTransaction" as never,
      params: [{ from, to, data, gas: toHex(gas) }] as never,
    })) as Hash;
    pending.push({ hash, what, from, to, data, after });
    state.txCount++;
  };
  const write = async (what: string, from: Address, to: Address, abi: Abi, functionName: string, args: readonly unknown[], after?: Pending["after"], gas?: bigint) => {
    await send(what, from, to, encodeFunctionData({ abi, functionName, args } as EncodeFunctionDataParameters), after, gas);
  };
  /** Replays a reverted transaction as a call to learn why: the scenario must never fail silently. */
  const explain = async (tx: Pending, blockNumber: bigint) => {
    try {
      // Replayed on the state before its block: earlier transactions of the block are missing.
      await clients.public.call({ account: tx.from, to: tx.to, data: tx.data, blockNumber: blockNumber - 1n, gas: GAS * 10n });
      return "out of gas, or it depended on an earlier transaction of its block";
    } catch (error) {
      return (error as Error).message.split("\n").slice(0, 3).join(" ");
    }
  };

  let currentBlockTime = 0;
  const mineAt = async (t: number) => {
    if (pending.length === 0) return;
    pendingGas = 0n;
    const time = Math.max(t, currentBlockTime + 1);
    await clients.public.request({ method: "evm_mine" as never, params: [toHex(time)] as never });
    currentBlockTime = time;
    const receipts = (await clients.public.request({ method: "eth_getBlockReceipts" as never, params: ["latest"] as never })) as {
      blockNumber: Hex;
      transactionHash: Hash;
      status: Hex;
      logs: { address: Address; topics: Hex[]; data: Hex }[];
    }[];
    const byHash = new Map(receipts.map((r) => [r.transactionHash, r]));
    for (const tx of pending.splice(0)) {
      const receipt = byHash.get(tx.hash);
      if (!receipt) throw new Error(`devnet scenario: ${tx.what} was not mined (tx ${tx.hash})`);
      if (receipt.status !== "0x1") throw new ScenarioTransactionError(`${tx.what} (${await explain(tx, BigInt(receipt.blockNumber))})`, tx.hash);
      tx.after?.(receipt.logs);
    }
  };

  const nodeIdFromLogs = (index: number) => (logs: { address: Address; topics: Hex[]; data: Hex }[]) => {
    for (const log of logs) {
      if (log.address.toLowerCase() !== serviceNodeRewards.toLowerCase()) continue;
      const decoded = decodeEventLog({ abi: serviceNodeRewardsAbi, topics: log.topics as [Hex], data: log.data, strict: false });
      if (decoded.eventName === "NewServiceNodeV2" || decoded.eventName === "NewSeededServiceNode") {
        const args = decoded.args as { serviceNodeID: bigint };
        state.nodeIds.set(index, args.serviceNodeID);
      }
    }
  };
  // Seeded nodes are numbered in list order: their events come in the order they were given.
  const assignSeededIds = (indexes: number[], logs: { address: Address; topics: Hex[]; data: Hex }[]) => {
    let next = 0;
    for (const log of logs) {
      if (log.address.toLowerCase() !== serviceNodeRewards.toLowerCase()) continue;
      const decoded = decodeEventLog({ abi: serviceNodeRewardsAbi, topics: log.topics as [Hex], data: log.data, strict: false });
      if (decoded.eventName === "NewSeededServiceNode") state.nodeIds.set(indexes[next++]!, (decoded.args as { serviceNodeID: bigint }).serviceNodeID);
    }
  };
  const credit = (address: Address, amount: bigint) => state.owed.set(address, (state.owed.get(address) ?? 0n) + amount);
  // Returned stakes: the contract itself adds them to the balance it knows.
  const creditOnChain = (address: Address, amount: bigint) => {
    credit(address, amount);
    state.onChain.set(address, (state.onChain.get(address) ?? 0n) + amount);
  };
  const stakes = (node: PlannedNode) => [
    { address: node.operator, amount: node.operatorStake },
    ...node.contributors,
  ];

  const actions = scenarioTimeline(plan, deployment.vesting).filter((a) => a.t <= (opts.until ?? plan.config.endTime));
  if (!actions.some((a) => a.kind === "seed")) {
    await write("start", deployment.owner, serviceNodeRewards, serviceNodeRewardsAbi, "start", []);
  }
  let bucket = -1;
  let done = 0;
  for (const action of actions) {
    // One block per bucket of simulated time that has anything to do: anvil recomputes its
    // whole state root per block, so fewer, fuller blocks keep the history fast to write.
    const slot = Math.floor(action.t / BUCKET_SECONDS);
    if (slot !== bucket) {
      await mineAt(bucketTime);
      bucket = slot;
      bucketTime = bucket * BUCKET_SECONDS + BUCKET_SECONDS / 2;
    }
    await runAction(action);
    if (++done % 500 === 0) opts.log?.(`devnet history: ${done}/${actions.length} actions, ${state.txCount} transactions`);
  }
  await mineAt(bucketTime);
  const endBlock = await clients.public.getBlockNumber({ cacheTime: 0 });
  return { endBlock, txCount: state.txCount, state };

  async function runAction(action: ScenarioAction): Promise<void> {
    const blockTime = Math.floor(action.t / BUCKET_SECONDS) * BUCKET_SECONDS + BUCKET_SECONDS / 2;
    switch (action.kind) {
      case "seed": {
        const entries = action.nodes.map((node) => {
          const keys = signer.nodeKeys(node.index);
          state.pubkeys.set(node.index, keys.blsPubkey);
          state.liveSigners.add(node.index);
          return {
            blsPubkey: keys.blsPubkey,
            ed25519Pubkey: keys.ed25519Pubkey,
            addedTimestamp: BigInt(action.t),
            contributors: stakes(node).map((s) => ({ staker: { addr: s.address, beneficiary: s.address }, stakedAmount: s.amount })),
          };
        });
        // The migrated nodes' stakes came over from Oxen: the contract must hold them.
        // Half from each funding wallet, as the registrations that follow are.
        const total = plan.stakingRequirement * BigInt(entries.length);
        const sources = deployment.funding.operators;
        for (const [i, source] of sources.entries()) {
          const share = i === sources.length - 1 ? total - (total / BigInt(sources.length)) * BigInt(sources.length - 1) : total / BigInt(sources.length);
          await write("fund seeded stakes", source, sesh, erc20Abi, "transfer", [serviceNodeRewards, share]);
        }
        for (let i = 0; i < entries.length; i += 100) {
          const chunk = entries.slice(i, i + 100);
          const indexes = action.nodes.slice(i, i + 100).map((n) => n.index);
          await write("seedPublicKeyList", deployment.owner, serviceNodeRewards, serviceNodeRewardsAbi, "seedPublicKeyList", [chunk], (logs) => {
            assignSeededIds(indexes, logs);
          }, 60_000_000n);
        }
        // Registrations open once the migrated nodes are in.
        await write("start", deployment.owner, serviceNodeRewards, serviceNodeRewardsAbi, "start", []);
        return;
      }
      case "register": {
        const node = action.node;
        const keys = signer.nodeKeys(node.index);
        state.pubkeys.set(node.index, keys.blsPubkey);
        const params = {
          serviceNodePubkey: keys.ed25519Pubkey,
          serviceNodeSignature1: keys.serviceNodeSignature1,
          serviceNodeSignature2: keys.serviceNodeSignature2,
          fee: node.fee,
        };
        const source = node.foundation ? deployment.funding.foundation : deployment.funding.operators[node.index % deployment.funding.operators.length]!;
        for (const s of stakes(node)) {
          await write("fund staker", source, sesh, erc20Abi, "transfer", [s.address, s.amount]);
        }
        if (node.contributors.length === 0) {
          await write("approve stake", node.operator, sesh, erc20Abi, "approve", [serviceNodeRewards, node.operatorStake]);
          const pop = signer.proofOfPossession(node.index, node.operator);
          await write("addBLSPublicKey", node.operator, serviceNodeRewards, serviceNodeRewardsAbi, "addBLSPublicKey", [
            keys.blsPubkey, pop, params, [{ staker: { addr: node.operator, beneficiary: node.operator }, stakedAmount: node.operatorStake }],
          ], nodeIdFromLogs(node.index));
          state.liveSigners.add(node.index);
          return;
        }
        // A multi-contributor node: the operator opens a contribution contract, each contributor
        // funds it, and the last contribution fills it and registers the node.
        const reserved = stakes(node).map((s) => ({ addr: s.address, amount: s.amount }));
        // The factory deploys with CREATE: the new contract's address follows from its nonce,
        // so the contributions can go into the same block.
        const contract = getContractAddress({ from: contributionFactory, nonce: state.factoryNonce++ });
        const pop = signer.proofOfPossession(node.index, node.operator);
        await write("factory.deploy", node.operator, contributionFactory, serviceNodeContributionFactoryAbi, "deploy", [
          keys.blsPubkey, pop, params, reserved, false,
        ]);
        for (const s of stakes(node)) {
          await write("approve contribution", s.address, sesh, erc20Abi, "approve", [contract, s.amount]);
          await write("contributeFunds", s.address, contract, serviceNodeContributionAbi, "contributeFunds", [s.amount, s.address], nodeIdFromLogs(node.index));
        }
        state.liveSigners.add(node.index);
        return;
      }
      case "exitRequest": {
        const id = requireId(action.node);
        await write("initiateExitBLSPublicKey", action.node.operator, serviceNodeRewards, serviceNodeRewardsAbi, "initiateExitBLSPublicKey", [id]);
        return;
      }
      case "exit": {
        const node = action.node;
        const id = requireId(node);
        if (node.exit!.afterWaitTime) {
          await write("exitBLSPublicKeyAfterWaitTime", node.operator, serviceNodeRewards, serviceNodeRewardsAbi, "exitBLSPublicKeyAfterWaitTime", [id]);
        } else {
          const pubkey = state.pubkeys.get(node.index)!;
          const signature = signer.signExit(state.liveSigners, pubkey, BigInt(blockTime));
          // Anyone may send the network's signed exit: here a keeper, not the node's owner.
          const keeper = seededAddress(plan.config.seed, "keeper", 0);
          await write("exitBLSPublicKeyWithSignature", keeper, serviceNodeRewards, serviceNodeRewardsAbi, "exitBLSPublicKeyWithSignature", [pubkey, BigInt(blockTime), signature, []]);
        }
        state.liveSigners.delete(node.index);
        for (const s of stakes(node)) creditOnChain(s.address, s.amount);
        return;
      }
      case "liquidate": {
        const node = action.node;
        const pubkey = state.pubkeys.get(node.index)!;
        const liquidator = seededAddress(plan.config.seed, "liquidator", 0);
        const signature = signer.signLiquidation(state.liveSigners, pubkey, BigInt(blockTime));
        await write("liquidateBLSPublicKeyWithSignature", liquidator, serviceNodeRewards, serviceNodeRewardsAbi, "liquidateBLSPublicKeyWithSignature", [pubkey, BigInt(blockTime), signature, []]);
        state.liveSigners.delete(node.index);
        // The stake less the liquidation penalty (0.2%) goes back to the contributors.
        for (const s of stakes(node)) creditOnChain(s.address, s.amount - (s.amount * 2n) / 1_000n);
        return;
      }
      case "poolRelease": {
        const keeper = seededAddress(plan.config.seed, "keeper", 0);
        await write("payoutReleased", keeper, rewardRatePool, rewardRatePoolAbi, "payoutReleased", [], (logs) => {
          for (const log of logs) {
            if (log.address.toLowerCase() !== rewardRatePool.toLowerCase()) continue;
            const decoded = decodeEventLog({ abi: rewardRatePoolAbi, topics: log.topics as [Hex], data: log.data, strict: false });
            if (decoded.eventName === "FundsReleased") state.lastRelease = (decoded.args as { amount: bigint }).amount;
          }
        });
        return;
      }
      case "rewards": {
        await mineAt(blockTime);
        const live = plan.nodes.filter((n) => state.liveSigners.has(n.index));
        if (live.length === 0 || state.lastRelease === 0n) return;
        // Each live node earns an equal share of what the pool released; the operator's fee
        // comes off first, the rest is split by stake.
        const perNode = (state.lastRelease * 95n) / 100n / BigInt(live.length);
        for (const node of live) {
          const fee = (perNode * BigInt(node.fee)) / 10_000n;
          let left = perNode - fee;
          const all = stakes(node);
          credit(node.operator, fee);
          all.forEach((s, i) => {
            const share = i === all.length - 1 ? left : (perNode - fee) * s.amount / plan.stakingRequirement;
            left -= share;
            credit(s.address, share);
          });
        }
        if (!action.claim) return;
        const recipients = [...state.owed.keys()].sort().filter(() => random.chance(0.35));
        // Claims are capped network-wide per 12-hour cycle (1M SESH): past the cap, people wait.
        let claimedThisCycle = 0n;
        for (const recipient of recipients) {
          const owed = state.owed.get(recipient)!;
          const claimed = state.claimed.get(recipient) ?? 0n;
          if (owed - claimed < SESH / 2n) continue;
          if (claimedThisCycle + owed - claimed > CLAIM_THRESHOLD) continue;
          claimedThisCycle += owed - claimed;
          if (owed > (state.onChain.get(recipient) ?? 0n)) {
            const signature = signer.signRewards(state.liveSigners, recipient, owed);
            await write("updateRewardsBalance", recipient, serviceNodeRewards, serviceNodeRewardsAbi, "updateRewardsBalance", [recipient, owed, signature, []]);
            state.onChain.set(recipient, owed);
          }
          await write("claimRewards", recipient, serviceNodeRewards, serviceNodeRewardsAbi, "claimRewards", []);
          state.claimed.set(recipient, owed);
        }
        return;
      }
      case "vestingStake": {
        const wallet = deployment.vesting[action.vesting]!;
        // Keys beyond the plan's nodes: the simulator plays any node it finds on chain.
        const index = plan.nodes.length + 1_000 + action.vesting;
        const keys = signer.nodeKeys(index);
        state.pubkeys.set(index, keys.blsPubkey);
        const params = { serviceNodePubkey: keys.ed25519Pubkey, serviceNodeSignature1: keys.serviceNodeSignature1, serviceNodeSignature2: keys.serviceNodeSignature2, fee: 0 };
        // The node's operator is the vesting wallet itself: it signs the proof for that address.
        await write("vesting addBLSPublicKey", wallet.beneficiary, wallet.address, tokenVestingStakingAbi, "addBLSPublicKey", [
          keys.blsPubkey, signer.proofOfPossession(index, wallet.address), params, wallet.address,
        ]);
        state.liveSigners.add(index);
        return;
      }
      case "vestingRelease": {
        const wallet = deployment.vesting[action.vesting]!;
        await write("vesting release", wallet.beneficiary, wallet.address, tokenVestingStakingAbi, "release", [sesh]);
        return;
      }
      case "transfers": {
        for (let i = 0; i < 3; i++) {
          const to = seededAddress(plan.config.seed, "holder", random.int(0, 199));
          const amount = BigInt(random.int(100, 50_000)) * SESH;
          await write("holder transfer", deployment.funding.holders, sesh, erc20Abi, "transfer", [to, amount]);
        }
        await trade();
        return;
      }
    }
  }

  /**
   * A day of SESH trading between the plan's holders: a few heavy hitters (exchanges) on either
   * side of most transfers, each a real SESH Transfer, sent in batches through the devnet's
   * SeshTransferBatcher.
   */
  async function trade(): Promise<void> {
    const { holders, transfersPerDay } = plan.trading;
    const seshTransferBatcherAbi = loadArtifact("SeshTransferBatcher").abi;
    const batch: { from: Address[]; to: Address[]; amounts: bigint[] } = { from: [], to: [], amounts: [] };
    const flush = async () => {
      if (batch.from.length === 0) return;
      const gas = 60_000n * BigInt(batch.from.length) + 200_000n;
      await write("holder trading", deployment.owner, deployment.transferBatcher, seshTransferBatcherAbi, "transferBatch", [batch.from.splice(0), batch.to.splice(0), batch.amounts.splice(0)], undefined, gas);
    };
    const add = async (from: Address, to: Address, amount: bigint) => {
      batch.from.push(from);
      batch.to.push(to);
      batch.amounts.push(amount);
      if (from !== deployment.funding.holders) state.traderBalances.set(from, state.traderBalances.get(from)! - amount);
      state.traderBalances.set(to, (state.traderBalances.get(to) ?? 0n) + amount);
      if (batch.from.length === TRANSFERS_PER_BATCH) await flush();
    };
    // Holders join over the months (thousands at once would make blocks anvil chokes on):
    // each approves the batcher and gets a first allocation from the community fund.
    const fund = deployment.funding.holders;
    const joined = state.traderBalances.size;
    if (joined === 0) await write("approve batcher", fund, sesh, erc20Abi, "approve", [deployment.transferBatcher, maxUint256], undefined, 100_000n);
    const joining = holders.slice(joined, joined + Math.max(10, Math.ceil(holders.length / (plan.config.months * 30))));
    for (const holder of joining) {
      await write("approve batcher", holder, sesh, erc20Abi, "approve", [deployment.transferBatcher, maxUint256], undefined, 100_000n);
      await add(fund, holder, BigInt(tradingRandom.int(50, 1_000)) * SESH);
    }
    const active = state.traderBalances.size;
    for (let i = 0; i < transfersPerDay; i++) {
      const from = holders[tradingRandom.zipf(active, 0.9)]!;
      const to = holders[tradingRandom.zipf(active, 0.9)]!;
      const balance = state.traderBalances.get(from)!;
      if (from === to || balance < SESH) continue;
      await add(from, to, (balance * BigInt(tradingRandom.int(1, 40))) / 100n);
    }
    await flush();
  }

  function requireId(node: PlannedNode): bigint {
    const id = state.nodeIds.get(node.index);
    if (id === undefined) throw new Error(`devnet scenario: node ${node.index} has no on-chain id yet`);
    return id;
  }
}

/** A stable fingerprint of the chain's state: same seed, same fingerprint. */
export async function chainFingerprint(clients: DevnetClients): Promise<Hex> {
  const block = await clients.public.getBlock({ blockTag: "latest" });
  return keccak256(toHex(`${block.number}/${block.hash}/${block.stateRoot}`));
}
