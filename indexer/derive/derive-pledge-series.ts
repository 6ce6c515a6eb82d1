import { createHash } from "node:crypto";
import type { Concentration } from "../../lib/governance/concentration-metrics";
import type { Attribution } from "../../lib/governance/entity-attribution";
import { governanceAlerts } from "../../lib/governance/governance-alerts";
import { pledgeSeries, type LargestEntity, type NodeInterval } from "../../lib/governance/pledge-series";
import type { Sql } from "../store/database";
import type { Tx } from "../store/service-node-store";

export interface PledgeDerivation {
  rebuilt: boolean;
  days: number;
  transitions: number;
  alerts: number;
}

/** Fingerprint of who counts as whom: a change of FOUNDATION_ADDRESSES or labels rebuilds the series. */
export function attributionFingerprint(attribution: Attribution): string {
  const parts = [
    ...attribution.foundationAddresses.map((f) => `foundation:${f.address}`),
    ...attribution.labelledEntities.flatMap((e) => e.addresses.map((a) => `${e.entity.id}:${a.address}`)),
  ].sort();
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
}

export function concentrationRow(dimension: string, day: string, c: Concentration & { largest: LargestEntity | null }) {
  return {
    dimension,
    day: new Date(`${day}T00:00:00Z`),
    entities: c.entities,
    total: c.total,
    top1: c.top1,
    top5: c.top5,
    top10: c.top10,
    nakamoto33: c.nakamoto33,
    nakamoto50: c.nakamoto50,
    hhi: c.hhi,
    gini: c.gini,
    largestId: c.largest?.id ?? null,
    largestWeight: c.largest?.weight ?? null,
  };
}

async function insertChunks(tx: Tx, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2_000) await tx`INSERT INTO ${tx(table)} ${tx(rows.slice(i, i + 2_000) as never)}`;
}

/**
 * Replays every indexed registration and exit into the daily pledge series, the operators' and
 * stakers' concentration, the status changes and the alerts, and replaces the stored ones, all
 * in one repeatable-read transaction: the series always matches one checkpoint. Skipped when the
 * checkpoint, the attribution and the UTC day are what the stored series was built from; a reorg
 * changes the checkpoint's hash, so it rebuilds.
 */
export async function derivePledgeSeries(
  sql: Sql,
  opts: {
    chainId: number;
    attribution: Attribution;
    now?: Date;
    force?: boolean;
    /** while the chain only moved forward, rebuild at most this often (a reorg or new attribution rebuilds at once) */
    minIntervalMs?: number;
  },
): Promise<PledgeDerivation> {
  const fingerprint = attributionFingerprint(opts.attribution);
  return sql.begin("isolation level repeatable read", async (tx) => {
    const [checkpoint] = await tx<{ blockNumber: bigint; blockHash: string; timestamp: Date | null }[]>`
      SELECT c."blockNumber", c."blockHash", b.timestamp FROM "IndexerCheckpoint" c
      LEFT JOIN "IndexedBlock" b ON b."chainId" = c."chainId" AND b.number = c."blockNumber"
      WHERE c."chainId" = ${opts.chainId}`;
    if (!checkpoint) return { rebuilt: false, days: 0, transitions: 0, alerts: 0 };
    const sourceHash = `${checkpoint.blockHash}|${fingerprint}`;
    const asOf = checkpoint.timestamp ?? opts.now ?? new Date();
    const [previous] = await tx<{ sourceHash: string | null; sourceBlock: bigint | null; derivedAt: Date; stillOnChain: boolean }[]>`
      SELECT d."sourceHash", d."sourceBlock", d."derivedAt",
        EXISTS (SELECT 1 FROM "IndexedBlock" b WHERE b."chainId" = ${opts.chainId} AND b.number = d."sourceBlock"
          AND d."sourceHash" = b.hash || '|' || ${fingerprint}) AS "stillOnChain"
      FROM "GovernanceDerivation" d WHERE source = 'chain'`;
    if (!opts.force && previous?.sourceHash === sourceHash && previous.sourceBlock === checkpoint.blockNumber) {
      return { rebuilt: false, days: 0, transitions: 0, alerts: 0 };
    }
    // The chain only grew since the last build: wait for the interval. A reorg removed or
    // replaced the block it was built from (stillOnChain false): rebuild now.
    const now = opts.now ?? new Date();
    if (!opts.force && previous?.stillOnChain && opts.minIntervalMs && now.getTime() - previous.derivedAt.getTime() < opts.minIntervalMs) {
      return { rebuilt: false, days: 0, transitions: 0, alerts: 0 };
    }

    const rows = await tx<
      { id: bigint; operator: string; registeredAt: Date; registeredBlock: bigint; registeredTx: string; endedAt: Date | null; endedBlock: bigint | null; endedTx: string | null }[]
    >`SELECT id, operator, "registeredAt", "registeredBlock", "registeredTx", "endedAt", "endedBlock", "endedTx" FROM "ServiceNode"`;
    const stakes = await tx<{ nodeId: bigint; staker: string; amount: bigint }[]>`SELECT "nodeId", staker, amount FROM "NodeContribution"`;
    const stakesByNode = new Map<bigint, NodeInterval["stakes"]>();
    for (const s of stakes) {
      let list = stakesByNode.get(s.nodeId);
      if (!list) stakesByNode.set(s.nodeId, (list = []));
      list.push({ staker: s.staker, amount: s.amount });
    }
    const nodes: NodeInterval[] = rows.map((r) => ({
      id: r.id,
      operator: r.operator,
      stakes: stakesByNode.get(r.id) ?? [],
      start: { time: r.registeredAt, block: r.registeredBlock, tx: r.registeredTx },
      end: r.endedAt && r.endedBlock !== null && r.endedTx ? { time: r.endedAt, block: r.endedBlock, tx: r.endedTx } : null,
    }));
    const series = pledgeSeries(nodes, opts.attribution, asOf);
    const names = (id: string) => {
      const entity = opts.attribution.entityOf(id);
      return entity.kind === "address" ? id : id === "foundation" ? opts.attribution.foundation.name : entity.name;
    };
    const alerts = governanceAlerts(series, names);

    await tx`DELETE FROM "PledgeDay"`;
    await tx`DELETE FROM "ConcentrationDay" WHERE dimension IN ('operator-nodes', 'entity-stake')`;
    await tx`DELETE FROM "PledgeTransition"`;
    await tx`DELETE FROM "GovernanceAlert"`;
    await insertChunks(
      tx,
      "PledgeDay",
      series.days.map((d) => ({
        day: new Date(`${d.day}T00:00:00Z`),
        asOf: d.asOf,
        totalNodes: d.totalNodes,
        foundationNodes: d.foundationNodes,
        foundationContributedNodes: d.foundationContributedNodes,
        totalStake: d.totalStake,
        foundationStake: d.foundationStake,
        peakFoundationNodes: d.peakFoundationNodes,
        peakTotalNodes: d.peakTotalNodes,
        status: d.status,
      })),
    );
    await insertChunks(tx, "ConcentrationDay", [
      ...series.days.map((d) => concentrationRow("operator-nodes", d.day, d.operatorNodes)),
      ...series.days.map((d) => concentrationRow("entity-stake", d.day, d.entityStake)),
    ]);
    await insertChunks(
      tx,
      "PledgeTransition",
      series.transitions.map((t) => ({
        blockNumber: t.block,
        blockTime: t.time,
        fromStatus: t.from,
        toStatus: t.to,
        foundationNodes: t.foundationNodes,
        totalNodes: t.totalNodes,
        changes: tx.json(t.changes.map((c) => ({ nodeId: c.nodeId.toString(), kind: c.kind, tx: c.tx, block: c.block.toString(), time: c.time.toISOString(), operator: c.operator, entityId: c.entityId, foundation: c.foundation }))),
      })),
    );
    await insertChunks(
      tx,
      "GovernanceAlert",
      alerts.map((a) => ({ id: a.id, kind: a.kind, severity: a.severity, day: new Date(`${a.day}T00:00:00Z`), title: a.title, summary: a.summary, evidence: tx.json(a.evidence as never) })),
    );
    await tx`
      INSERT INTO "GovernanceDerivation" (source, "sourceBlock", "sourceHash", "derivedAt")
      VALUES ('chain', ${checkpoint.blockNumber}, ${sourceHash}, now())
      ON CONFLICT (source) DO UPDATE SET "sourceBlock" = excluded."sourceBlock", "sourceHash" = excluded."sourceHash", "derivedAt" = now()`;
    return { rebuilt: true, days: series.days.length, transitions: series.transitions.length, alerts: alerts.length };
  });
}
