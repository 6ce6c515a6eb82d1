import { describe, expect, it } from "vitest";
import { summariseOperators, type OperatorNode } from "./operator-summary";

const node = (over: Partial<OperatorNode>): OperatorNode => ({
  operator: "0xa",
  state: "active",
  totalStaked: 25_000n,
  contributors: [{ staker: "0xa", amount: 25_000n }],
  registeredBlock: 10n,
  registeredTx: "0x10",
  exitRequestBlock: null,
  exitRequestTx: null,
  endedBlock: null,
  endedTx: null,
  ...over,
});

describe("summariseOperators", () => {
  it("counts nodes by state and sums stake over live nodes only", () => {
    const [a] = summariseOperators(
      [
        node({}),
        node({ state: "exit_requested", contributors: [{ staker: "0xa", amount: 5_000n }, { staker: "0xc", amount: 20_000n }], exitRequestBlock: 20n, exitRequestTx: "0x20" }),
        node({ state: "exited", exitRequestBlock: 12n, exitRequestTx: "0x12", endedBlock: 15n, endedTx: "0x15" }),
        node({ state: "liquidated", endedBlock: 18n, endedTx: "0x18" }),
      ],
      [],
    );
    expect(a).toEqual({
      address: "0xa",
      awaitingContributors: 0,
      activeNodes: 1,
      exitRequestedNodes: 1,
      exitedNodes: 1,
      liquidatedNodes: 1,
      stakedInLiveNodes: 50_000n,
      ownStakeInLiveNodes: 30_000n,
      updatedBlock: 20n,
      updatedTx: "0x20",
    });
  });

  it("counts unfinalized contracts as awaiting contributors, and takes their updates as changes", () => {
    const summaries = summariseOperators(
      [node({ operator: "0xa" })],
      [
        { operator: "0xa", status: "open", updatedBlock: 30n, updatedTx: "0x30" },
        { operator: "0xa", status: "finalized", updatedBlock: 11n, updatedTx: "0x11" },
        { operator: "0xb", status: "awaiting_operator", updatedBlock: 5n, updatedTx: "0x05" },
      ],
    );
    expect(summaries.map((s) => [s.address, s.awaitingContributors, s.activeNodes, s.updatedBlock])).toEqual([
      ["0xa", 1, 1, 30n],
      ["0xb", 1, 0, 5n],
    ]);
  });

  it("breaks a tie within a block by the greater transaction hash, whatever the order given", () => {
    const rows = [node({ registeredTx: "0xbb" }), node({ registeredTx: "0xcc" }), node({ registeredTx: "0xaa" })];
    expect(summariseOperators(rows, [])[0]!.updatedTx).toBe("0xcc");
    expect(summariseOperators(rows.reverse(), [])[0]!.updatedTx).toBe("0xcc");
  });

  it("has no row for an operator without nodes or contracts", () => {
    expect(summariseOperators([], [])).toEqual([]);
  });
});
