import { describe, expect, it } from "vitest";
import { minimumContribution, parseReservedContributors } from "./contribution-terms";

const SESH = 1_000_000_000n;
const requirement = 25_000n * SESH;
const operator = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;

describe("minimumContribution", () => {
  it("spreads the open stake over the open slots, as the contract does", () => {
    // operator staked 6,250; 9 slots left: 18,750 / 9 = 2,083.333333333
    expect(minimumContribution({ stakingRequirement: requirement, contributed: 6_250n * SESH, reservedOutstanding: 0n, contributors: 1, reservedOutstandingCount: 0, maxContributors: 10 })).toBe(2_083_333_333_333n);
    // a reserved 5,000 not yet paid takes its slot and its amount
    expect(minimumContribution({ stakingRequirement: requirement, contributed: 6_250n * SESH, reservedOutstanding: 5_000n * SESH, contributors: 1, reservedOutstandingCount: 1, maxContributors: 10 })).toBe(1_718_750_000_000n);
  });

  it("has no minimum when no slot is left, and nothing to ask when the node is full", () => {
    expect(minimumContribution({ stakingRequirement: requirement, contributed: 20_000n * SESH, reservedOutstanding: 0n, contributors: 10, reservedOutstandingCount: 0, maxContributors: 10 })).toBeNull();
    expect(minimumContribution({ stakingRequirement: requirement, contributed: requirement, reservedOutstanding: 0n, contributors: 2, reservedOutstandingCount: 0, maxContributors: 10 })).toBe(0n);
  });
});

describe("parseReservedContributors", () => {
  const opts = { operator, operatorStake: 6_250n * SESH, stakingRequirement: requirement, maxContributors: 10 };

  it("puts the operator first, then each line's address and amount", () => {
    expect(parseReservedContributors("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC 5,000\n", opts)).toEqual({
      ok: true,
      reserved: [{ addr: operator, amount: 6_250n * SESH }, { addr: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", amount: 5_000n * SESH }],
    });
    expect(parseReservedContributors("", opts)).toEqual({ ok: true, reserved: [{ addr: operator, amount: 6_250n * SESH }] });
  });

  it("names every problem: bad address, bad amount, duplicate, operator too small, over the requirement", () => {
    const result = parseReservedContributors(`0x12 5\n${operator} 10\n0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC 20000.5`, { ...opts, operatorStake: 6_000n * SESH });
    expect(result).toEqual({
      ok: false,
      errors: [
        'Line 1: "0x12" is not a 0x address.',
        `Line 2: ${operator} is listed twice (or is the operator).`,
        "The operator must stake at least a quarter of the requirement: 6,250 SESH.",
        "Reserved stakes add up to 26,010 SESH, more than the 25,000 SESH a node needs.",
      ],
    });
  });
});
