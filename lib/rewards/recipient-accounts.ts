/** A `RewardsBalanceUpdated(recipient, amount, previousBalance)`: `amount` is the new cumulative balance. */
export interface BalanceUpdate {
  recipient: string;
  amount: bigint;
  previousBalance: bigint;
  /**
   * "stake_return" when the same transaction exited or liquidated a node (the contract credits
   * returned stakes through the reward balance), otherwise "reward" (a network-signed update).
   */
  kind: "reward" | "stake_return";
}

export interface Claim {
  recipient: string;
  amount: bigint;
}

export interface RecipientAccount {
  recipient: string;
  /** cumulative balance the contract credited: the last `amount` of RewardsBalanceUpdated */
  credited: bigint;
  /** the part of `credited` that was rewards */
  rewards: bigint;
  /** the part of `credited` that was stakes returned on exit or liquidation */
  returnedStakes: bigint;
  claimed: bigint;
  /** credited − claimed: what the recipient may still claim */
  unclaimed: bigint;
}

export class RewardLedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RewardLedgerError";
  }
}

/**
 * Each recipient's account from the contract's events, in chain order. The events chain
 * (each previousBalance is the last amount) and claims never exceed credits; a break in
 * either means missing or reordered events, which is reported rather than papered over.
 */
export function recipientAccounts(updates: BalanceUpdate[], claims: Claim[]): RecipientAccount[] {
  const accounts = new Map<string, RecipientAccount>();
  const account = (recipient: string) => {
    let a = accounts.get(recipient);
    if (!a) {
      a = { recipient, credited: 0n, rewards: 0n, returnedStakes: 0n, claimed: 0n, unclaimed: 0n };
      accounts.set(recipient, a);
    }
    return a;
  };
  for (const u of updates) {
    const a = account(u.recipient);
    if (u.previousBalance !== a.credited) {
      throw new RewardLedgerError(`${u.recipient}: balance update from ${u.previousBalance} but the last credited balance was ${a.credited}`);
    }
    if (u.amount < u.previousBalance) throw new RewardLedgerError(`${u.recipient}: balance went down from ${u.previousBalance} to ${u.amount}`);
    const delta = u.amount - u.previousBalance;
    if (u.kind === "reward") a.rewards += delta;
    else a.returnedStakes += delta;
    a.credited = u.amount;
  }
  for (const c of claims) account(c.recipient).claimed += c.amount;
  for (const a of accounts.values()) {
    a.unclaimed = a.credited - a.claimed;
    if (a.unclaimed < 0n) throw new RewardLedgerError(`${a.recipient}: claimed ${a.claimed}, more than the ${a.credited} credited`);
  }
  return [...accounts.values()];
}
