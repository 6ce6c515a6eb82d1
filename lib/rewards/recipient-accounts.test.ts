import { describe, expect, it } from "vitest";
import { recipientAccounts, RewardLedgerError } from "./recipient-accounts";

describe("recipientAccounts", () => {
  it("separates rewards from returned stakes and leaves credited − claimed unclaimed", () => {
    const accounts = recipientAccounts(
      [
        { recipient: "a", amount: 100n, previousBalance: 0n, kind: "reward" },
        { recipient: "b", amount: 40n, previousBalance: 0n, kind: "reward" },
        { recipient: "a", amount: 25_100n, previousBalance: 100n, kind: "stake_return" },
        { recipient: "a", amount: 25_160n, previousBalance: 25_100n, kind: "reward" },
      ],
      [{ recipient: "a", amount: 25_000n }, { recipient: "b", amount: 40n }, { recipient: "a", amount: 60n }],
    );
    expect(accounts).toEqual([
      { recipient: "a", credited: 25_160n, rewards: 160n, returnedStakes: 25_000n, claimed: 25_060n, unclaimed: 100n },
      { recipient: "b", credited: 40n, rewards: 40n, returnedStakes: 0n, claimed: 40n, unclaimed: 0n },
    ]);
  });

  it("reports a broken chain of balances (a missing event) instead of guessing", () => {
    expect(() =>
      recipientAccounts(
        [
          { recipient: "a", amount: 100n, previousBalance: 0n, kind: "reward" },
          { recipient: "a", amount: 300n, previousBalance: 200n, kind: "reward" },
        ],
        [],
      ),
    ).toThrow(RewardLedgerError);
  });

  it("reports claims above the credited balance", () => {
    expect(() => recipientAccounts([{ recipient: "a", amount: 10n, previousBalance: 0n, kind: "reward" }], [{ recipient: "a", amount: 11n }])).toThrow(/more than/);
  });
});
