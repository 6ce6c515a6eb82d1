import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readIndexerConfig, type IndexerConfig } from "../lib/config/indexer-config";
import { findFreePort } from "../devnet/port-check";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { pollHeartbeatsOnce } from "./heartbeat-indexer";
import { loadIpLocator } from "./sources/ip-locator";
import { connectDatabase, type Sql } from "./store/database";

const key = (n: number) => n.toString(16).padStart(64, "0");
const entry = (n: number, extra: Record<string, unknown> = {}) => ({
  pubkey_ed25519: key(n),
  service_node_pubkey: key(n),
  operator_address: "0x00000000000000000000000000000000000000aa",
  active: true,
  funded: true,
  last_uptime_proof: 1_780_000_000 + n,
  service_node_version: [11, 6, 0],
  public_ip: `198.51.100.${n}`,
  storage_port: 22021,
  swarm_id: 5,
  state_height: 10,
  requested_unlock_height: 0,
  earned_downtime_blocks: 60,
  total_contributed: 25000000000000,
  staking_requirement: 25000000000000,
  ...extra,
});

// A real HTTP server on loopback whose next answer each test chooses.
let nextBody = "";
let url = "";
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(nextBody));
});
let db: TestDatabase;
let sql: Sql;
let config: IndexerConfig;

beforeAll(async () => {
  const port = await findFreePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  url = `http://127.0.0.1:${port}/json_rpc`;
  db = await createTestDatabase();
  sql = connectDatabase(db.url);
  config = readIndexerConfig({
    DATABASE_URL: db.url,
    RPC_URL: "http://127.0.0.1:1",
    CHAIN_ID: "31337",
    SESH_ADDRESS: "0x0000000000000000000000000000000000000001",
    SERVICE_NODE_REWARDS_ADDRESS: "0x0000000000000000000000000000000000000002",
    START_BLOCK: "0",
    OXEND_RPC_URL: url,
  });
});
afterAll(async () => {
  await sql.end();
  await db.drop();
  server.close();
});

const answer = (states: unknown[], height = 100) => {
  nextBody = JSON.stringify({ jsonrpc: "2.0", id: 0, result: { height, service_node_states: states } });
};
const stored = () => sql<{ ed25519Pubkey: string; lastUptimeProof: Date; version: string; active: boolean }[]>`
  SELECT "ed25519Pubkey", "lastUptimeProof", version, active FROM "NodeHeartbeat" ORDER BY "ed25519Pubkey"`;
const status = async () => (await sql<{ errorCount: number; lastError: string | null; height: bigint | null }[]>`
  SELECT "errorCount", "lastError", height FROM "IndexerStatus" WHERE component = 'heartbeats'`)[0];

describe("pollHeartbeatsOnce", () => {
  it("stores each node's latest heartbeat and the poll's height", async () => {
    answer([entry(1), entry(2)]);
    expect(await pollHeartbeatsOnce(sql, config)).toEqual({ height: 100n, nodes: 2, rejected: 0 });
    expect((await stored()).map((r) => [r.ed25519Pubkey, r.version, r.lastUptimeProof.getTime() / 1000])).toEqual([
      [key(1), "11.6.0", 1_780_000_001],
      [key(2), "11.6.0", 1_780_000_002],
    ]);
    expect((await status())?.height).toBe(100n);
  });

  it("keeps the newer proof when an answer replays an older one, and updates the rest", async () => {
    answer([entry(1, { last_uptime_proof: 1_700_000_000, active: false })], 101);
    await pollHeartbeatsOnce(sql, config);
    const [one] = await stored();
    expect(one!.lastUptimeProof.getTime() / 1000).toBe(1_780_000_001);
    expect(one!.active).toBe(false);
  });

  it("rejects garbage with a typed error and leaves stored data untouched", async () => {
    const before = await stored();
    for (const body of ["not json", '{"result":{"height":5}}', '{"error":{"code":-1,"message":"busy"}}']) {
      nextBody = body;
      await expect(pollHeartbeatsOnce(sql, config)).rejects.toThrow(/get_service_nodes/);
    }
    expect(await stored()).toEqual(before);
  });

  it("stores the good entries of a partly garbled answer and counts the bad ones", async () => {
    answer([entry(3), { pubkey_ed25519: "xyz" }, entry(4, { public_ip: "not-an-ip" })], 102);
    expect(await pollHeartbeatsOnce(sql, config)).toEqual({ height: 102n, nodes: 1, rejected: 2 });
    expect((await stored()).map((r) => r.ed25519Pubkey)).toEqual([key(1), key(2), key(3)]);
    expect((await status())?.lastError).toMatch(/2 node entries rejected/);
  });

  it("keeps history as changes and an hourly uptime mask per node and day", async () => {
    const changes = async () =>
      (await sql<{ ed25519Pubkey: string; version: string; active: boolean }[]>`
        SELECT "ed25519Pubkey", version, active FROM "NodeStateChange" WHERE "ed25519Pubkey" = ${key(9)} ORDER BY id`).map((r) => [r.version, r.active]);
    const hourBefore = 1 << new Date().getUTCHours();
    answer([entry(9)], 200);
    await pollHeartbeatsOnce(sql, config);
    await pollHeartbeatsOnce(sql, config);
    expect(await changes()).toEqual([["11.6.0", true]]);
    answer([entry(9, { active: false })], 201);
    await pollHeartbeatsOnce(sql, config);
    answer([entry(9, { active: false, service_node_version: [11, 7, 0] })], 202);
    await pollHeartbeatsOnce(sql, config);
    expect(await changes()).toEqual([["11.6.0", true], ["11.6.0", false], ["11.7.0", false]]);

    const [day] = await sql<{ activeHours: number; inactiveHours: number }[]>`
      SELECT "activeHours", "inactiveHours" FROM "NodeUptimeDay" WHERE "ed25519Pubkey" = ${key(9)}`;
    // The polls ran within the same hour, or straddled one boundary.
    const hourBit = hourBefore | (1 << new Date().getUTCHours());
    expect(day!.activeHours & ~hourBit).toBe(0);
    expect(day!.inactiveHours & ~hourBit).toBe(0);
    expect(day!.activeHours).toBeGreaterThan(0);
    expect(day!.inactiveHours).toBeGreaterThan(0);
  });

  it("stores where each node runs: country, AS number and provider of its IP", async () => {
    answer([entry(20, { public_ip: "95.216.33.113" }), entry(21, { public_ip: "198.51.100.21" })], 300);
    await pollHeartbeatsOnce(sql, config, await loadIpLocator());
    const rows = await sql<{ country: string | null; asn: number | null; provider: string | null }[]>`
      SELECT country, asn, provider FROM "NodeHeartbeat" WHERE "ed25519Pubkey" = ANY(${[key(20), key(21)]}::text[]) ORDER BY "ed25519Pubkey"`;
    expect(rows[0]).toMatchObject({ country: "FI", asn: 24940 });
    expect(rows[0]!.provider).toMatch(/Hetzner/);
    // No AS announces a documentation-range address: no provider is guessed for it.
    expect(rows[1]).toMatchObject({ asn: null, provider: null });
  });
});
