// `npm run walletconnect-relay [-- <port>]`: the local relay for WalletConnect on the offline devnet.
// Start the stack with WALLETCONNECT_PROJECT_ID (any 32 hex characters) and
// WALLETCONNECT_RELAY_URL=ws://127.0.0.1:<port>, and pair a wallet that can use the same relay.
import { z } from "zod";
import { startWalletConnectRelay } from "./walletconnect-relay";

const port = z.coerce.number().int().min(1).max(65_535).safeParse(process.argv[2] ?? "24600");
if (!port.success) {
  console.error(`walletconnect relay: the port must be a whole number from 1 to 65535, got "${process.argv[2]}"`);
  process.exit(1);
}
const relay = await startWalletConnectRelay({ port: port.data, log: (line) => console.error(line) }).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
console.log(`WalletConnect relay: ${relay.url} (for tests and the devnet: it verifies no auth token)`);
const stop = () => void relay.stop().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
