/** Where the end-to-end stack runs: its own ports and data, beside any developer stack. */
// E2E_PORT_OFFSET shifts them all, so several checkouts can run their suites side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
if (!Number.isInteger(offset) || offset < 0 || offset > 1_000) throw new Error(`E2E_PORT_OFFSET must be a whole number from 0 to 1000, got "${process.env.E2E_PORT_OFFSET}"`);
const ports = { web: 3210 + offset, chain: 18545 + offset, oxend: 22123 + offset, postgres: 54339 + offset, walletConnectRelay: 24600 + offset };
/** Any 32 hex characters: the local relay accepts every project id. */
const walletConnectProjectId = "5e5510de0e2e0000000000000000e2e0";

export const e2eStack = {
  dataDir: ".data/e2e",
  webUrl: `http://127.0.0.1:${ports.web}`,
  rpcUrl: `http://127.0.0.1:${ports.chain}`,
  oxendUrl: `http://127.0.0.1:${ports.oxend}/json_rpc`,
  // WalletConnect through the relay the WalletConnect spec starts (devnet/walletconnect-relay/):
  // the browser never needs relay.walletconnect.org.
  walletConnect: { relayPort: ports.walletConnectRelay, relayUrl: `ws://127.0.0.1:${ports.walletConnectRelay}`, projectId: walletConnectProjectId },
  // With DATABASE_URL set, `npm start` (and so this stack) uses that server instead.
  databaseUrl: process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${ports.postgres}/explorer`,
  env: {
    DATA_DIR: ".data/e2e",
    PORT: String(ports.web),
    DEVNET_RPC_PORT: String(ports.chain),
    OXEND_RPC_PORT: String(ports.oxend),
    PGPORT: String(ports.postgres),
    WALLETCONNECT_PROJECT_ID: walletConnectProjectId,
    WALLETCONNECT_RELAY_URL: `ws://127.0.0.1:${ports.walletConnectRelay}`,
  } as Record<string, string>,
};
