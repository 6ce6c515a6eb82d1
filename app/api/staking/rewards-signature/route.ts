import { isAddress } from "viem";
import { ConfigError } from "../../../../lib/config/env-schemas";
import { readStakingConfig } from "../../../../lib/config/staking-config";
import { errorResponse } from "../../../../lib/http/tabular-response";
import { NetworkSignatureError, parseSignatureResult, rewardsSignatureSchema, toJsonSafe } from "../../../../lib/oxend/network-signatures";
import { requestNetworkSignature } from "../../../../lib/oxend/request-network-signature";

export const dynamic = "force-dynamic";

/** The network's signature of `address`'s lifetime rewards (oxend's bls_rewards_request), checked. */
export async function GET(request: Request) {
  const address = new URL(request.url).searchParams.get("address") ?? "";
  if (!isAddress(address, { strict: false })) return errorResponse(400, "address must be a 0x address (40 hex characters)");
  try {
    const config = readStakingConfig();
    const result = await requestNetworkSignature(config.oxendRpcUrl, "bls_rewards_request", { address: address.toLowerCase() });
    const signature = parseSignatureResult(rewardsSignatureSchema, result);
    if (signature.recipient !== address.toLowerCase()) return errorResponse(502, "The network signed for a different address than asked.");
    return Response.json(toJsonSafe(signature), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof NetworkSignatureError) return errorResponse(502, error.message);
    if (error instanceof ConfigError) return errorResponse(503, "Staking is not configured on this server.");
    throw error;
  }
}
