/** Where the end-to-end stack runs: its own ports and data, beside any developer stack. */
const ports = { web: 3210, chain: 18545, oxend: 22123, postgres: 54339 };

export const e2eStack = {
  dataDir: ".data/e2e",
  webUrl: `http://127.0.0.1:${ports.web}`,
  rpcUrl: `http://127.0.0.1:${ports.chain}`,
  oxendUrl: `http://127.0.0.1:${ports.oxend}/json_rpc`,
  // With DATABASE_URL set, `npm start` (and so this stack) uses that server instead.
  databaseUrl: process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${ports.postgres}/explorer`,
  env: {
    DATA_DIR: ".data/e2e",
    PORT: String(ports.web),
    DEVNET_RPC_PORT: String(ports.chain),
    OXEND_RPC_PORT: String(ports.oxend),
    PGPORT: String(ports.postgres),
  } as Record<string, string>,
};
