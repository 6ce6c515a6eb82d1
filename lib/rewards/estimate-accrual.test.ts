import { describe, expect, it } from "vitest";
import { estimateAccrual, overlapSeconds } from "./estimate-accrual";

const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const DAY = 86_400n;

describe("overlapSeconds", () => {
  it("counts only the time a node was live inside the bucket", () => {
    expect(overlapSeconds({ from: day(3), to: null }, day(1), day(8))).toBe(5n * DAY);
    expect(overlapSeconds({ from: day(1), to: day(2) }, day(3), day(8))).toBe(0n);
    expect(overlapSeconds({ from: day(1), to: day(5) }, day(3), day(8))).toBe(2n * DAY);
  });
});

describe("estimateAccrual", () => {
  it("shares the release per node-second, then by fee and stake", () => {
    // Week of 7 days, 10 nodes live all week: 70 node-days; 700 released → 10 per node-day, 70 per node.
    // The recipient runs node 1 alone (all 70) and holds half of node 2 as a contributor behind a 10% fee
    // (node 2 live 3 days: 30; fee 3; half of 27 = 13.5 → 13, the dust to the operator).
    const { accrued, stakeSeconds, byNode } = estimateAccrual({
      recipient: "me",
      nodes: [
        { id: 1n, feeBasisPoints: 0, stakes: [{ address: "me", amount: 100n }], from: day(1), to: null },
        { id: 2n, feeBasisPoints: 1_000, stakes: [{ address: "op", amount: 50n }, { address: "me", amount: 50n }], from: day(1), to: day(4) },
      ],
      released: 700n,
      networkNodeSeconds: 70n * DAY,
      from: day(1),
      to: day(8),
    });
    expect(Object.fromEntries([...byNode].map(([k, v]) => [k.toString(), v]))).toEqual({ "1": 70n, "2": 13n });
    expect(accrued).toBe(83n);
    expect(stakeSeconds).toBe(100n * 7n * DAY + 50n * 3n * DAY);
  });
});
