// npm run bench:governance [-- <nodes> <days>]: the governance step's daily series for a network
// of <nodes> nodes (default 20,000) over <days> days (default 365), written straight into an
// empty database as the indexer would have left it. Times the replay alone and the whole
// derive step (read, replay, write), and checks one day against a direct SQL count.
import { seededAddress, seededRandom } from "../devnet/scenario/seeded-random";
import { startLocalPostgres } from "../devnet/local-postgres";
import { findFreePort } from "../devnet/port-check";
import { derivePledgeSeries } from "../indexer/derive/derive-pledge-series";
import { connectDatabase } from "../indexer/store/database";
import { applyMigrations } from "../lib/db/apply-migrations";
import { attributionForChain } from "../lib/governance/attribution-for-chain";
import { governanceAlerts } from "../lib/governance/governance-alerts";
import { pledgeSeries, type NodeInterval } from "../lib/governance/pledge-series";

const nodeCount = Number(process.argv[2] ?? 20_000);
const days = Number(process.argv[3] ?? 365);
const DAY = 86_400;
const end = Math.floor(Date.UTC(2026, 10, 1) / 1000);
const start = end - days * DAY;
const blockSeconds = 60;
const random = seededRandom("bench-governance", "nodes");
const operators = Array.from({ length: Math.round(nodeCount * 0.3) }, (_, i) => seededAddress("bench-governance", "operator", i).toLowerCase());
const foundation = [0, 1, 2].map((i) => seededAddress("bench-governance", "foundation", i).toLowerCase());
const stakers = Array.from({ length: Math.round(nodeCount * 0.4) }, (_, i) => seededAddress("bench-governance", "staker", i).toLowerCase());
const SESH = 1_000_000_000n;
const requirement = 25_000n * SESH;
const blockAt = (t: number) => BigInt(Math.floor((t - start) / blockSeconds) + 1);
const txAt = (i: number, what: string) => `0x${(BigInt(i) * 7919n + (what === "reg" ? 1n : 2n)).toString(16).padStart(64, "0")}`;

const nodes: NodeInterval[] = [];
for (let i = 0; i < nodeCount; i++) {
  const registeredAt = start + Math.floor(days * DAY * 0.95 * random.float() ** 1.5);
  const isFoundation = random.chance(0.085);
  const operator = isFoundation ? random.pick(foundation) : operators[random.zipf(operators.length, 1.05)]!;
  const multi = !isFoundation && random.chance(0.2);
  const stakes = multi
    ? [{ staker: operator, amount: requirement / 2n }, { staker: random.pick(stakers), amount: requirement / 4n }, { staker: random.pick(stakers), amount: requirement / 4n }]
    : [{ staker: operator, amount: requirement }];
  const endsAt = random.chance(0.12) ? registeredAt + DAY + Math.floor(random.float() * (end - registeredAt - DAY)) : null;
  nodes.push({
    id: BigInt(i + 1),
    operator,
    stakes,
    start: { time: new Date(registeredAt * 1000), block: blockAt(registeredAt), tx: txAt(i, "reg") },
    end: endsAt && endsAt < end ? { time: new Date(endsAt * 1000), block: blockAt(endsAt), tx: txAt(i, "end") } : null,
  });
}

const attribution = attributionForChain(foundation, 42161);
let t = performance.now();
const series = pledgeSeries(nodes, attribution, new Date(end * 1000));
const alerts = governanceAlerts(series, (id) => id);
const replayMs = performance.now() - t;
console.log(`replay (pure): ${nodeCount} nodes, ${series.days.length} days, ${series.changes.length} registrations and exits, ${series.transitions.length} status changes, ${alerts.length} alerts in ${replayMs.toFixed(0)} ms`);

const pg = await startLocalPostgres({ dataDir: ".data/bench-postgres", port: await findFreePort(), database: `bench_governance_${Date.now()}` });
try {
  await applyMigrations(pg.databaseUrl);
  const sql = connectDatabase(pg.databaseUrl, 2);
  const rows = nodes.map((n) => ({
    id: n.id, blsPubkey: "0x", ed25519Pubkey: n.id.toString(16).padStart(64, "0"), operator: n.operator, fee: 0,
    state: n.end ? "exited" : "active", seeded: false, totalStaked: requirement,
    registeredBlock: n.start.block, registeredTx: n.start.tx, registeredAt: n.start.time,
    endedAt: n.end?.time ?? null, endedBlock: n.end?.block ?? null, endedTx: n.end?.tx ?? null,
  }));
  for (let i = 0; i < rows.length; i += 2_000) await sql`INSERT INTO "ServiceNode" ${sql(rows.slice(i, i + 2_000))}`;
  const contributions = nodes.flatMap((n) => n.stakes.map((s, position) => ({ nodeId: n.id, position, staker: s.staker, beneficiary: s.staker, amount: s.amount })));
  for (let i = 0; i < contributions.length; i += 5_000) await sql`INSERT INTO "NodeContribution" ${sql(contributions.slice(i, i + 5_000))}`;
  const last = blockAt(end);
  await sql`INSERT INTO "IndexedBlock" ("chainId", number, hash, timestamp) VALUES (42161, ${last}, '0xbench', ${new Date(end * 1000)})`;
  await sql`INSERT INTO "IndexerCheckpoint" ("chainId", "blockNumber", "blockHash", "updatedAt") VALUES (42161, ${last}, '0xbench', now())`;

  t = performance.now();
  const derived = await derivePledgeSeries(sql, { chainId: 42161, attribution });
  const deriveMs = performance.now() - t;
  t = performance.now();
  const unchanged = await derivePledgeSeries(sql, { chainId: 42161, attribution });
  const skipMs = performance.now() - t;
  console.log(`derive step (read ${nodeCount} nodes, replay, write ${derived.days} days × 3 tables in one transaction): ${deriveMs.toFixed(0)} ms; unchanged checkpoint: ${skipMs.toFixed(0)} ms (rebuilt: ${unchanged.rebuilt})`);

  // Exactness: a day in the middle against a direct count at that day's end.
  const probe = series.days[Math.floor(series.days.length / 2)]!;
  const [direct] = await sql<{ total: number; foundation: number }[]>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE operator = ANY(${foundation}::text[]))::int AS foundation
    FROM "ServiceNode" WHERE "registeredAt" <= ${probe.asOf} AND ("endedAt" IS NULL OR "endedAt" > ${probe.asOf})`;
  const [stored] = await sql<{ totalNodes: number; foundationNodes: number }[]>`SELECT "totalNodes", "foundationNodes" FROM "PledgeDay" WHERE day = ${new Date(`${probe.day}T00:00:00Z`)}`;
  const exact = stored!.totalNodes === direct!.total && stored!.foundationNodes === direct!.foundation;
  console.log(`day ${probe.day}: stored ${stored!.foundationNodes}/${stored!.totalNodes}, direct count ${direct!.foundation}/${direct!.total}: ${exact ? "exact" : "MISMATCH"}`);
  t = performance.now();
  await sql`SELECT * FROM "PledgeDay" ORDER BY day`;
  await sql`SELECT * FROM "ConcentrationDay" WHERE day >= ${new Date((end - 365 * DAY) * 1000)} ORDER BY dimension, day`;
  console.log(`page reads (daily series + a year of concentration): ${(performance.now() - t).toFixed(0)} ms`);
  await sql.end();
  if (!exact) process.exitCode = 1;
} finally {
  await pg.stop();
}
