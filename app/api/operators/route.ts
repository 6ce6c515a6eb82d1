import { readWebConfig } from "../../../lib/config/web-config";
import { getAddressStandings } from "../../../lib/db/governance-queries";
import { attributionForChain } from "../../../lib/governance/attribution-for-chain";
import { leaderboardColumns } from "../../../lib/governance/governance-tables";
import { parseLeaderboardParams } from "../../../lib/governance/leaderboard-params";
import { operatorLeaderboard } from "../../../lib/governance/operator-leaderboard";
import { errorResponse, tabularResponse } from "../../../lib/http/tabular-response";

export const dynamic = "force-dynamic";

/** The operators' leaderboard as /operators shows it (same ?top=). */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = parseLeaderboardParams(params);
  if (!parsed.ok) return errorResponse(400, parsed.error);
  const config = readWebConfig();
  const rows = operatorLeaderboard(await getAddressStandings(), attributionForChain(config.foundationAddresses, config.chainId)).slice(0, parsed.top);
  return tabularResponse(params, "operators-leaderboard", leaderboardColumns, rows, {
    source: "ServiceNode operators and NodeContribution stakers of nodes not exited; rewards from RewardsBalanceUpdated and RewardsClaimed",
  });
}
