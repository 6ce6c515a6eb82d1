import {
  parseServiceNodeStates,
  requestedServiceNodeFields,
  type ServiceNodeStatesResult,
} from "../../lib/oxend/service-node-states";

export class OxendUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(`oxend RPC at ${url} did not answer: ${(cause as Error).message ?? cause}`);
    this.name = "OxendUnreachableError";
  }
}

/** One `get_service_nodes` call (all nodes, the fields the explorer uses), parsed and checked. */
export async function fetchServiceNodeStates(url: string, timeoutMs = 20_000): Promise<ServiceNodeStatesResult> {
  let body: string;
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 0, method: "get_service_nodes", params: { fields: requestedServiceNodeFields } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${body.slice(0, 200)}`);
  } catch (error) {
    throw new OxendUnreachableError(url, error);
  }
  return parseServiceNodeStates(body);
}
