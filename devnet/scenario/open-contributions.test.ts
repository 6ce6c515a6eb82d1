import { describe, expect, it } from "vitest";
import { defaultScenarioConfig, planNetwork } from "./network-plan";
import { planOpenContributions } from "./open-contributions";

/** As the devnet's rewards contract is deployed (deploy-devnet.ts). */
const MAX_CONTRIBUTORS = 10n;

/**
 * Replays each planned contract's contributions against ServiceNodeContribution's rules: the
 * operator brings at least a quarter, a new unreserved contributor at least the open stake over
 * the open slots, a reserved one at least its reservation, and nothing past the requirement.
 */
function contractRefusals(nodeCount: number, seed: string): string[] {
  const plan = planNetwork({ ...defaultScenarioConfig(1_780_000_000), seed, nodeCount });
  const requirement = plan.stakingRequirement;
  const refusals: string[] = [];
  for (const [i, c] of planOpenContributions(plan).entries()) {
    const reservedTotal = c.reserved.reduce((t, r) => t + r.amount, 0n);
    if (reservedTotal > requirement) refusals.push(`#${i} ${c.kind}: reserved ${reservedTotal} > ${requirement}`);
    const pendingReserved = new Map(c.reserved.map((r) => [r.addr, r.amount]));
    const reservedLeft = () => [...pendingReserved.values()].reduce((t, a) => t + a, 0n);
    let total = 0n;
    let contributors = 0n;
    for (const s of c.stakes) {
      const reserved = pendingReserved.get(s.address);
      const reservedBefore = reservedLeft();
      if (reserved !== undefined) {
        if (s.amount < reserved) refusals.push(`#${i} ${c.kind}: ${s.amount} below its reservation ${reserved}`);
        pendingReserved.delete(s.address);
      } else if (s.address === c.operator) {
        if (s.amount * 4n < requirement) refusals.push(`#${i} ${c.kind}: operator ${s.amount} below a quarter of ${requirement}`);
      } else {
        const min = (requirement - total - reservedBefore) / (MAX_CONTRIBUTORS - contributors - BigInt(pendingReserved.size));
        if (s.amount < min) refusals.push(`#${i} ${c.kind}: contributor ${s.amount} below the minimum ${min}`);
      }
      total += s.amount;
      contributors++;
      if (total + reservedLeft() > requirement) refusals.push(`#${i} ${c.kind}: ${total} past the requirement`);
    }
  }
  return refusals;
}

describe("planOpenContributions", () => {
  it.each([
    [2_000, "session-devnet"],
    [2_000, "bench"],
    [20_000, "bench"],
    [20_000, "session-devnet"],
  ])("plans only contributions the contract accepts (%i nodes, seed %s)", (nodeCount, seed) => {
    expect(planOpenContributions(planNetwork({ ...defaultScenarioConfig(1_780_000_000), seed, nodeCount })).length).toBeGreaterThanOrEqual(5);
    expect(contractRefusals(nodeCount, seed)).toEqual([]);
  });
});
