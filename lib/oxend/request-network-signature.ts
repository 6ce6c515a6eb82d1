import { NetworkSignatureError, readOxendResult } from "./network-signatures";

/** Asks oxend (the node behind OXEND_RPC_URL) for one of the network's signatures; returns its raw result. */
export async function requestNetworkSignature(oxendRpcUrl: string, method: "bls_rewards_request" | "bls_exit_liquidation_request", params: Record<string, unknown>): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(oxendRpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 0, method, params }),
      signal: AbortSignal.timeout(20_000),
      cache: "no-store",
    });
  } catch {
    throw new NetworkSignatureError("The Session node that signs for the network cannot be reached right now. Try again in a minute.");
  }
  if (!response.ok) throw new NetworkSignatureError(`The Session node answered HTTP ${response.status}. Try again in a minute.`);
  return readOxendResult(await response.text());
}
