import { ConfigError } from "../../../../lib/config/env-schemas";
import { readStakingConfig } from "../../../../lib/config/staking-config";
import { errorResponse } from "../../../../lib/http/tabular-response";
import { exitSignatureSchema, NetworkSignatureError, parseSignatureResult, toJsonSafe } from "../../../../lib/oxend/network-signatures";
import { requestNetworkSignature } from "../../../../lib/oxend/request-network-signature";

export const dynamic = "force-dynamic";

/** The network's signature removing node `pubkey` (ed25519 hex) once its unlock has passed. */
export async function GET(request: Request) {
  const pubkey = (new URL(request.url).searchParams.get("pubkey") ?? "").toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(pubkey)) return errorResponse(400, "pubkey must be the node's ed25519 key: 64 hex characters");
  try {
    const config = readStakingConfig();
    const result = await requestNetworkSignature(config.oxendRpcUrl, "bls_exit_liquidation_request", { pubkey, liquidate: false });
    return Response.json(toJsonSafe(parseSignatureResult(exitSignatureSchema, result)), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof NetworkSignatureError) return errorResponse(502, error.message);
    if (error instanceof ConfigError) return errorResponse(503, "Staking is not configured on this server.");
    throw error;
  }
}
