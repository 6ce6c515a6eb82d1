import { foundationShare, type PledgeStatus } from "../domain/foundation-share";
import type { Concentration } from "./concentration-metrics";
import type { Attribution } from "./entity-attribution";
import { WeightBook } from "./weight-book";

/** A block on the chain where something happened: the evidence behind a figure. */
export interface ChainMoment {
  time: Date;
  block: bigint;
  tx: string;
}

/** A node's life on chain: registered at `start`, gone (exited or liquidated) at `end`. */
export interface NodeInterval {
  id: bigint;
  operator: string;
  stakes: { staker: string; amount: bigint }[];
  start: ChainMoment;
  end: ChainMoment | null;
}

export interface NodeChange extends ChainMoment {
  nodeId: bigint;
  kind: "registration" | "exit";
  operator: string;
  entityId: string;
  foundation: boolean;
}

/** The largest entity of a distribution, for "any entity passing 33%". */
export interface LargestEntity {
  id: string;
  weight: bigint;
}

export interface PledgeDay {
  /** UTC day, "YYYY-MM-DD" */
  day: string;
  /** when the snapshot figures are taken: the end of the day, or the data's last moment for today */
  asOf: Date;
  totalNodes: number;
  foundationNodes: number;
  /** nodes the foundation stakes in but does not operate */
  foundationContributedNodes: number;
  totalStake: bigint;
  foundationStake: bigint;
  /** the highest foundation share reached at any block of the day (start of day included) */
  peakFoundationNodes: number;
  peakTotalNodes: number;
  /** the worst pledge status the day saw at any block */
  status: PledgeStatus;
  operatorNodes: Concentration & { largest: LargestEntity | null };
  entityStake: Concentration & { largest: LargestEntity | null };
}

/** A block after which the pledge status changed, with that block's node registrations and exits. */
export interface PledgeTransition {
  time: Date;
  block: bigint;
  from: PledgeStatus;
  to: PledgeStatus;
  foundationNodes: number;
  totalNodes: number;
  changes: NodeChange[];
}

export interface PledgeSeries {
  days: PledgeDay[];
  transitions: PledgeTransition[];
  /** every registration and exit, in chain order */
  changes: NodeChange[];
}

const DAY_MS = 86_400_000;
export const utcDay = (time: Date) => new Date(Math.floor(time.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
const rank: Record<PledgeStatus, number> = { ok: 0, warning: 1, breach: 2 };

/**
 * The foundation's share and the network's concentration for every UTC day from the first
 * registration to `asOf`, replaying registrations and exits block by block. A node counts from
 * its registration block until the block of its exit or liquidation (a requested exit still
 * counts: the node runs until it leaves). Changes within one block apply together.
 */
export function pledgeSeries(nodes: readonly NodeInterval[], attribution: Attribution, asOf: Date): PledgeSeries {
  const changes: (NodeChange & { node: NodeInterval })[] = [];
  for (const node of nodes) {
    const entity = attribution.entityOf(node.operator);
    const base = { nodeId: node.id, operator: node.operator, entityId: entity.id, foundation: entity.kind === "foundation", node };
    if (node.start.time <= asOf) changes.push({ ...node.start, kind: "registration", ...base });
    if (node.end && node.end.time <= asOf) changes.push({ ...node.end, kind: "exit", ...base });
  }
  // Chain order; within a block exits first (a node's own registration always precedes its exit).
  const order = (c: NodeChange) => (c.kind === "exit" ? 0 : 1);
  changes.sort((a, b) =>
    a.block !== b.block ? (a.block < b.block ? -1 : 1)
    : a.nodeId === b.nodeId ? (a.kind === "registration" ? -1 : 1)
    : a.kind !== b.kind ? order(a) - order(b)
    : a.nodeId < b.nodeId ? -1 : 1,
  );

  const days: PledgeDay[] = [];
  const transitions: PledgeTransition[] = [];
  const operatorNodes = new WeightBook();
  const entityStake = new WeightBook();
  let totalNodes = 0;
  let foundationNodes = 0;
  let foundationContributed = 0;
  let totalStake = 0n;
  let foundationStake = 0n;
  let status: PledgeStatus = "ok";

  let currentDay = changes.length > 0 ? utcDay(changes[0]!.time) : utcDay(asOf);
  let dayWorst: PledgeStatus = status;
  let peak = { foundation: 0, total: 0 };
  const lastDay = utcDay(asOf);

  const closeDay = (end: Date) => {
    days.push({
      day: currentDay,
      asOf: end,
      totalNodes,
      foundationNodes,
      foundationContributedNodes: foundationContributed,
      totalStake,
      foundationStake,
      peakFoundationNodes: peak.foundation,
      peakTotalNodes: peak.total,
      status: dayWorst,
      operatorNodes: { ...operatorNodes.concentration(), largest: operatorNodes.largest() },
      entityStake: { ...entityStake.concentration(), largest: entityStake.largest() },
    });
  };
  const notePeak = () => {
    // foundation/total > peak.foundation/peak.total, compared without division
    if (peak.total === 0 || foundationNodes * peak.total > peak.foundation * totalNodes) peak = { foundation: foundationNodes, total: totalNodes };
  };
  const startDay = (day: string) => {
    currentDay = day;
    dayWorst = status;
    peak = { foundation: 0, total: 0 };
    notePeak();
  };
  const advanceTo = (day: string) => {
    while (currentDay < day) {
      const next = new Date(dayStart(currentDay).getTime() + DAY_MS);
      closeDay(new Date(next.getTime() - 1));
      startDay(utcDay(next));
    }
  };

  startDay(currentDay);
  for (let i = 0; i < changes.length; ) {
    const block = changes[i]!.block;
    const time = changes[i]!.time;
    advanceTo(utcDay(time));
    const inBlock: NodeChange[] = [];
    for (; i < changes.length && changes[i]!.block === block; i++) {
      const { node, ...change } = changes[i]!;
      inBlock.push(change);
      const sign = change.kind === "registration" ? 1 : -1;
      const big = BigInt(sign);
      totalNodes += sign;
      if (change.foundation) foundationNodes += sign;
      operatorNodes.add(change.entityId, big);
      let foundationStakes = false;
      for (const stake of node.stakes) {
        const staker = attribution.entityOf(stake.staker);
        entityStake.add(staker.id, big * stake.amount);
        totalStake += big * stake.amount;
        if (staker.kind === "foundation") {
          foundationStake += big * stake.amount;
          foundationStakes = true;
        }
      }
      if (foundationStakes && !change.foundation) foundationContributed += sign;
    }
    const next = foundationShare(foundationNodes, totalNodes).status;
    if (next !== status) {
      transitions.push({ time, block, from: status, to: next, foundationNodes, totalNodes, changes: inBlock });
      status = next;
    }
    if (rank[status] > rank[dayWorst]) dayWorst = status;
    notePeak();
  }
  advanceTo(lastDay);
  closeDay(asOf);
  return { days, transitions, changes: changes.map(({ node: _node, ...change }) => change) };
}

/**
 * The transactions to cite for a status change: the foundation's own registrations and exits in
 * the block when it has any (they moved its share), otherwise everything in the block (others'
 * exits or registrations moved the line).
 */
export function causingChanges<C extends { foundation: boolean }>(changes: readonly C[]): C[] {
  const own = changes.filter((c) => c.foundation);
  return own.length > 0 ? own : [...changes];
}

/** What a breach period needs of a status change: the stored rows and the replayed ones both fit. */
export interface StatusChange {
  time: Date;
  from: PledgeStatus;
  to: PledgeStatus;
  foundationNodes: number;
  totalNodes: number;
}

export type DayPeak = Pick<PledgeDay, "day" | "peakFoundationNodes" | "peakTotalNodes">;

/** A stretch above the 10% line: from the block that crossed it to the block that brought it back. */
export interface BreachPeriod<T extends StatusChange = PledgeTransition> {
  start: T;
  /** null while the foundation is still above the line */
  end: T | null;
  peakFoundationNodes: number;
  peakTotalNodes: number;
  /** UTC days touched, first and last included */
  days: number;
}

export function breachPeriods<T extends StatusChange>(transitions: readonly T[], days: readonly DayPeak[]): BreachPeriod<T>[] {
  const periods: BreachPeriod<T>[] = [];
  let open: T | null = null;
  for (const t of transitions) {
    if (t.to === "breach" && open === null) open = t;
    else if (t.from === "breach" && open !== null) {
      periods.push(periodOf(days, open, t));
      open = null;
    }
  }
  if (open !== null) periods.push(periodOf(days, open, null));
  return periods;
}

function periodOf<T extends StatusChange>(days: readonly DayPeak[], start: T, end: T | null): BreachPeriod<T> {
  const first = utcDay(start.time);
  const last = end ? utcDay(end.time) : days.at(-1)?.day ?? first;
  let peak = { foundation: start.foundationNodes, total: start.totalNodes };
  for (const d of days) {
    if (d.day < first || d.day > last) continue;
    if (d.peakFoundationNodes * peak.total > peak.foundation * d.peakTotalNodes) peak = { foundation: d.peakFoundationNodes, total: d.peakTotalNodes };
  }
  const span = Math.round((dayStart(last).getTime() - dayStart(first).getTime()) / DAY_MS) + 1;
  return { start, end, peakFoundationNodes: peak.foundation, peakTotalNodes: peak.total, days: span };
}
