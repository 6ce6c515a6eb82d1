import { createPublicClient, http, type Address, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runChainIndexer } from "../../indexer/chain-indexer";
import { connectDatabase } from "../../indexer/store/database";
import { indexerEnvFor, startDevnetFixture, type DevnetFixture } from "../../test-support/devnet-fixture";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { rewardRatePoolAbi } from "../abi/reward-rate-pool-abi";
import { serviceNodeRewardsAbi } from "../abi/service-node-rewards-abi";
import { seshl2Abi } from "../abi/seshl2-abi";
import { readIndexerConfig } from "../config/indexer-config";
import { readWebConfig } from "../config/web-config";
import { recipientAccounts, type BalanceUpdate } from "../rewards/recipient-accounts";
import { liquidationSplit } from "../rewards/rewards-contract-reconciliation";
import { balancesFromTransfers, supplyFromTransfers } from "../tokens/transfer-ledger";
import { getDeploymentContracts, type DeploymentContracts } from "./deployment-contracts";
import { prisma } from "./prisma-client";
import { getAsOf, getLiquidations, getRecipientRewardHistory, getRecipientRewards, getRewardFlowSummary, getRewardSeries } from "./reward-queries";
import { getCategoryPositions, getTokenSupply, getVestingContracts } from "./token-queries";

// The reward and token pages' figures against the devnet contracts themselves, to the unit:
// the scenario (registrations, exits, liquidations, pool releases, credits, claims, vesting)
// is indexed as `npm start` indexes it, then every identity is checked against eth_call.

let fixture: DevnetFixture;
let db: TestDatabase;
let client: PublicClient;
let contracts: DeploymentContracts;

beforeAll(async () => {
  fixture = await startDevnetFixture();
  db = await createTestDatabase();
  const env = indexerEnvFor(fixture, db.url);
  const config = readIndexerConfig(env);
  const sql = connectDatabase(db.url);
  client = createPublicClient({ transport: http(fixture.chain.rpcUrl) }) as PublicClient;
  const controller = new AbortController();
  const errors: unknown[] = [];
  try {
    await runChainIndexer({
      config,
      sql,
      client,
      signal: controller.signal,
      onProgress: () => {},
      onCaughtUp: (block) => {
        if (block >= fixture.endBlock) controller.abort();
      },
      onError: (e) => {
        errors.push(e);
        controller.abort();
      },
    });
  } finally {
    await sql.end();
  }
  expect(errors).toEqual([]);
  // The web side reads the same database through its own configuration.
  Object.assign(process.env, {
    DATABASE_URL: db.url,
    SESH_ADDRESS: env.SESH_ADDRESS,
    SERVICE_NODE_REWARDS_ADDRESS: env.SERVICE_NODE_REWARDS_ADDRESS,
    REWARD_RATE_POOL_ADDRESS: env.REWARD_RATE_POOL_ADDRESS,
    VESTING_ADDRESSES: env.VESTING_ADDRESSES,
  });
  contracts = await getDeploymentContracts(readWebConfig().contracts);
}, 240_000);

afterAll(async () => {
  await prisma().$disconnect();
  await fixture?.stop();
  await db?.drop();
});

const at = () => ({ blockNumber: fixture.endBlock });
const balanceOf = (address: string) =>
  client.readContract({ address: fixture.deployment.addresses.sesh, abi: seshl2Abi, functionName: "balanceOf", args: [address as Address], ...at() });

describe("reward flows against the chain", () => {
  it("indexed up to the chain's head", async () => {
    expect((await getAsOf()).block).toBe(fixture.endBlock);
  });

  it("the pool's balance = its deposits − its releases = balanceOf(pool), and releases = totalPaidOut()", async () => {
    const s = await getRewardFlowSummary(contracts, { period: "all", bucket: "week" });
    const pool = fixture.deployment.addresses.rewardRatePool;
    const onChain = await balanceOf(pool);
    const paidOut = await client.readContract({ address: pool, abi: rewardRatePoolAbi, functionName: "totalPaidOut", ...at() });
    expect(s.allTime.releaseCount).toBeGreaterThan(5);
    expect(s.reconciliation.pool.balanceByIdentity).toBe(onChain);
    expect(s.reconciliation.pool.balanceFromTransfers).toBe(onChain);
    expect(s.reconciliation.pool.releases).toBe(paidOut);
    expect(s.reconciliation.pool.transfersOut).toBe(paidOut);
  });

  it("the rewards contract's SESH = live stakes + exited + liquidated stakes + releases − claims − liquidation payouts = its obligations", async () => {
    const s = await getRewardFlowSummary(contracts, { period: "all", bucket: "week" });
    const rc = s.reconciliation.rewardsContract;
    const onChain = await balanceOf(fixture.deployment.addresses.serviceNodeRewards);
    expect(rc.flows.claimsPaid).toBeGreaterThan(0n);
    expect(rc.flows.exitedStakes).toBeGreaterThan(0n);
    expect(rc.balanceFromTransfers).toBe(onChain);
    expect(rc.balanceByFlows).toBe(onChain);
    expect(rc.obligationsTotal).toBe(onChain);
    expect(rc.flows.otherInflows).toBe(0n);
    expect(rc.otherOutflows).toBe(0n);
    // Live stakes are what the contract's own node list holds.
    const [ids] = await client.readContract({ address: fixture.deployment.addresses.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "allServiceNodeIDs", ...at() });
    let deposits = 0n;
    for (const id of ids) {
      const node = await client.readContract({ address: fixture.deployment.addresses.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "serviceNodes", args: [id], ...at() });
      deposits += node.deposit;
    }
    expect(rc.flows.liveStakes).toBe(deposits);
  });

  it("each recipient's unclaimed = credited − claimed, as the contract's recipients() says", async () => {
    const events = await prisma().chainEvent.findMany({
      where: { contract: "ServiceNodeRewards", eventName: { in: ["RewardsBalanceUpdated", "RewardsClaimed", "ServiceNodeExit", "ServiceNodeLiquidated"] } },
      orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
    });
    const returnTxs = new Set(events.filter((e) => e.eventName === "ServiceNodeExit" || e.eventName === "ServiceNodeLiquidated").map((e) => e.txHash));
    const arg = (e: (typeof events)[number], k: string) => (e.args as Record<string, string>)[k]!;
    const updates: BalanceUpdate[] = events
      .filter((e) => e.eventName === "RewardsBalanceUpdated")
      .map((e) => ({ recipient: arg(e, "recipientAddress"), amount: BigInt(arg(e, "amount")), previousBalance: BigInt(arg(e, "previousBalance")), kind: returnTxs.has(e.txHash) ? "stake_return" : "reward" }));
    const claims = events.filter((e) => e.eventName === "RewardsClaimed").map((e) => ({ recipient: arg(e, "recipientAddress"), amount: BigInt(arg(e, "amount")) }));
    const accounts = recipientAccounts(updates, claims);
    const table = new Map((await prisma().rewardAccount.findMany()).map((a) => [a.recipient, a]));
    expect(accounts.length).toBeGreaterThan(20);
    expect(table.size).toBe(accounts.length);
    for (const a of accounts) {
      const [rewards, claimed] = await client.readContract({ address: fixture.deployment.addresses.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "recipients", args: [a.recipient as Address], ...at() });
      expect({ recipient: a.recipient, credited: a.credited, claimed: a.claimed }).toEqual({ recipient: a.recipient, credited: rewards, claimed });
      expect(a.unclaimed).toBe(rewards - claimed);
      const row = table.get(a.recipient)!;
      expect({ credited: row.credited, claimed: row.claimed, unclaimed: row.unclaimed }).toEqual({ credited: a.credited, claimed: a.claimed, unclaimed: a.unclaimed });
    }
    const s = await getRewardFlowSummary(contracts, { period: "all", bucket: "week" });
    expect(s.reconciliation.unclaimedFromEvents).toBe(accounts.reduce((t, a) => t + a.unclaimed, 0n));
    expect(s.reconciliation.unclaimedFromAccounts).toBe(s.reconciliation.unclaimedFromEvents);
    // The page's recipient table splits credited into rewards and returned stakes exactly.
    const { rows } = await getRecipientRewards([], 10);
    for (const r of rows) expect(r.rewards + r.returnedStakes).toBe(r.credited);
  });

  it("the series adds up to the all-time totals", async () => {
    const s = await getRewardFlowSummary(contracts, { period: "all", bucket: "week" });
    const series = await getRewardSeries({ period: "all", bucket: "day" });
    const last = series.at(-1)!;
    expect(last.cumulative.released).toBe(s.allTime.released);
    expect(last.cumulative.rewardCredited).toBe(s.allTime.rewardCredits);
    expect(last.cumulative.claimed).toBe(s.allTime.claimed);
    expect(last.cumulative.stakeReturned).toBe(s.allTime.exitCredits + s.allTime.liquidationCredits);
    expect(series.reduce((t, r) => t + r.released, 0n)).toBe(s.allTime.released);
  });

  it("one recipient's series adds up to its account, and its stake is the nodes' own", async () => {
    const [top] = (await getRecipientRewards([], 1)).rows;
    const history = await getRecipientRewardHistory(top!.recipient, { period: "all", bucket: "week" });
    const sum = (k: "rewardCredited" | "stakeReturned" | "claimed" | "estimatedAccrued") => history.series.reduce((t, r) => t + r[k], 0n);
    expect(sum("rewardCredited")).toBe(top!.rewards);
    expect(sum("stakeReturned")).toBe(top!.returnedStakes);
    expect(sum("claimed")).toBe(top!.claimed);
    expect(sum("estimatedAccrued")).toBeGreaterThan(0n);
    expect(history.nodes.filter((n) => n.state === "active" || n.state === "exit_requested").reduce((t, n) => t + n.stake, 0n)).toBe(top!.liveStake);
  });

  it("each liquidation's penalty went to the liquidator and the pool as the contract's ratios say", async () => {
    const liquidations = await getLiquidations(contracts);
    expect(liquidations.length).toBeGreaterThan(0);
    const ratios = await Promise.all(
      (["liquidatorRewardRatio", "poolShareOfLiquidationRatio", "recipientRatio"] as const).map((functionName) =>
        client.readContract({ address: fixture.deployment.addresses.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName, ...at() }),
      ),
    );
    for (const l of liquidations) {
      const stakes = await prisma().nodeContribution.findMany({ where: { nodeId: l.nodeId }, orderBy: { position: "asc" } });
      const split = liquidationSplit(stakes.map((s) => s.amount), { liquidator: ratios[0]!, pool: ratios[1]!, recipient: ratios[2]! });
      expect({ liquidator: l.toLiquidator, pool: l.toPool, returned: l.returnedToContributors, dust: l.dust }).toEqual({
        liquidator: split.liquidator,
        pool: split.pool,
        returned: split.returned.reduce((t, r) => t + r, 0n),
        dust: split.dust,
      });
    }
  });
});

describe("token balances against the chain", () => {
  it("every holder's balance = the sum of its transfers = balanceOf, and the supply = totalSupply()", async () => {
    const transfers = (await prisma().chainEvent.findMany({ where: { contract: "SESH", eventName: "Transfer" }, orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }] })).map((e) => {
      const a = e.args as Record<string, string>;
      return { from: a.from!, to: a.to!, value: BigInt(a.value!) };
    });
    const balances = balancesFromTransfers(transfers);
    const table = new Map((await prisma().tokenBalance.findMany()).map((t) => [t.holder, t.balance]));
    expect(balances.size).toBeGreaterThan(50);
    expect(table.size).toBe(balances.size);
    for (const [holder, balance] of balances) {
      expect({ holder, balance }).toEqual({ holder, balance: await balanceOf(holder) });
      expect(table.get(holder)).toBe(balance);
    }
    const totalSupply = await client.readContract({ address: fixture.deployment.addresses.sesh, abi: seshl2Abi, functionName: "totalSupply", ...at() });
    expect(supplyFromTransfers(transfers)).toBe(totalSupply);
    const supply = await getTokenSupply(contracts, (await getAsOf()).time);
    expect(supply.totalSupply).toBe(totalSupply);
    expect(supply.sumOfHolderBalances).toBe(totalSupply);
    expect(supply.holdersDisagreeing).toBe(0);
    expect(supply.poolBalance).toBe(await balanceOf(fixture.deployment.addresses.rewardRatePool));
    let vesting = 0n;
    for (const v of fixture.deployment.addresses.vesting) vesting += await balanceOf(v);
    expect(supply.vestingBalance).toBe(vesting);
  });

  it("each genesis category's tokens are all accounted for, and the vesting contracts hold what the chain says", async () => {
    const categories = await getCategoryPositions(contracts);
    expect(categories.every((c) => c.wallet !== null)).toBe(true);
    expect(categories.find((c) => c.id === "staking-reward-pool")!.wallet).toBe(fixture.deployment.addresses.rewardRatePool.toLowerCase());
    for (const c of categories) {
      expect(c.held).toBe(await balanceOf(c.wallet!));
      expect({ id: c.id, total: c.held + c.sentToVesting + c.sentToStaking + c.releasedByPool + c.transferredOn - c.receivedBack }).toEqual({ id: c.id, total: c.allocation });
    }
    const vesting = await getVestingContracts(contracts, (await getTokenSupply(contracts, null)).genesisAt);
    expect(vesting).toHaveLength(fixture.deployment.addresses.vesting.length);
    for (const v of vesting) {
      expect(v.balance).toBe(await balanceOf(v.address));
      expect(v.lockup).toBe(fixture.deployment.vesting.find((d) => d.address.toLowerCase() === v.address)!.lockup);
    }
  });
});
