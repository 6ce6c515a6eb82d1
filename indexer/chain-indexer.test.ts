import { createServer } from "node:http";
import { createPublicClient, http, type PublicClient } from "viem";
import { findFreePort } from "../devnet/port-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceNodeRewardsAbi } from "../lib/abi/service-node-rewards-abi";
import { readIndexerConfig } from "../lib/config/indexer-config";
import { indexerEnvFor, startDevnetFixture, type DevnetFixture } from "../test-support/devnet-fixture";
import { indexedStateSnapshot } from "../test-support/indexed-state-snapshot";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { runChainIndexer } from "./chain-indexer";
import { missingChainEventIndexes } from "./store/chain-event-indexes";
import { connectDatabase } from "./store/database";

let fixture: DevnetFixture;
const databases: TestDatabase[] = [];

beforeAll(async () => {
  fixture = await startDevnetFixture();
}, 120_000);
afterAll(async () => {
  await fixture?.stop();
  for (const db of databases) await db.drop();
});

/** Indexes until the checkpoint reaches the chain's head, or until `stopAfterBatches`. */
async function indexToHead(databaseUrl: string, opts: { logRange?: number; stopAfterBatches?: number; rpcUrl?: string; env?: Record<string, string> } = {}): Promise<void> {
  const config = readIndexerConfig(indexerEnvFor(fixture, databaseUrl, { LOG_RANGE: String(opts.logRange ?? 10_000), ...(opts.rpcUrl ? { RPC_URL: opts.rpcUrl } : {}), ...opts.env }));
  const sql = connectDatabase(databaseUrl);
  const client = createPublicClient({ transport: http(config.rpcUrl) }) as PublicClient;
  const controller = new AbortController();
  let batches = 0;
  const errors: unknown[] = [];
  try {
    await runChainIndexer({
      config,
      sql,
      client,
      signal: controller.signal,
      onProgress: () => {
        if (++batches === opts.stopAfterBatches) controller.abort();
      },
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
}

describe("runChainIndexer against the devnet contracts", () => {
  let full: Awaited<ReturnType<typeof indexedStateSnapshot>>;

  it("stores every log of the watched contracts and the nodes the contract lists", async () => {
    const db = await createTestDatabase();
    databases.push(db);
    await indexToHead(db.url);
    const sql = connectDatabase(db.url);
    full = await indexedStateSnapshot(sql);
    expect(await missingChainEventIndexes(sql)).toEqual([]);
    await sql.end();

    const { chain, deployment } = fixture;
    const client = createPublicClient({ transport: http(chain.rpcUrl) });
    const [ids] = await client.readContract({ address: deployment.addresses.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "allServiceNodeIDs" });
    const live = full.nodes.filter((n) => n.state === "active" || n.state === "exit_requested").map((n) => n.id);
    expect(live).toEqual([...ids].sort((x, y) => Number(x - y)).map(String));
    expect(ids.length).toBeGreaterThan(40);

    // Every log of the contracts, the factory's children included, exactly once.
    const children = full.events.filter((e) => e.eventName === "NewServiceNodeContributionContract").map((e) => (e.args as { contributorContract: string }).contributorContract);
    expect(children.length).toBeGreaterThan(3);
    const a = deployment.addresses;
    const logs = await client.getLogs({ address: [a.sesh, a.serviceNodeRewards, a.rewardRatePool, a.contributionFactory, ...a.vesting, ...(children as `0x${string}`[])], fromBlock: deployment.startBlock, toBlock: fixture.endBlock });
    expect(full.events.length).toBe(logs.length);
    const names = new Set(full.events.map((e) => e.eventName));
    for (const name of ["Transfer", "Approval", "NewSeededServiceNode", "NewServiceNodeV2", "ServiceNodeExitRequest", "ServiceNodeExit", "RewardsBalanceUpdated", "RewardsClaimed", "FundsReleased", "NewServiceNodeContributionContract", "NewContribution", "Filled", "Finalized", "TokensReleased"]) {
      expect(names, name).toContain(name);
    }
    // Investors staked from their vesting wallets: the wallet is the node's operator.
    const vestingOperated = full.nodes.filter((n) => a.vesting.map((v) => v.toLowerCase()).includes(n.operator));
    expect(vestingOperated).toHaveLength(2);
    // Seeded nodes got their owners from the seeding transaction.
    const seeded = full.nodes.filter((n) => n.seeded);
    expect(seeded.length).toBeGreaterThan(5);
    expect(seeded.every((n) => n.operator.startsWith("0x") && n.totalStaked === "25000000000000")).toBe(true);
  });

  it("resumes from its checkpoint after stopping midway, to the same database", async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const sql = connectDatabase(db.url);
    for (let run = 0; run < 4; run++) {
      // Ranges that cannot grow, two to a transaction: each run stops further on, short of the head.
      await indexToHead(db.url, { logRange: 10, stopAfterBatches: 3, env: { LOG_RANGE_MAX: "10", RANGES_PER_COMMIT: "2" } });
      const [checkpoint] = await sql<{ blockNumber: bigint }[]>`SELECT "blockNumber" FROM "IndexerCheckpoint"`;
      expect(checkpoint!.blockNumber).toBe(fixture.deployment.startBlock - 1n + BigInt(40 * (run + 1)));
      // Months behind the head: the backfill runs without ChainEvent's secondary indexes, across restarts.
      expect(await missingChainEventIndexes(sql)).toHaveLength(2);
    }
    await indexToHead(db.url, { logRange: 10, env: { LOG_RANGE_MAX: "10" } });
    const resumed = await indexedStateSnapshot(sql);
    // Caught up: they are back before the indexer reports it.
    expect(await missingChainEventIndexes(sql)).toEqual([]);
    await sql.end();
    expect(resumed).toEqual(full);
  });

  it("undoes a reorg back to the fork and follows the new chain, to the database a fresh run builds", async () => {
    const db = await createTestDatabase();
    databases.push(db);
    await indexToHead(db.url);
    const { clients, deployment } = fixture;
    const sesh = deployment.addresses.sesh;
    const holder = deployment.funding.holders;
    const snapshotId = await clients.test.snapshot();
    const nodeToLeave = fixture.plan.nodes.find((n) => !n.exit && !n.failure && n.contributors.length === 0 && !n.seeded)!;
    const sql = connectDatabase(db.url);
    const [row] = await sql<{ id: string }[]>`SELECT id::text FROM "ServiceNode" WHERE operator = ${nodeToLeave.operator} AND state = 'active' LIMIT 1`;

    // The fork that will be abandoned: a transfer and an exit request.
    const send = async (from: `0x${string}`, to: `0x${string}`, data: `0x${string}`) => {
      await clients.test.setBalance({ address: from, value: 10n ** 21n });
      await clients.public.request({ method: "eth_sendTransaction" as never, params: [{ from, to, data, gas: "0x2dc6c0" }] as never });
    };
    const { encodeFunctionData, erc20Abi } = await import("viem");
    await send(holder, sesh, encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [fixture.plan.operators[0]!, 123n] }));
    await send(nodeToLeave.operator, deployment.addresses.serviceNodeRewards, encodeFunctionData({ abi: serviceNodeRewardsAbi, functionName: "initiateExitBLSPublicKey", args: [BigInt(row!.id)] }));
    await clients.test.mine({ blocks: 2 });
    fixture.endBlock += 2n;
    await indexToHead(db.url);
    const [leaving] = await sql<{ state: string }[]>`SELECT state FROM "ServiceNode" WHERE id = ${row!.id}`;
    expect(leaving!.state).toBe("exit_requested");

    // The reorg: back to the snapshot, then a different block at the same height.
    await clients.test.revert({ id: snapshotId });
    await send(holder, sesh, encodeFunctionData({ abi: erc20Abi, functionName: "transfer", args: [fixture.plan.operators[1]!, 456n] }));
    await clients.test.mine({ blocks: 3 });
    fixture.endBlock += 1n;
    await indexToHead(db.url);
    const afterReorg = await indexedStateSnapshot(sql);
    await sql.end();
    expect(afterReorg.nodes.find((n) => n.id === row!.id)!.state).toBe("active");

    const fresh = await createTestDatabase();
    databases.push(fresh);
    await indexToHead(fresh.url);
    const freshSql = connectDatabase(fresh.url);
    expect(afterReorg).toEqual(await indexedStateSnapshot(freshSql));
    await freshSql.end();
  });

  it("completes over an RPC that fails one call in ten, to the same database", async () => {
    // A loopback proxy in front of anvil answering every tenth call with a 503 or a 429.
    let calls = 0;
    const proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        if (++calls % 10 === 0) {
          res.writeHead(calls % 20 === 0 ? 429 : 503).end("try later");
          return;
        }
        const upstream = await fetch(fixture.chain.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: Buffer.concat(chunks) });
        res.writeHead(upstream.status, { "content-type": "application/json" }).end(await upstream.text());
      });
    });
    const port = await findFreePort();
    await new Promise<void>((r) => proxy.listen(port, "127.0.0.1", r));
    try {
      const db = await createTestDatabase();
      databases.push(db);
      // Short ranges, several in flight: many calls, failures landing in parallel requests.
      await indexToHead(db.url, { logRange: 30, rpcUrl: `http://127.0.0.1:${port}`, env: { LOG_RANGE_MAX: "30", LOG_CONCURRENCY: "4" } });
      const flaky = connectDatabase(db.url);
      const fresh = await createTestDatabase();
      databases.push(fresh);
      await indexToHead(fresh.url, { logRange: 60 });
      const direct = connectDatabase(fresh.url);
      expect(calls).toBeGreaterThan(20);
      expect(await indexedStateSnapshot(flaky)).toEqual(await indexedStateSnapshot(direct));
      await flaky.end();
      await direct.end();
    } finally {
      proxy.close();
    }
  });
});
