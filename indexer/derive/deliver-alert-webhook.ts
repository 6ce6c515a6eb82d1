import type { Sql } from "../store/database";
import type { StoredGovernanceAlert } from "../../lib/governance/governance-alerts";

/** A failed delivery is tried again on later rounds, up to this many attempts in all. */
export const MAX_WEBHOOK_ATTEMPTS = 5;

export interface WebhookDeliveryResult {
  sent: number;
  failed: number;
  skipped: number;
}

/** A stored alert and how often its delivery was tried. */
type PendingAlert = StoredGovernanceAlert & {
  attempts: number | null;
};

/**
 * POSTs each governance alert not yet delivered to `url` as JSON and records the outcome in
 * AlertDelivery. The row is written as "sending" before the request goes out: if the process
 * dies mid-request the alert is not sent again (at most once; the feed still lists it). Alerts
 * of days before `notBefore` (history replayed at backfill) are recorded as skipped, not sent.
 */
export async function deliverAlertWebhook(
  sql: Sql,
  opts: { url: string; notBefore: Date; timeoutMs?: number; signal?: AbortSignal },
): Promise<WebhookDeliveryResult> {
  const result: WebhookDeliveryResult = { sent: 0, failed: 0, skipped: 0 };
  const pending = await sql<PendingAlert[]>`
    SELECT a.id, a.kind, a.severity, to_char(a.day, 'YYYY-MM-DD') AS day, a.title, a.summary, a.evidence, d.attempts
    FROM "GovernanceAlert" a
    LEFT JOIN "AlertDelivery" d ON d."alertId" = a.id AND d.url = ${opts.url}
    WHERE d."alertId" IS NULL OR (d.status = 'failed' AND d.attempts < ${MAX_WEBHOOK_ATTEMPTS})
    ORDER BY a.day, a.id`;
  for (const alert of pending) {
    if (opts.signal?.aborted) break;
    const payload = {
      id: alert.id,
      kind: alert.kind,
      severity: alert.severity,
      day: alert.day,
      title: alert.title,
      summary: alert.summary,
      evidence: alert.evidence,
    };
    if (new Date(`${alert.day}T00:00:00Z`) < opts.notBefore) {
      await sql`
        INSERT INTO "AlertDelivery" ("alertId", url, status, attempts, detail, payload, "lastAttemptAt")
        VALUES (${alert.id}, ${opts.url}, 'skipped', 0, ${`day before ${opts.notBefore.toISOString().slice(0, 10)}: replayed history, not a new event`}, ${sql.json(payload)}, now())
        ON CONFLICT ("alertId", url) DO NOTHING`;
      result.skipped++;
      continue;
    }
    const attempts = (alert.attempts ?? 0) + 1;
    await sql`
      INSERT INTO "AlertDelivery" ("alertId", url, status, attempts, payload, "lastAttemptAt")
      VALUES (${alert.id}, ${opts.url}, 'sending', ${attempts}, ${sql.json(payload)}, now())
      ON CONFLICT ("alertId", url) DO UPDATE SET status = 'sending', attempts = excluded.attempts, "lastAttemptAt" = now()`;
    let status: "sent" | "failed" = "failed";
    let httpStatus: number | null = null;
    let detail: string | null = null;
    try {
      const response = await fetch(opts.url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "session-network-explorer-alerts" },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      httpStatus = response.status;
      await response.body?.cancel();
      status = response.ok ? "sent" : "failed";
      if (!response.ok) detail = `HTTP ${response.status}`;
    } catch (error) {
      detail = String((error as Error)?.message ?? error).slice(0, 500);
    }
    await sql`
      UPDATE "AlertDelivery" SET status = ${status}, "httpStatus" = ${httpStatus}, detail = ${detail}, "lastAttemptAt" = now()
      WHERE "alertId" = ${alert.id} AND url = ${opts.url}`;
    result[status]++;
  }
  return result;
}
