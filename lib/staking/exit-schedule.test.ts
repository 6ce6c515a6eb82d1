import { describe, expect, it } from "vitest";
import { exitSchedule } from "./exit-schedule";

const registeredAt = new Date("2026-03-01T00:00:00Z");
const requirement = 25_000_000_000_000n;
const at = (iso: string) => new Date(iso);

describe("exitSchedule", () => {
  it("lets an operator request an exit two hours after registration, not before", () => {
    const node = { registeredAt, exitRequestedAt: null, state: "active", stake: requirement, stakingRequirement: requirement };
    expect(exitSchedule(node, at("2026-03-01T01:59:59Z"))).toMatchObject({ requestFrom: at("2026-03-01T02:00:00Z"), canRequest: false, signedExitFrom: null });
    expect(exitSchedule(node, at("2026-03-01T02:00:00Z")).canRequest).toBe(true);
  });

  it("makes a contributor under 25% wait until the node is 30 days old", () => {
    const node = { registeredAt, exitRequestedAt: null, state: "active", stake: requirement / 4n - 1n, stakingRequirement: requirement };
    expect(exitSchedule(node, at("2026-03-30T00:00:00Z")).canRequest).toBe(false);
    expect(exitSchedule(node, at("2026-03-31T00:00:00Z"))).toMatchObject({ requestFrom: at("2026-03-31T00:00:00Z"), canRequest: true });
    // exactly a quarter is not small
    expect(exitSchedule({ ...node, stake: requirement / 4n }, at("2026-03-01T02:00:00Z")).canRequest).toBe(true);
  });

  it("dates the signed exit 15 days and the unsigned one 30 days after the request", () => {
    const node = { registeredAt, exitRequestedAt: at("2026-04-01T12:00:00Z"), state: "exit_requested", stake: requirement, stakingRequirement: requirement };
    expect(exitSchedule(node, at("2026-04-16T11:59:59Z"))).toMatchObject({
      canRequest: false,
      signedExitFrom: at("2026-04-16T12:00:00Z"),
      exitAfterWaitFrom: at("2026-05-01T12:00:00Z"),
      canExitWithSignature: false,
      canExitAfterWait: false,
    });
    expect(exitSchedule(node, at("2026-04-16T12:00:00Z"))).toMatchObject({ canExitWithSignature: true, canExitAfterWait: false });
    expect(exitSchedule(node, at("2026-05-01T12:00:00Z"))).toMatchObject({ canExitWithSignature: true, canExitAfterWait: true });
  });

  it("offers nothing for a node that has left", () => {
    const node = { registeredAt, exitRequestedAt: at("2026-04-01T12:00:00Z"), state: "exited", stake: requirement, stakingRequirement: requirement };
    expect(exitSchedule(node, at("2026-06-01T00:00:00Z"))).toMatchObject({ canRequest: false, canExitWithSignature: false, canExitAfterWait: false });
  });
});
