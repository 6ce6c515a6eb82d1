import { getGovernanceAlerts } from "../../../lib/db/governance-queries";
import { atomFeed } from "../../../lib/governance/alert-feed";
import type { GovernanceAlertRecord } from "../../../lib/governance/governance-alerts";

export const dynamic = "force-dynamic";

/** Atom feed of the pledge and concentration alerts derived from the daily series. */
export async function GET(request: Request) {
  const alerts = await getGovernanceAlerts();
  const xml = atomFeed({ siteUrl: new URL(request.url).origin, alerts: alerts as GovernanceAlertRecord[], updated: new Date() });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "no-store" } });
}
