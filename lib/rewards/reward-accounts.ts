import { bigintArg, evidenceOf, stringArg, type ChangeEvidence, type IndexedEvent } from "../events/indexed-event";

/** A recipient's balance in ServiceNodeRewards; mirrors the RewardAccount table. */
export interface RewardAccountRecord extends ChangeEvidence {
  recipient: string;
  /** cumulative lifetime entitlement (rewards and returned stakes) */
  credited: bigint;
  claimed: bigint;
  /** credited − claimed */
  unclaimed: bigint;
  creditCount: number;
  claimCount: number;
  lastCreditBlock: bigint | null;
  lastCreditTx: string | null;
  lastClaimBlock: bigint | null;
  lastClaimTx: string | null;
}

export class RewardLedgerInconsistencyError extends Error {
  constructor(message: string, event: IndexedEvent) {
    super(`${message} (${event.eventName} in tx ${event.txHash}, block ${event.blockNumber}): events before the indexed range are missing?`);
    this.name = "RewardLedgerInconsistencyError";
  }
}

/** ServiceNodeRewards events that change a recipient's balance. */
export const rewardAccountEventNames = new Set(["RewardsBalanceUpdated", "RewardsClaimed"]);

const emptyAccount = (recipient: string, event: IndexedEvent): RewardAccountRecord => ({
  recipient,
  credited: 0n,
  claimed: 0n,
  unclaimed: 0n,
  creditCount: 0,
  claimCount: 0,
  lastCreditBlock: null,
  lastCreditTx: null,
  lastClaimBlock: null,
  lastClaimTx: null,
  ...evidenceOf(event),
});

/** Applies one RewardsBalanceUpdated or RewardsClaimed to `accounts`; events in chain order. */
export function applyRewardEvent(accounts: Map<string, RewardAccountRecord>, event: IndexedEvent): void {
  const recipient = stringArg(event, "recipientAddress");
  const account = accounts.get(recipient) ?? emptyAccount(recipient, event);
  const amount = bigintArg(event, "amount");
  switch (event.eventName) {
    case "RewardsBalanceUpdated": {
      // `amount` is the new cumulative entitlement, not an increment; it only grows.
      if (amount < account.credited) {
        throw new RewardLedgerInconsistencyError(`${recipient}'s credited balance fell from ${account.credited} to ${amount}`, event);
      }
      accounts.set(recipient, {
        ...account,
        credited: amount,
        unclaimed: amount - account.claimed,
        creditCount: account.creditCount + 1,
        lastCreditBlock: event.blockNumber,
        lastCreditTx: event.txHash,
        ...evidenceOf(event),
      });
      return;
    }
    case "RewardsClaimed": {
      const claimed = account.claimed + amount;
      if (claimed > account.credited) {
        throw new RewardLedgerInconsistencyError(`${recipient} claimed ${claimed} of ${account.credited} credited`, event);
      }
      accounts.set(recipient, {
        ...account,
        claimed,
        unclaimed: account.credited - claimed,
        claimCount: account.claimCount + 1,
        lastClaimBlock: event.blockNumber,
        lastClaimTx: event.txHash,
        ...evidenceOf(event),
      });
      return;
    }
    default:
      throw new TypeError(`${event.eventName} does not change a reward balance`);
  }
}
