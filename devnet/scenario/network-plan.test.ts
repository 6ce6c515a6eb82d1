import { describe, expect, it } from "vitest";
import { DAY, MAINNET_STAKING_REQUIREMENT, planNetwork, stakingRequirementFor } from "./network-plan";

const config = { seed: "test", nodeCount: 2_000, months: 6, foundationShare: 0.085, endTime: 1_780_000_000 };

/** Foundation share of live nodes at time t, as the pledge counts it. */
function foundationShareAt(plan: ReturnType<typeof planNetwork>, t: number) {
  const live = plan.nodes.filter(
    (n) => n.registerAt <= t && !(n.exit && n.exit.exitAt <= t) && !(n.failure && n.failure.liquidateAt <= t),
  );
  return live.filter((n) => n.foundation).length / live.length;
}

describe("planNetwork", () => {
  it("is a pure function of its config", () => {
    expect(planNetwork(config)).toEqual(planNetwork(config));
    expect(planNetwork({ ...config, seed: "other" }).nodes[5]).not.toEqual(planNetwork(config).nodes[5]);
  });

  it("stakes exactly the requirement per node, the operator at least 25%, at most 10 contributors", () => {
    const plan = planNetwork(config);
    const stakingRequirement = plan.stakingRequirement;
    expect(stakingRequirement).toBe(MAINNET_STAKING_REQUIREMENT);
    for (const node of plan.nodes) {
      const total = node.operatorStake + node.contributors.reduce((t, c) => t + c.amount, 0n);
      expect(total).toBe(stakingRequirement);
      expect(node.operatorStake * 4n >= stakingRequirement).toBe(true);
      expect(node.contributors.length).toBeLessThanOrEqual(9);
    }
    const multi = plan.nodes.filter((n) => n.contributors.length > 0).length / plan.nodes.length;
    expect(multi).toBeGreaterThan(0.12);
    expect(multi).toBeLessThan(0.25);
  });

  it("has a Zipf-like spread of operators: a few large, a long tail of one-node operators", () => {
    const perOperator = new Map<string, number>();
    for (const n of planNetwork(config).nodes) perOperator.set(n.operator, (perOperator.get(n.operator) ?? 0) + 1);
    const counts = [...perOperator.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(60);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(100);
  });

  it("keeps the foundation near but under 10%, except for one crossing", () => {
    const plan = planNetwork(config);
    const days = Array.from({ length: config.months * 30 }, (_, d) => plan.startTime + d * DAY + DAY / 2);
    const above = days.filter((t) => foundationShareAt(plan, t) > 0.1);
    expect(above.length).toBeGreaterThan(3);
    expect(above.length).toBeLessThan(40);
    expect(Math.min(...above)).toBeGreaterThanOrEqual(plan.crossing.from);
    const end = foundationShareAt(plan, config.endTime);
    expect(end).toBeGreaterThan(0.07);
    expect(end).toBeLessThan(0.1);
  });

  it("keeps every operator at 25% or more at the lowered stake of a 20,000-node network", () => {
    const plan = planNetwork({ ...config, nodeCount: 20_000 });
    for (const node of plan.nodes) {
      expect(node.operatorStake * 4n >= plan.stakingRequirement, `node ${node.index}`).toBe(true);
      expect(node.operatorStake + node.contributors.reduce((t, c) => t + c.amount, 0n)).toBe(plan.stakingRequirement);
    }
  });

  it("lowers the stake for networks larger than the genesis wallets can fund", () => {
    expect(stakingRequirementFor(2_000)).toBe(25_000n * 1_000_000_000n);
    expect(stakingRequirementFor(20_000)).toBe(2_750n * 1_000_000_000n);
    expect(stakingRequirementFor(20_000) * 20_000n).toBeLessThanOrEqual(55_000_000n * 1_000_000_000n);
  });
});
