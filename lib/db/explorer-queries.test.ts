import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database";
import { parseNodeListQuery } from "../nodes/node-list-query";

// The explorer's query functions against a real PostgreSQL with the committed schema.
let db: TestDatabase;
let sql: postgres.Sql;
let q: typeof import("./node-list-queries");
let overview: typeof import("./overview-queries");
let nodeQueries: typeof import("./node-queries");
let address: typeof import("./address-queries");

const A = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;
const FOUNDATION = A(0xf0);
const POOL = A(0x9001);
const ZERO = A(0);

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.FOUNDATION_ADDRESSES = FOUNDATION;
  sql = postgres(db.url, { max: 1, onnotice: () => {} });
  const node = (id: number, operator: string, state: string, staked: bigint, registeredAt: string, endedAt: string | null) => ({
    id, blsPubkey: `0x${String(id).padStart(128, "b")}`, ed25519Pubkey: String(id).padStart(64, "e"), operator, fee: 0, state, seeded: false,
    totalStaked: staked.toString(), registeredBlock: id, registeredTx: `0x${String(id).padStart(64, "1")}`, registeredAt: new Date(registeredAt), endedAt: endedAt ? new Date(endedAt) : null,
  });
  const nodes = [
    node(1, A(1), "active", 25_000_000_000_000n, "2026-01-01T10:00:00Z", null),
    node(2, FOUNDATION, "active", 25_000_000_000_000n, "2026-01-02T10:00:00Z", null),
    node(3, A(3), "exited", 20_000_000_000_000n, "2026-01-01T12:00:00Z", "2026-01-03T08:00:00Z"),
    node(4, A(4), "active", 30_000_000_000_000n, "2026-01-03T00:00:00Z", null),
  ];
  for (const n of nodes) await sql`INSERT INTO "ServiceNode" ${sql(n)}`;
  await sql`INSERT INTO "NodeContribution" ${sql([
    { nodeId: 1, position: 0, staker: A(1), beneficiary: A(1), amount: "25000000000000" },
    { nodeId: 2, position: 0, staker: FOUNDATION, beneficiary: FOUNDATION, amount: "25000000000000" },
    { nodeId: 4, position: 0, staker: A(4), beneficiary: A(4), amount: "20000000000000" },
    { nodeId: 4, position: 1, staker: A(5), beneficiary: A(6), amount: "10000000000000" },
  ])}`;
  const beat = (id: number, active: boolean, country: string, ip: string) => ({
    ed25519Pubkey: String(id).padStart(64, "e"), serviceNodeId: id, operatorAddress: A(id), active, funded: true, version: "11.6.0", publicIp: ip,
    country, asn: 24940, provider: "Hetzner Online GmbH", storagePort: 22021, swarmId: "7", stateHeight: 1, requestedUnlockHeight: 0, earnedDowntimeBlocks: 0,
    totalContributed: "25000000000000", stakingRequirement: "25000000000000", firstSeenAt: new Date(), lastSeenAt: new Date(),
  });
  await sql`INSERT INTO "NodeHeartbeat" ${sql([beat(1, true, "DE", "203.0.113.1"), beat(2, false, "FI", "203.0.113.2"), beat(4, true, "DE", "203.0.113.4")])}`;
  let log = 0;
  const event = (contract: string, eventName: string, args: Record<string, string>, blockTime = "2026-01-05T00:00:00Z") => ({
    chainId: 1, blockNumber: 100 + log, logIndex: log++, blockHash: "0xb", blockTime: new Date(blockTime), txHash: `0x${String(log).padStart(64, "a")}`,
    address: contract === "RewardRatePool" ? POOL : A(0x5e5), contract, eventName, args: sql.json(args),
  });
  await sql`INSERT INTO "ChainEvent" ${sql([
    event("SESH", "Transfer", { from: ZERO, to: A(1), value: "200000000000000000" }),
    event("SESH", "Transfer", { from: ZERO, to: POOL, value: "40000000000000000" }),
    event("SESH", "Transfer", { from: POOL, to: A(0x5e0), value: "1000000000000" }),
    event("SESH", "Transfer", { from: A(1), to: A(6), value: "5000000000" }),
    event("RewardRatePool", "FundsReleased", { amount: "1000000000000" }, new Date().toISOString()),
    event("ServiceNodeRewards", "RewardsBalanceUpdated", { recipientAddress: A(6), amount: "300", previousBalance: "0" }),
    event("ServiceNodeRewards", "RewardsBalanceUpdated", { recipientAddress: A(6), amount: "700", previousBalance: "300" }),
    event("ServiceNodeRewards", "RewardsClaimed", { recipientAddress: A(6), amount: "650" }),
  ] as never)}`;
  // The indexer's fold of those three reward events (indexer/derived-state.test.ts checks the fold).
  await sql`INSERT INTO "RewardAccount" ${sql({
    recipient: A(6), credited: "700", claimed: "650", unclaimed: "50", creditCount: 2, claimCount: 1,
    lastCreditBlock: 106, lastCreditTx: `0x${"7".padStart(64, "a")}`, lastClaimBlock: 107, lastClaimTx: `0x${"8".padStart(64, "a")}`,
    updatedBlock: 107, updatedTx: `0x${"8".padStart(64, "a")}`, updatedAt: new Date("2026-01-05T00:00:00Z"),
  })}`;
  q = await import("./node-list-queries");
  overview = await import("./overview-queries");
  nodeQueries = await import("./node-queries");
  address = await import("./address-queries");
});

afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

const list = (params: Record<string, string>) => q.listNodes(parseNodeListQuery(params), [FOUNDATION]);

describe("listNodes", () => {
  it("derives each node's status from the contract and the heartbeats", async () => {
    const page = await list({});
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => [r.id, r.status, r.contributorCount, r.foundation])).toEqual([
      [1n, "active", 1, false],
      [2n, "decommissioned", 1, true],
      [3n, "exited", 0, false],
      [4n, "active", 2, false],
    ]);
  });

  it("filters by status, country, contributors and foundation together", async () => {
    expect((await list({ status: "active", country: "de" })).rows.map((r) => r.id)).toEqual([1n, 4n]);
    expect((await list({ contributors: "multi" })).rows.map((r) => r.id)).toEqual([4n]);
    expect((await list({ foundation: "yes" })).rows.map((r) => r.id)).toEqual([2n]);
    expect((await list({ foundation: "no", status: "active" })).rows.map((r) => r.id)).toEqual([1n, 4n]);
  });

  it("finds a node by IP, key, id or any contributor's address", async () => {
    expect((await list({ q: "203.0.113.4" })).rows.map((r) => r.id)).toEqual([4n]);
    expect((await list({ q: A(6) })).rows.map((r) => r.id)).toEqual([4n]);
    expect((await list({ q: "2".padStart(64, "e") })).rows.map((r) => r.id)).toEqual([2n]);
    expect((await list({ q: "3" })).rows.map((r) => r.id)).toEqual([3n]);
  });

  it("sorts and pages, counting matches even past the last page", async () => {
    // ties follow the direction of the sort, by id
    expect((await list({ sort: "stake" })).rows.map((r) => r.id)).toEqual([4n, 2n, 1n, 3n]);
    const beyond = await list({ page: "3", size: "25" });
    expect(beyond).toEqual({ rows: [], total: 4 });
  });
});

describe("overview figures", () => {
  it("builds the daily series from registrations and exits", async () => {
    const deltas = await overview.listDailyNodeDeltas();
    expect(deltas).toEqual([
      { day: "2026-01-01", nodes: 2, stake: 45_000_000_000_000n },
      { day: "2026-01-02", nodes: 1, stake: 25_000_000_000_000n },
      { day: "2026-01-03", nodes: 0, stake: 10_000_000_000_000n },
    ]);
  });

  it("reads the supply from mints and the pool from its transfers and releases", async () => {
    const facts = await overview.getSupplyFacts();
    expect(facts.indexedSupply).toBe(240_000_000_000_000_000n);
    expect(facts.pool.address).toBe(POOL);
    expect(facts.pool.balance).toBe(40_000_000_000_000_000n - 1_000_000_000_000n);
    expect(facts.pool.released30d).toBe(1_000_000_000_000n);
    expect(facts.pool.lastRelease?.amount).toBe(1_000_000_000_000n);
  });
});

describe("rewards and balances", () => {
  it("takes the latest cumulative credit and sums the claims per recipient", async () => {
    expect(await nodeQueries.listRecipientRewards([A(6), A(7)])).toMatchObject([
      { recipient: A(6), credited: 700n, claimed: 650n, lastCreditTx: `0x${"7".padStart(64, "a")}`, lastCreditBlock: 106n },
      { recipient: A(7), credited: 0n, claimed: 0n, lastCreditTx: null },
    ]);
  });

  it("computes a SESH balance from transfers in and out", async () => {
    expect(await address.getAddressTokenSummary(A(1))).toEqual({ balance: 200_000_000_000_000_000n - 5_000_000_000n, transferCount: 2 });
    expect((await address.listAddressTransfers(A(6))).map((t) => t.value)).toEqual([5_000_000_000n]);
  });
});
