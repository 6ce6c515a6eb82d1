import { describe, expect, it } from "vitest";
import { buildAttribution } from "./entity-attribution";
import { operatorLeaderboard } from "./operator-leaderboard";

const a = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as const;
const attribution = buildAttribution([a(1), a(2)], {
  chainId: 1,
  description: "test",
  entities: [{ id: "pool", name: "Pool", simulated: false, addresses: [{ address: a(3), source: "s" }, { address: a(4), source: "s" }] }],
});
const standing = (n: number, nodes: number, stake: bigint, credited = 0n, claimed = 0n) => ({ address: a(n), nodes, stake, rewardsCredited: credited, rewardsClaimed: claimed });

describe("operatorLeaderboard", () => {
  it("groups addresses into entities and ranks by nodes, then stake", () => {
    const rows = operatorLeaderboard(
      [standing(1, 2, 50n, 10n, 4n), standing(2, 1, 25n, 5n, 5n), standing(3, 3, 75n), standing(4, 0, 25n), standing(5, 3, 80n), standing(6, 1, 0n)],
      attribution,
    );
    expect(rows.map((r) => [r.entity.id, r.nodes, r.stake, r.addresses.length])).toEqual([
      ["pool", 3, 100n, 2],
      [a(5), 3, 80n, 1],
      ["foundation", 3, 75n, 2],
      [a(6), 1, 0n, 1],
    ]);
    // 10 nodes, 255 atomic units of stake in all
    expect(rows[0]!.nodeShare).toBe(0.3);
    expect(rows[0]!.stakeShare).toBeCloseTo(100 / 255, 14);
    expect(rows[2]).toMatchObject({ rewardsCredited: 15n, rewardsClaimed: 9n });
  });
});
