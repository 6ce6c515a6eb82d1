import { describe, expect, it } from "vitest";
import type { PledgeTransitionRow, SeshFlowRow } from "../db/governance-queries";
import { toCsv } from "../export/tabular-data";
import { buildAttribution } from "./entity-attribution";
import { breachPeriods } from "./pledge-series";
import { flowTotals, reportColumns, transparencyReport } from "./transparency-report";

const F = "0x00000000000000000000000000000000000000f1";
const flow = (category: SeshFlowRow["category"], amount: bigint, block: number): SeshFlowRow => ({
  category, address: F, counterparty: "0x2", amount, block: BigInt(block), tx: `0xt${block}`, time: new Date(block * 1000),
});
const transition = (block: number, from: PledgeTransitionRow["from"], to: PledgeTransitionRow["to"], foundationNodes: number, totalNodes: number): PledgeTransitionRow => ({
  block: BigInt(block), time: new Date(Date.UTC(2026, 0, block)), from, to, foundationNodes, totalNodes,
  changes: [{ nodeId: "1", kind: to === "breach" ? "registration" : "exit", tx: `0xc${block}`, block: String(block), time: "", operator: F, entityId: "foundation", foundation: true }],
});

describe("flowTotals", () => {
  it("adds each category and derives the balance", () => {
    expect(flowTotals([flow("received", 1_000n, 1), flow("staked", 600n, 2), flow("claimed", 50n, 3), flow("sent", 100n, 4), flow("received", 10n, 5)])).toEqual({
      received: 1_010n, staked: 600n, claimed: 50n, sent: 100n, balance: 360n,
    });
  });
});

describe("transparencyReport", () => {
  it("gives every figure with its evidence", () => {
    const transitions = [transition(2, "warning", "breach", 3, 20), transition(9, "breach", "ok", 2, 25)];
    const report = transparencyReport({
      live: { foundationNodes: 2, totalNodes: 25, share: 0.08, ceilingNodes: 2, status: "ok", contributedNodes: 1, foundationStake: 75n, totalStake: 2_500n, lastBlock: 99n, lastBlockTime: new Date(0) },
      attribution: buildAttribution([F], { chainId: 1, description: "", entities: [] }),
      periods: breachPeriods(transitions, []),
      nodes: [{ id: 7n, operator: F, state: "active", totalStaked: 25n, foundationStake: 25n, role: "operator", registeredBlock: 5n, registeredTx: "0xreg", registeredAt: new Date(0) }],
      flows: [flow("received", 100n, 1), flow("staked", 25n, 5)],
    });
    expect(report.find((r) => r.figure === "foundation share of nodes")).toMatchObject({ value: "8.0000%", block: 99n });
    expect(report.filter((r) => r.section === "breach").map((r) => [r.block, r.tx])).toEqual([[2n, "0xc2"], [9n, "0xc9"]]);
    expect(report.find((r) => r.section === "node")).toMatchObject({ block: 5n, tx: "0xreg" });
    expect(report.find((r) => r.section === "attribution")!.source).toBe("FOUNDATION_ADDRESSES configuration");
    expect(report.find((r) => r.figure.startsWith("SESH held"))).toMatchObject({ value: "75", tx: "0xt5" });
    expect(toCsv(reportColumns, report).split("\r\n")[0]).toBe("section,figure,value,as_of,block,tx,source");
  });
});
