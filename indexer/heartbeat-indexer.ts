import { abortableSleep } from "./abortable-sleep";
import type { IndexerConfig } from "../lib/config/indexer-config";
import { changedStates, uptimeSlot, type TrackedNodeState } from "../lib/oxend/heartbeat-history";
import type { ServiceNodeState } from "../lib/oxend/service-node-states";
import { fetchServiceNodeStates } from "./sources/fetch-service-node-states";
import { loadIpLocator, type IpLocator } from "./sources/ip-locator";
import type { Sql } from "./store/database";
import { recordFailure, recordSuccess } from "./store/indexer-status-store";
import { linkHeartbeatsToNodes } from "./store/link-heartbeats";

export interface HeartbeatPollResult {
  height: bigint;
  nodes: number;
  rejected: number;
}

/** Stores one poll's node states: the latest state per node, joined to on-chain nodes by ed25519 key. */
export async function storeHeartbeats(sql: Sql, nodes: ServiceNodeState[], polledAt: Date, locate?: IpLocator): Promise<void> {
  const rows = nodes.map((n) => ({
    ed25519Pubkey: n.pubkeyEd25519,
    blsPubkey: n.pubkeyBls ? `0x${n.pubkeyBls}` : null,
    operatorAddress: n.operatorAddress ?? "",
    active: n.active ?? false,
    funded: n.funded ?? false,
    lastUptimeProof: n.lastUptimeProof ? new Date(n.lastUptimeProof * 1000) : null,
    version: n.serviceNodeVersion ?? "",
    publicIp: n.publicIp ?? "",
    ...(locate && n.publicIp ? locate(n.publicIp) : { country: null, asn: null, provider: null }),
    storagePort: n.storagePort ?? 0,
    swarmId: n.swarmId ?? "",
    stateHeight: n.stateHeight ?? 0n,
    requestedUnlockHeight: n.requestedUnlockHeight ?? 0n,
    earnedDowntimeBlocks: n.earnedDowntimeBlocks ?? 0,
    totalContributed: n.totalContributed ?? 0n,
    stakingRequirement: n.stakingRequirement ?? 0n,
    firstSeenAt: polledAt,
    lastSeenAt: polledAt,
  }));
  await sql.begin(async (tx) => {
    // History as changes: compare with the stored state before overwriting it.
    const previous = new Map(
      (
        await tx<TrackedNodeState[]>`
          SELECT "ed25519Pubkey", active, funded, version, "publicIp", "storagePort", "swarmId", "requestedUnlockHeight"
          FROM "NodeHeartbeat" WHERE "ed25519Pubkey" = ANY(${rows.map((r) => r.ed25519Pubkey)}::text[])`
      ).map((r) => [r.ed25519Pubkey, r]),
    );
    const changes = changedStates(previous, rows).map((r) => ({
      ed25519Pubkey: r.ed25519Pubkey,
      observedAt: polledAt,
      active: r.active,
      funded: r.funded,
      version: r.version,
      publicIp: r.publicIp,
      storagePort: r.storagePort,
      swarmId: r.swarmId,
      requestedUnlockHeight: r.requestedUnlockHeight,
    }));
    for (let i = 0; i < changes.length; i += 2_000) {
      await tx`INSERT INTO "NodeStateChange" ${tx(changes.slice(i, i + 2_000))}`;
    }
    const { day, bit } = uptimeSlot(polledAt);
    const uptime = rows.map((r) => ({ ed25519Pubkey: r.ed25519Pubkey, day, activeHours: r.active ? bit : 0, inactiveHours: r.active ? 0 : bit }));
    for (let i = 0; i < uptime.length; i += 2_000) {
      await tx`
        INSERT INTO "NodeUptimeDay" ${tx(uptime.slice(i, i + 2_000))}
        ON CONFLICT ("ed25519Pubkey", day) DO UPDATE SET
          "activeHours" = "NodeUptimeDay"."activeHours" | excluded."activeHours",
          "inactiveHours" = "NodeUptimeDay"."inactiveHours" | excluded."inactiveHours"`;
    }
    for (let i = 0; i < rows.length; i += 2_000) {
      await tx`
        INSERT INTO "NodeHeartbeat" ${tx(rows.slice(i, i + 2_000))}
        ON CONFLICT ("ed25519Pubkey") DO UPDATE SET
          "blsPubkey" = excluded."blsPubkey", "operatorAddress" = excluded."operatorAddress",
          active = excluded.active, funded = excluded.funded,
          -- a proof older than the one stored is a replayed or out-of-order answer: keep ours
          "lastUptimeProof" = greatest("NodeHeartbeat"."lastUptimeProof", excluded."lastUptimeProof"),
          version = excluded.version, "publicIp" = excluded."publicIp", "storagePort" = excluded."storagePort",
          country = excluded.country, asn = excluded.asn, provider = excluded.provider,
          "swarmId" = excluded."swarmId", "stateHeight" = excluded."stateHeight",
          "requestedUnlockHeight" = excluded."requestedUnlockHeight",
          "earnedDowntimeBlocks" = excluded."earnedDowntimeBlocks",
          "totalContributed" = excluded."totalContributed", "stakingRequirement" = excluded."stakingRequirement",
          "lastSeenAt" = excluded."lastSeenAt"`;
    }
    await linkHeartbeatsToNodes(tx);
  });
}

export async function pollHeartbeatsOnce(sql: Sql, config: IndexerConfig, locate?: IpLocator): Promise<HeartbeatPollResult> {
  const result = await fetchServiceNodeStates(config.oxendRpcUrl);
  await storeHeartbeats(sql, result.nodes, new Date(), locate);
  if (result.rejected.length > 0) {
    await recordFailure(sql, "heartbeats", `${result.rejected.length} node entries rejected, first: #${result.rejected[0]!.index} ${result.rejected[0]!.reason}`);
  }
  await recordSuccess(sql, "heartbeats", result.height);
  return { height: result.height, nodes: result.nodes.length, rejected: result.rejected.length };
}

/** Polls oxend on the configured cadence; a failed poll is recorded and never stops the loop. */
export async function runHeartbeatIndexer(opts: {
  config: IndexerConfig;
  sql: Sql;
  signal: AbortSignal;
  onPoll?: (result: HeartbeatPollResult) => void;
  onError?: (error: unknown) => void;
}): Promise<void> {
  const locate = await loadIpLocator();
  while (!opts.signal.aborted) {
    try {
      opts.onPoll?.(await pollHeartbeatsOnce(opts.sql, opts.config, locate));
    } catch (error) {
      opts.onError?.(error);
      await recordFailure(opts.sql, "heartbeats", error).catch(() => {});
    }
    await abortableSleep(opts.config.heartbeatIntervalMs, opts.signal);
  }
}
