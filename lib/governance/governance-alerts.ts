import type { PledgeStatus } from "../domain/foundation-share";
import type { PledgeSeries } from "./pledge-series";
import { causingChanges, utcDay } from "./pledge-series";

export type AlertKind = "foundation-warning" | "foundation-breach" | "foundation-within" | "entity-over-third";
export type AlertSeverity = "info" | "warning" | "critical";

// A type, not an interface: the webhook serialises it as JSON, which needs an implicit index signature.
export type AlertEvidence = {
  block: string;
  tx: string;
};

export interface GovernanceAlertRecord {
  /** stable across rebuilds of the series, so a sent alert is never sent again */
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  day: string;
  title: string;
  summary: string;
  evidence: AlertEvidence[];
}

/** An alert as read back from the database, where kind and severity are plain text columns. */
export type StoredGovernanceAlert = Omit<GovernanceAlertRecord, "kind" | "severity"> & { kind: string; severity: string };

const pct = (part: number, whole: number) => (whole === 0 ? "0.00%" : `${((part / whole) * 100).toFixed(2)}%`);

function evidenceOf(changes: { block: bigint; tx: string }[]): AlertEvidence[] {
  const seen = new Set<string>();
  const out: AlertEvidence[] = [];
  for (const c of changes) {
    if (seen.has(c.tx)) continue;
    seen.add(c.tx);
    out.push({ block: c.block.toString(), tx: c.tx });
  }
  return out;
}

/**
 * Alerts read off the daily series: the foundation's share reaching 9% (warning) or passing 10%
 * (breach) on a day, coming back within the pledge, and any entity holding more than a third
 * of the nodes or of the stake. A day's status is the worst it reached at any block.
 */
export function governanceAlerts(series: PledgeSeries, entityName: (id: string) => string): GovernanceAlertRecord[] {
  const alerts: GovernanceAlertRecord[] = [];
  let previous: PledgeStatus = "ok";
  const overThird = new Set<string>();
  for (const day of series.days) {
    const todays = series.transitions.filter((t) => utcDay(t.time) === day.day);
    const counts = `${day.peakFoundationNodes} of ${day.peakTotalNodes} nodes (${pct(day.peakFoundationNodes, day.peakTotalNodes)}) at its highest`;
    if (day.status === "breach" && previous !== "breach") {
      const crossing = todays.filter((t) => t.to === "breach");
      alerts.push({
        id: `foundation-breach:${day.day}`,
        kind: "foundation-breach",
        severity: "critical",
        day: day.day,
        title: `Foundation above its 10% pledge on ${day.day}`,
        summary: `The foundation operated ${counts}; the pledge allows at most 10%.`,
        evidence: evidenceOf(crossing.flatMap((t) => causingChanges(t.changes))),
      });
    } else if (day.status === "warning" && previous === "ok") {
      alerts.push({
        id: `foundation-warning:${day.day}`,
        kind: "foundation-warning",
        severity: "warning",
        day: day.day,
        title: `Foundation share reached 9% on ${day.day}`,
        summary: `The foundation operated ${counts}: close to its 10% pledge.`,
        evidence: evidenceOf(todays.filter((t) => t.to === "warning").flatMap((t) => causingChanges(t.changes))),
      });
    } else if (day.status !== "breach" && previous === "breach") {
      const back = series.transitions.filter((t) => t.from === "breach" && utcDay(t.time) <= day.day).at(-1);
      alerts.push({
        id: `foundation-within:${day.day}`,
        kind: "foundation-within",
        severity: "info",
        day: day.day,
        title: `Foundation back within its 10% pledge on ${day.day}`,
        summary: `The foundation operated ${day.foundationNodes} of ${day.totalNodes} nodes (${pct(day.foundationNodes, day.totalNodes)}) at the end of the day.`,
        evidence: back ? evidenceOf(causingChanges(back.changes)) : [],
      });
    }
    previous = day.status;

    for (const [dimension, figures, unit] of [["nodes", day.operatorNodes, "nodes"], ["stake", day.entityStake, "stake"]] as const) {
      const largest = figures.largest;
      const key = largest ? `${dimension}:${largest.id}` : "";
      const over = largest !== null && largest.weight * 3n > figures.total;
      for (const k of [...overThird]) if (k.startsWith(`${dimension}:`) && k !== key) overThird.delete(k);
      if (!over) {
        if (key) overThird.delete(key);
        continue;
      }
      if (overThird.has(key)) continue;
      overThird.add(key);
      const changes = dimension === "nodes" ? series.changes.filter((c) => c.entityId === largest.id && utcDay(c.time) === day.day) : [];
      alerts.push({
        id: `entity-over-third:${day.day}:${dimension}:${largest.id}`,
        kind: "entity-over-third",
        severity: "critical",
        day: day.day,
        title: `${entityName(largest.id)} holds more than a third of the ${unit} on ${day.day}`,
        summary:
          dimension === "nodes"
            ? `${entityName(largest.id)} operated ${largest.weight} of ${figures.total} nodes (${pct(Number(largest.weight), Number(figures.total))}).`
            : `${entityName(largest.id)} contributed ${pct(Number((largest.weight * 10_000n) / (figures.total || 1n)), 10_000)} of the stake in active nodes.`,
        evidence: evidenceOf(changes),
      });
    }
  }
  return alerts;
}
