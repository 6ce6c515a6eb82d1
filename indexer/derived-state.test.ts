import { createPublicClient, encodeFunctionData, erc20Abi, http, type Address, type Hex, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bn254NetworkSigner } from "../devnet/scenario/bn254-network-signer";
import { serviceNodeContributionAbi } from "../lib/abi/service-node-contribution-abi";
import { serviceNodeContributionFactoryAbi } from "../lib/abi/service-node-contribution-factory-abi";
import { serviceNodeRewardsAbi } from "../lib/abi/service-node-rewards-abi";
import { rewardRatePoolAbi } from "../lib/abi/reward-rate-pool-abi";
import { readContributionContract } from "../lib/chain/read-contribution-contract";
import { readIndexerConfig } from "../lib/config/indexer-config";
import { listPoolReleases } from "../lib/db/pool-release-queries";
import { indexerEnvFor, startDevnetFixture, type DevnetFixture } from "../test-support/devnet-fixture";
import { planOpenContributions, type OpenContributionKind } from "../devnet/scenario/open-contributions";
import { indexedStateSnapshot } from "../test-support/indexed-state-snapshot";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { runChainIndexer } from "./chain-indexer";
import { connectDatabase, type Sql } from "./store/database";

// The derived tables checked against the contracts' own view functions at the indexed head.

let fixture: DevnetFixture;
const databases: TestDatabase[] = [];
let sql: Sql;
let client: PublicClient;
let awaitingOperator: Address;
const contractStatuses = ["awaiting_operator", "open", "filled", "finalized"] as const;

/** Sends a transaction from any address (anvil impersonates) and mines it; fails the test if it reverts. */
async function send(from: Address, to: Address, data: Hex): Promise<void> {
  await fixture.clients.test.setBalance({ address: from, value: 10n ** 21n });
  const hash = await fixture.clients.public.request({ method: "eth_sendTransaction" as never, params: [{ from, to, data, gas: "0x7a1200" }] as never }) as Hex;
  await fixture.clients.test.mine({ blocks: 1 });
  const receipt = await fixture.clients.public.getTransactionReceipt({ hash });
  expect(receipt.status, `transaction to ${to}`).toBe("success");
}

/** Opens a contribution contract the devnet's history does not have: the scenario fills and finalizes all of its own. */
async function deployContributionContract(operator: Address, keyIndex: number, manualFinalize: boolean, reserved: { addr: Address; amount: bigint }[]): Promise<Address> {
  const a = fixture.deployment.addresses;
  const signer = bn254NetworkSigner({ seed: "derived-state", chainId: 31337, rewardsContract: a.serviceNodeRewards });
  const keys = signer.nodeKeys(keyIndex);
  const params = { serviceNodePubkey: keys.ed25519Pubkey, serviceNodeSignature1: keys.serviceNodeSignature1, serviceNodeSignature2: keys.serviceNodeSignature2, fee: 700 };
  await send(operator, a.contributionFactory, encodeFunctionData({
    abi: serviceNodeContributionFactoryAbi,
    functionName: "deploy",
    args: [keys.blsPubkey, signer.proofOfPossession(keyIndex, operator), params, reserved, manualFinalize],
  }));
  const [log] = await fixture.clients.public.getContractEvents({ address: a.contributionFactory, abi: serviceNodeContributionFactoryAbi, eventName: "NewServiceNodeContributionContract", args: {}, fromBlock: "latest" });
  return log!.args.contributorContract!;
}

async function contribute(contract: Address, contributor: Address, amount: bigint): Promise<void> {
  await send(fixture.deployment.funding.holders, fixture.deployment.addresses.sesh, encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [contributor, amount] }));
  await send(contributor, fixture.deployment.addresses.sesh, encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [contract, amount] }));
  await send(contributor, contract, encodeFunctionData({ abi: serviceNodeContributionAbi, functionName: "contributeFunds", args: [amount, contributor] }));
}

beforeAll(async () => {
  fixture = await startDevnetFixture({ seed: "derived-state" });
  const [operator, friend, other] = fixture.plan.operators as Address[];
  const requirement = fixture.plan.stakingRequirement;

  // Filled (manual finalize), then a contributor withdraws a day later: open again, with no event saying so.
  const reopened = await deployContributionContract(operator!, 50_000, true, [{ addr: operator!, amount: requirement / 4n }, { addr: friend!, amount: requirement / 4n }]);
  await contribute(reopened, operator!, requirement / 4n);
  await contribute(reopened, friend!, requirement / 4n);
  await contribute(reopened, other!, requirement / 2n);
  await fixture.clients.test.increaseTime({ seconds: 86_401 });
  await send(friend!, reopened, encodeFunctionData({ abi: serviceNodeContributionAbi, functionName: "withdrawContribution", args: [] }));
  // Filled and waiting for the operator to finalize.
  const filled = await deployContributionContract(friend!, 50_001, true, []);
  await contribute(filled, friend!, requirement / 2n);
  await contribute(filled, operator!, requirement / 2n);
  // Nothing contributed yet.
  awaitingOperator = await deployContributionContract(other!, 50_002, false, []);

  fixture.endBlock = await fixture.clients.public.getBlockNumber({ cacheTime: 0 });
  client = createPublicClient({ transport: http(fixture.chain.rpcUrl, { batch: true }) }) as PublicClient;
  const db = await createTestDatabase();
  databases.push(db);
  await indexToHead(db.url);
  sql = connectDatabase(db.url);
}, 240_000);

afterAll(async () => {
  await sql?.end();
  await fixture?.stop();
  for (const db of databases) await db.drop();
});

/** Runs the chain indexer into `databaseUrl` until it has caught up with fixture.endBlock. */
async function indexToHead(databaseUrl: string): Promise<void> {
  const config = readIndexerConfig(indexerEnvFor(fixture, databaseUrl, { LOG_RANGE: "500" }));
  const indexerSql = connectDatabase(databaseUrl);
  const controller = new AbortController();
  const errors: unknown[] = [];
  await runChainIndexer({
    config,
    sql: indexerSql,
    client,
    signal: controller.signal,
    onCaughtUp: (block) => block >= fixture.endBlock && controller.abort(),
    onError: (e) => {
      errors.push(e);
      controller.abort();
    },
  });
  await indexerSql.end();
  expect(errors).toEqual([]);
}

describe("derived state against the devnet contracts", () => {
  it("holds every SESH holder's balanceOf, and the whole supply", async () => {
    const a = fixture.deployment.addresses;
    const rows = await sql<{ holder: Address; balance: bigint; updatedTx: string }[]>`SELECT holder, balance, "updatedTx" FROM "TokenBalance"`;
    expect(rows.length).toBeGreaterThan(50);
    const onChain = await Promise.all(rows.map((r) => client.readContract({ address: a.sesh, abi: erc20Abi, functionName: "balanceOf", args: [r.holder], blockNumber: fixture.endBlock })));
    expect(rows.map((r) => r.balance)).toEqual(onChain);
    const supply = await client.readContract({ address: a.sesh, abi: erc20Abi, functionName: "totalSupply", blockNumber: fixture.endBlock });
    expect(rows.reduce((t, r) => t + r.balance, 0n)).toBe(supply);
    // The holders that matter are there, each pointing at the transfer that last changed it.
    for (const holder of [a.serviceNodeRewards, a.rewardRatePool, ...a.vesting, fixture.deployment.funding.holders]) {
      expect(rows.find((r) => r.holder === holder.toLowerCase()), holder).toBeDefined();
    }
    const [evidence] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "TokenBalance" b JOIN "ChainEvent" e ON e."txHash" = b."updatedTx" AND e."blockNumber" = b."updatedBlock" AND e."eventName" = 'Transfer'`;
    expect(evidence!.n).toBeGreaterThanOrEqual(rows.length);
  });

  it("holds each reward recipient's credited and claimed totals as ServiceNodeRewards records them", async () => {
    const rows = await sql<{ recipient: Address; credited: bigint; claimed: bigint; unclaimed: bigint }[]>`SELECT recipient, credited, claimed, unclaimed FROM "RewardAccount"`;
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.claimed > 0n)).toBe(true);
    const onChain = await Promise.all(rows.map((r) => client.readContract({ address: fixture.deployment.addresses.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "recipients", args: [r.recipient], blockNumber: fixture.endBlock })));
    expect(rows.map((r) => ({ recipient: r.recipient, credited: r.credited, claimed: r.claimed, unclaimed: r.unclaimed }))).toEqual(
      rows.map((r, i) => ({ recipient: r.recipient, credited: onChain[i]![0], claimed: onChain[i]![1], unclaimed: onChain[i]![0] - onChain[i]![1] })),
    );
  });

  it("holds each contribution contract's status, total, contributions and reservations as its views report them", async () => {
    const rows = await sql<{ address: Address; status: string; totalContributed: bigint; contributorCount: number; serviceNodeId: bigint | null; fee: number; manualFinalize: boolean }[]>`
      SELECT address, status, "totalContributed", "contributorCount", "serviceNodeId", fee, "manualFinalize" FROM "ContributionContract" ORDER BY "createdBlock"`;
    expect(rows.length).toBeGreaterThan(4);
    for (const row of rows) {
      const at = { address: row.address, abi: serviceNodeContributionAbi, blockNumber: fixture.endBlock } as const;
      const [status, total, contributions, reserved, params, manualFinalize] = await Promise.all([
        client.readContract({ ...at, functionName: "status" }),
        client.readContract({ ...at, functionName: "totalContribution" }),
        client.readContract({ ...at, functionName: "getContributions" }),
        client.readContract({ ...at, functionName: "getReserved" }),
        client.readContract({ ...at, functionName: "serviceNodeParams" }),
        client.readContract({ ...at, functionName: "manualFinalize" }),
      ]);
      expect({ status: row.status, total: row.totalContributed, count: row.contributorCount, fee: row.fee, manualFinalize: row.manualFinalize }, row.address).toEqual({
        status: contractStatuses[status],
        total,
        count: contributions[0].length,
        fee: params.fee,
        manualFinalize,
      });
      const stakes = await sql<{ contributor: string; beneficiary: string; amount: bigint }[]>`
        SELECT contributor, beneficiary, amount FROM "ContributionContractStake" WHERE "contractAddress" = ${row.address} ORDER BY contributor`;
      expect(stakes).toEqual(
        contributions[0].map((addr, i) => ({ contributor: addr.toLowerCase(), beneficiary: contributions[1][i]!.toLowerCase(), amount: contributions[2][i]! })).sort((x, y) => x.contributor.localeCompare(y.contributor)),
      );
      const reservations = await sql<{ contributor: string; amount: bigint; received: boolean }[]>`
        SELECT contributor, amount, received FROM "ContributionReservation" WHERE "contractAddress" = ${row.address} ORDER BY position`;
      expect(reservations).toEqual(reserved[0].map((addr, i) => ({ contributor: addr.toLowerCase(), amount: reserved[1][i]!, received: reserved[2][i]! })));
      if (row.status === "finalized") expect(row.serviceNodeId).not.toBeNull();
    }
    // The three this test opened: reopened by a withdrawal, filled awaiting finalize, awaiting the operator.
    expect(rows.slice(-3).map((r) => r.status)).toEqual(["open", "filled", "awaiting_operator"]);
  });

  it("keeps the contribution contracts the history leaves open, each in the state its story left it", async () => {
    const a = fixture.deployment.addresses;
    const signer = bn254NetworkSigner({ seed: "derived-state", chainId: 31337, rewardsContract: a.serviceNodeRewards });
    const expected: Record<OpenContributionKind, string> = {
      operatorOnly: "open",
      partlyFilled: "open",
      reservedSlots: "open",
      filledNotFinalized: "filled",
      contributorWithdrew: "open",
    };
    const open = planOpenContributions(fixture.plan);
    expect(new Set(open.map((o) => o.kind)).size).toBe(5);
    for (const planned of open) {
      const key = signer.nodeKeys(planned.keyIndex).ed25519Pubkey.toString(16).padStart(64, "0");
      const [row] = await sql<{ address: string; status: string; operator: string; totalContributed: bigint; manualFinalize: boolean; serviceNodeId: bigint | null }[]>`
        SELECT address, status, operator, "totalContributed", "manualFinalize", "serviceNodeId" FROM "ContributionContract" WHERE "ed25519Pubkey" = ${key}`;
      const staked = planned.stakes.filter((s) => s.address !== planned.withdrawn).reduce((t, s) => t + s.amount, 0n);
      expect(row, planned.kind).toMatchObject({ status: expected[planned.kind], operator: planned.operator.toLowerCase(), totalContributed: staked, manualFinalize: planned.manualFinalize, serviceNodeId: null });
      const reservations = await sql<{ received: boolean }[]>`SELECT received FROM "ContributionReservation" WHERE "contractAddress" = ${row!.address} ORDER BY position`;
      // Reserved slots: the operator and the contributors who paid, and one still to come.
      if (planned.kind === "reservedSlots") expect(reservations.map((r) => r.received)).toEqual([...planned.stakes.map(() => true), false]);
      else expect(reservations).toEqual([]);
    }
    expect(open.filter((o) => o.kind === "filledNotFinalized")[0]!.stakes.reduce((t, s) => t + s.amount, 0n)).toBe(fixture.plan.stakingRequirement);
  });

  it("counts each operator's nodes and stake exactly as the node tables hold them, and the chain's live nodes", async () => {
    const [totals] = await sql<{ live: bigint; staked: bigint; awaiting: bigint; nodes: bigint }[]>`
      SELECT sum("activeNodes" + "exitRequestedNodes")::bigint AS live, sum("stakedInLiveNodes")::bigint AS staked, sum("awaitingContributors")::bigint AS awaiting,
        sum("activeNodes" + "exitRequestedNodes" + "exitedNodes" + "liquidatedNodes")::bigint AS nodes FROM "Operator"`;
    const [ids] = await client.readContract({ address: fixture.deployment.addresses.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "allServiceNodeIDs", blockNumber: fixture.endBlock });
    expect(totals!.live).toBe(BigInt(ids.length));
    expect(totals!.staked).toBe(BigInt(ids.length) * fixture.plan.stakingRequirement);
    // The three this test opened and those the history leaves open.
    expect(totals!.awaiting).toBe(3n + BigInt(planOpenContributions(fixture.plan).length));
    const [nodeCount] = await sql<{ n: bigint }[]>`SELECT count(*) AS n FROM "ServiceNode"`;
    expect(totals!.nodes).toBe(nodeCount!.n);
    // Per operator, against a recount of its nodes.
    const mismatches = await sql`
      SELECT o.address FROM "Operator" o
      LEFT JOIN (SELECT operator, count(*) FILTER (WHERE state = 'active') AS active, count(*) FILTER (WHERE state = 'exited') AS exited FROM "ServiceNode" GROUP BY operator) n ON n.operator = o.address
      WHERE o."activeNodes" <> coalesce(n.active, 0) OR o."exitedNodes" <> coalesce(n.exited, 0)`;
    expect(mismatches).toEqual([]);
  });

  it("lists the pool's releases with a running total, as the pool's FundsReleased logs and its transfers show them", async () => {
    process.env.DATABASE_URL = databases[0]!.url;
    const releases = await listPoolReleases();
    const a = fixture.deployment.addresses;
    const logs = await client.getContractEvents({ address: a.rewardRatePool, abi: rewardRatePoolAbi, eventName: "FundsReleased", fromBlock: fixture.deployment.startBlock, toBlock: fixture.endBlock });
    expect(logs.length).toBeGreaterThan(5);
    expect(releases.map((r) => ({ tx: r.txHash, amount: r.amount }))).toEqual(logs.map((l) => ({ tx: l.transactionHash, amount: l.args.amount })));
    expect(releases.at(-1)!.cumulative).toBe(logs.reduce((t, l) => t + l.args.amount!, 0n));
    // Each release is a transfer from the pool to ServiceNodeRewards in the same transaction.
    const [unmatched] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "ChainEvent" r WHERE r.contract = 'RewardRatePool' AND r."eventName" = 'FundsReleased' AND NOT EXISTS (
        SELECT 1 FROM "ChainEvent" t WHERE t."txHash" = r."txHash" AND t."eventName" = 'Transfer'
          AND t.args->>'from' = ${a.rewardRatePool.toLowerCase()} AND t.args->>'to' = ${a.serviceNodeRewards.toLowerCase()} AND t.args->>'value' = r.args->>'amount')`;
    expect(unmatched!.n).toBe(0);
  });

  it("reads a contribution contract's constructor settings from its views when the deploying call cannot be decoded", async () => {
    const creations = await sql<{ address: string; args: Record<string, string>; txHash: string; blockNumber: bigint }[]>`
      SELECT address, args, "txHash", "blockNumber" FROM "ChainEvent" WHERE "eventName" = 'NewServiceNodeContributionContract' ORDER BY "blockNumber" DESC LIMIT 3`;
    for (const created of creations) {
      const fromCalldata = await readContributionContract(client, created);
      // As if a router or multisig had called the factory: the input is not a deploy() call.
      const fromViews = await readContributionContract(client, { ...created, address: "0x0000000000000000000000000000000000000001" });
      expect(fromViews).toEqual(fromCalldata);
      expect(fromCalldata).toMatchObject({ fee: 700, stakingRequirement: fixture.plan.stakingRequirement });
    }
  });

  // Last: it rewrites the chain's recent blocks.
  it("refolds contribution contracts, reward accounts, balances and operators after a reorg, to what a fresh run builds", async () => {
    const [claimant] = await sql<{ recipient: Address; claimed: bigint }[]>`SELECT recipient, claimed FROM "RewardAccount" WHERE unclaimed > 0 ORDER BY unclaimed LIMIT 1`;
    const operator = fixture.plan.operators[2] as Address;
    const snapshotId = await fixture.clients.test.snapshot();

    // The abandoned fork: the waiting contract gets its operator's stake, a recipient claims.
    await contribute(awaitingOperator, operator, fixture.plan.stakingRequirement / 4n);
    await send(claimant!.recipient, fixture.deployment.addresses.serviceNodeRewards, encodeFunctionData({ abi: serviceNodeRewardsAbi, functionName: "claimRewards", args: [] }));
    fixture.endBlock = await fixture.clients.public.getBlockNumber({ cacheTime: 0 });
    await indexToHead(databases[0]!.url);
    const [opened] = await sql<{ status: string }[]>`SELECT status FROM "ContributionContract" WHERE address = ${awaitingOperator.toLowerCase()}`;
    expect(opened!.status).toBe("open");
    const [claimedOnFork] = await sql<{ claimed: bigint; unclaimed: bigint }[]>`SELECT claimed, unclaimed FROM "RewardAccount" WHERE recipient = ${claimant!.recipient}`;
    expect(claimedOnFork!.unclaimed).toBe(0n);
    expect(claimedOnFork!.claimed).toBeGreaterThan(claimant!.claimed);

    // The chain that wins: one unrelated transfer, at the same heights.
    await fixture.clients.test.revert({ id: snapshotId });
    await send(fixture.deployment.funding.holders, fixture.deployment.addresses.sesh, encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [operator, 789n] }));
    await fixture.clients.test.mine({ blocks: 8 });
    fixture.endBlock = await fixture.clients.public.getBlockNumber({ cacheTime: 0 });
    await indexToHead(databases[0]!.url);
    const afterReorg = await indexedStateSnapshot(sql);
    expect(afterReorg.contributionContracts.find((c) => c.address === awaitingOperator.toLowerCase())!.status).toBe("awaiting_operator");
    expect(afterReorg.rewardAccounts.find((r) => r.recipient === claimant!.recipient)!.claimed).toBe(claimant!.claimed.toString());

    const fresh = await createTestDatabase();
    databases.push(fresh);
    await indexToHead(fresh.url);
    const freshSql = connectDatabase(fresh.url);
    expect(afterReorg).toEqual(await indexedStateSnapshot(freshSql));
    await freshSql.end();
  });
});
