import { DAY, type NetworkPlan, type PlannedNode } from "./network-plan";
import { openContributionSteps, type OpenContributionStep } from "./open-contributions";

export type ScenarioAction =
  | { kind: "seed"; t: number; nodes: PlannedNode[] }
  | { kind: "register"; t: number; node: PlannedNode }
  | { kind: "exitRequest"; t: number; node: PlannedNode }
  | { kind: "exit"; t: number; node: PlannedNode }
  | { kind: "liquidate"; t: number; node: PlannedNode }
  | { kind: "poolRelease"; t: number }
  | { kind: "rewards"; t: number; claim: boolean }
  | { kind: "transfers"; t: number }
  /** a staking-enabled vesting wallet registers a node with its locked tokens */
  | { kind: "vestingStake"; t: number; vesting: number }
  /** a vesting wallet's beneficiary takes what has unlocked */
  | { kind: "vestingRelease"; t: number; vesting: number }
  /** a step of a contribution contract the history leaves open (open-contributions.ts) */
  | { kind: "openContribution"; t: number; step: OpenContributionStep };

const order: Record<ScenarioAction["kind"], number> = {
  seed: 0, poolRelease: 1, register: 2, vestingStake: 3, exitRequest: 4, exit: 5, liquidate: 6, rewards: 7, transfers: 8, vestingRelease: 9, openContribution: 10,
};

/** Every action of the plan in chain order: by time, then by kind, then by node index. */
export function scenarioTimeline(plan: NetworkPlan, vesting: { lockup: "A" | "F"; unlockAt: number }[] = []): ScenarioAction[] {
  const actions: ScenarioAction[] = [];
  // Investors (lockup A) stake a node from their vesting wallet in the first weeks; testnet
  // participants (lockup F) take their tokens the day after the 90-day lock ends.
  vesting.forEach((v, i) => {
    if (v.lockup === "A") actions.push({ kind: "vestingStake", t: plan.startTime + (10 + 7 * i) * DAY, vesting: i });
    else if (v.unlockAt + DAY < plan.config.endTime) actions.push({ kind: "vestingRelease", t: v.unlockAt + DAY, vesting: i });
  });
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
  for (const { t, step } of openContributionSteps(plan)) actions.push({ kind: "openContribution", t, step });
  const indexOf = (a: ScenarioAction) => ("node" in a ? a.node.index : "vesting" in a ? a.vesting : 0);
  return actions.sort((a, b) => a.t - b.t || order[a.kind] - order[b.kind] || indexOf(a) - indexOf(b));
}
