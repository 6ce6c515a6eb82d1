import type { IndexerConfig } from "../../lib/config/indexer-config";
import { attributionForChain } from "../../lib/governance/attribution-for-chain";
import { abortableSleep } from "../abortable-sleep";
import type { IpLocator } from "../sources/ip-locator";
import { loadIpLocator } from "../sources/ip-locator";
import type { Sql } from "../store/database";
import { deliverAlertWebhook, type WebhookDeliveryResult } from "./deliver-alert-webhook";
import { derivePledgeSeries, type PledgeDerivation } from "./derive-pledge-series";
import { deriveLocationSeries } from "./derive-location-series";

/** Alerts of days older than this when first seen are history, not news: the webhook skips them. */
const WEBHOOK_WINDOW_MS = 2 * 86_400_000;
/** While the chain only moves forward the daily series is rebuilt at most this often (~2 s at 20,000 nodes). */
const REBUILD_INTERVAL_MS = 30_000;

export interface GovernanceRound {
  pledge: PledgeDerivation;
  locationDays: number;
  webhook: WebhookDeliveryResult | null;
}

export function attributionFor(config: Pick<IndexerConfig, "chainId" | "foundationAddresses">) {
  return attributionForChain(config.foundationAddresses, config.chainId);
}

/** One round of the governance step: daily series from the chain and heartbeats, then the webhook. */
export async function governanceRound(sql: Sql, config: IndexerConfig, locate: IpLocator, opts: { now?: Date; webhookNotBefore?: Date; signal?: AbortSignal; rebuildIntervalMs?: number } = {}): Promise<GovernanceRound> {
  const now = opts.now ?? new Date();
  const pledge = await derivePledgeSeries(sql, { chainId: config.chainId, attribution: attributionFor(config), now, minIntervalMs: opts.rebuildIntervalMs ?? REBUILD_INTERVAL_MS });
  const location = await deriveLocationSeries(sql, locate, now);
  const webhook = config.alertWebhookUrl
    ? await deliverAlertWebhook(sql, { url: config.alertWebhookUrl, notBefore: opts.webhookNotBefore ?? new Date(now.getTime() - WEBHOOK_WINDOW_MS), signal: opts.signal })
    : null;
  return { pledge, locationDays: location.days, webhook };
}

/**
 * The indexer's derive step for governance: after the chain and heartbeat loops have written,
 * it rebuilds the daily series they feed and fires the webhook. Runs beside them on its own
 * cadence; a failed round is reported and retried, never stopping the indexer.
 */
export async function runGovernanceStep(opts: {
  config: IndexerConfig;
  sql: Sql;
  signal: AbortSignal;
  onRound?: (round: GovernanceRound) => void;
  onError?: (error: unknown) => void;
}): Promise<void> {
  const locate = await loadIpLocator();
  const interval = Math.max(5_000, opts.config.pollIntervalMs * 5);
  while (!opts.signal.aborted) {
    try {
      opts.onRound?.(await governanceRound(opts.sql, opts.config, locate, { signal: opts.signal }));
    } catch (error) {
      if (opts.signal.aborted) break;
      opts.onError?.(error);
    }
    await abortableSleep(interval, opts.signal);
  }
}
