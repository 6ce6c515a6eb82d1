// `npm start`: Postgres, the devnet chain and node simulator (unless RPC_URL points at a real
// chain), the indexer and the web app, as one process tree that Ctrl-C stops cleanly.
import path from "node:path";
import postgres from "postgres";
import { startDevnet, type RunningDevnet } from "../devnet/start-devnet";
import { startLocalPostgres } from "../devnet/local-postgres";
import { assertPortFree, findFreePort } from "../devnet/port-check";
import { ConfigError } from "../lib/config/env-schemas";
import { readIndexerConfig } from "../lib/config/indexer-config";
import { readStackConfig } from "../lib/config/stack-config";
import { applyMigrations } from "../lib/db/apply-migrations";
import { startManagedProcess, type ManagedProcess } from "./stack/managed-process";
import { ensureWebBuild } from "./stack/web-build";

const root = path.resolve(import.meta.dirname, "..");
const started = Date.now();
const log = (line: string) => console.log(`[stack ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${line}`);

const cleanups: { name: string; run: () => Promise<void> }[] = [];
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const cleanup of cleanups.reverse()) {
      await cleanup.run().catch((error: unknown) => console.error(`[stack] stopping ${cleanup.name}: ${(error as Error).message}`));
    }
    if (code === 0) log("stopped");
  }
  process.exit(code);
}
process.once("SIGINT", () => void shutdown(0));
process.once("SIGTERM", () => void shutdown(0));

function watchChild(child: ManagedProcess) {
  void child.exited.then((code) => {
    if (stopping) return;
    console.error(`[stack] ${child.name} stopped unexpectedly (exit code ${code}); stopping everything.`);
    void shutdown(1);
  });
  cleanups.push({ name: child.name, run: child.stop });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await check().catch(() => false);
    // A part died and the shutdown has begun: go no further (never announce a URL), let it finish.
    if (stopping) await new Promise<never>(() => {});
    if (done) return;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

try {
  const stack = readStackConfig();
  const dataDir = path.resolve(root, stack.dataDir);

  let databaseUrl = stack.externalDatabaseUrl;
  if (databaseUrl) {
    log("using the Postgres server of DATABASE_URL");
  } else {
    const pg = await startLocalPostgres({ dataDir: path.join(dataDir, "postgres"), port: stack.postgresPort, database: "explorer" });
    cleanups.push({ name: "Postgres", run: pg.stop });
    databaseUrl = pg.databaseUrl;
    log(`Postgres ready on 127.0.0.1:${stack.postgresPort} (data in ${path.relative(root, dataDir)}/postgres)`);
  }
  const migrations = await applyMigrations(databaseUrl);
  log(`database schema up to date (${migrations.applied.length} migrations applied now, ${migrations.alreadyApplied.length} before)`);

  await assertPortFree(stack.webPort, "Web", "PORT");
  let devnet: RunningDevnet | undefined;
  const [build] = await Promise.all([
    ensureWebBuild(log),
    stack.devnet
      ? startDevnet({
          dataDir: path.join(dataDir, "devnet"),
          rpcPort: stack.devnetRpcPort,
          oxendPort: stack.oxendRpcPort,
          scenario: stack.devnet,
          log,
        }).then((d) => {
          devnet = d;
          cleanups.push({ name: "devnet", run: d.stop });
        })
      : undefined,
  ]);
  log(`web app ${build}`);

  const indexerEnv = { ...process.env, ...devnet?.env, DATABASE_URL: databaseUrl };
  const indexerConfig = readIndexerConfig(indexerEnv);
  const indexer = startManagedProcess({
    name: "indexer",
    command: process.execPath,
    // The indexer's live data is a few batches: a capped heap makes V8 collect before RSS grows.
    args: ["--max-old-space-size=256", "--max-semi-space-size=32", "--import", "tsx", path.join(root, "indexer/main.ts")],
    env: indexerEnv,
    quiet: true,
    keep: /"level":(40|50|60)/,
  });
  watchChild(indexer);

  // `next start` listens on a port of its own; the page cache (web-cache/) answers on PORT.
  const nextPort = await findFreePort();
  const web = startManagedProcess({
    name: "web",
    command: process.execPath,
    args: [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(nextPort)],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      FOUNDATION_ADDRESSES: indexerConfig.foundationAddresses.join(","),
      CHAIN_ID: String(indexerConfig.chainId),
      // The explorer's token pages and the staking pages: the chain and contracts wallets talk
      // to, and oxend for the network's signatures.
      RPC_URL: indexerConfig.rpcUrl,
      SESH_ADDRESS: indexerConfig.contracts.sesh,
      SERVICE_NODE_REWARDS_ADDRESS: indexerConfig.contracts.serviceNodeRewards,
      ...(indexerConfig.contracts.rewardRatePool ? { REWARD_RATE_POOL_ADDRESS: indexerConfig.contracts.rewardRatePool } : {}),
      ...(indexerConfig.contracts.contributionFactory ? { CONTRIBUTION_FACTORY_ADDRESS: indexerConfig.contracts.contributionFactory } : {}),
      VESTING_ADDRESSES: indexerConfig.contracts.vesting.join(","),
      OXEND_RPC_URL: indexerConfig.oxendRpcUrl,
    },
    quiet: true,
  });
  watchChild(web);
  const pageCache = startManagedProcess({
    name: "page-cache",
    command: process.execPath,
    args: ["--import", "tsx", path.join(root, "web-cache/main.ts")],
    env: { ...process.env, PORT: String(stack.webPort), HOST: "127.0.0.1", UPSTREAM_URL: `http://127.0.0.1:${nextPort}` },
    quiet: true,
  });
  watchChild(pageCache);

  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const target = devnet?.historyEndBlock;
  await waitFor(
    "the indexer's first pass over the chain and the node heartbeats",
    async () => {
      const rows = await sql<{ component: string; height: string | null; lastSuccessAt: Date | null }[]>`
        SELECT component, height::text, "lastSuccessAt" FROM "IndexerStatus"`;
      const chain = rows.find((r) => r.component === "chain");
      const beats = rows.find((r) => r.component === "heartbeats");
      const caughtUp = chain?.height != null && (target === undefined || BigInt(chain.height) >= target);
      return caughtUp && beats?.lastSuccessAt != null;
    },
    10 * 60_000,
  );
  await sql.end();
  await waitFor("the web app answering", async () => (await fetch(`http://127.0.0.1:${stack.webPort}/`)).ok, 120_000);
  log(`everything is up in ${((Date.now() - started) / 1000).toFixed(0)} s${devnet ? `: ${devnet.liveNodeCount()} nodes on the devnet` : ""}`);
  console.log(`Session Network Explorer: http://127.0.0.1:${stack.webPort}`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `[stack] cannot start: ${(error as Error).message}`);
  await shutdown(1);
}
