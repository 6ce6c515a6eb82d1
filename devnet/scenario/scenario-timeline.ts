import { DAY, type NetworkPlan, type PlannedNode } from "./network-plan";

export type ScenarioAction =
  | { kind: "seed"; t: number; nodes: PlannedNode[] }
  | { kind: "register"; t: number; node: PlannedNode }
  | { kind: "exitRequest"; t: number; node: PlannedNode }
  | { kind: "exit"; t: number; node: PlannedNode }
  | { kind: "liquidate"; t: number; node: PlannedNode }
  | { kind: "poolRelease"; t: number }
  | { kind: "rewards"; t: number; claim: boolean }
  | { kind: "transfers"; t: number };

const order: Record<ScenarioAction["kind"], number> = {
  seed: 0, poolRelease: 1, register: 2, exitRequest: 3, exit: 4, liquidate: 5, rewards: 6, transfers: 7,
};

/** Every action of the plan in chain order: by time, then by kind, then by node index. */
export function scenarioTimeline(plan: NetworkPlan): ScenarioAction[] {
  const actions: ScenarioAction[] = [];
  const seeded = plan.nodes.filter((n) => n.seeded);
  if (seeded.length > 0) actions.push({ kind: "seed", t: plan.startTime, nodes: seeded });
  for (const node of plan.nodes) {
    if (!node.seeded) actions.push({ kind: "register", t: node.registerAt, node });
    if (node.exit) {
      actions.push({ kind: "exitRequest", t: node.exit.requestAt, node });
      actions.push({ kind: "exit", t: node.exit.exitAt, node });
    }
    if (node.failure) actions.push({ kind: "liquidate", t: node.failure.liquidateAt, node });
  }
  // Weekly pool releases and reward credits; claims every fourth week; holders trade daily.
  for (let t = plan.startTime + DAY, week = 0; t < plan.config.endTime; t += 7 * DAY, week++) {
    actions.push({ kind: "poolRelease", t });
    actions.push({ kind: "rewards", t: t + 3_600, claim: week % 4 === 3 });
  }
  for (let t = plan.startTime + DAY / 2; t < plan.config.endTime; t += DAY) actions.push({ kind: "transfers", t });
  const indexOf = (a: ScenarioAction) => ("node" in a ? a.node.index : 0);
  return actions.sort((a, b) => a.t - b.t || order[a.kind] - order[b.kind] || indexOf(a) - indexOf(b));
}
