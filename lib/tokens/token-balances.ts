import { bigintArg, evidenceOf, stringArg, type ChangeEvidence, type IndexedEvent } from "../events/indexed-event";

/** Mints come from and burns go to this address; it holds nothing. */
export const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

/** One holder's SESH balance; mirrors the TokenBalance table. */
export interface TokenBalanceRecord extends ChangeEvidence {
  holder: string;
  balance: bigint;
  transferCount: number;
}

export class TokenBalanceUnderflowError extends Error {
  constructor(holder: string, balance: bigint, event: IndexedEvent) {
    super(
      `${holder} would hold ${balance} SESH units after tx ${event.txHash} (block ${event.blockNumber}): ` +
        "transfers before the indexed range are missing; START_BLOCK must not be after the token's deployment",
    );
    this.name = "TokenBalanceUnderflowError";
  }
}

/** The holders a batch of SESH Transfer events changes (the zero address excluded). */
export function holdersInTransfers(events: IndexedEvent[]): Set<string> {
  const holders = new Set<string>();
  for (const e of events) {
    if (e.eventName !== "Transfer") continue;
    holders.add(stringArg(e, "from"));
    holders.add(stringArg(e, "to"));
  }
  holders.delete(ZERO_ADDRESS);
  return holders;
}

/**
 * Applies one SESH Transfer to `balances` (holders missing from the map hold nothing yet).
 * Only holders `isTracked` accepts are changed: a rebuild of some holders replays transfers
 * that also touch others, whose history it does not have.
 */
export function applyTransfer(
  balances: Map<string, TokenBalanceRecord>,
  event: IndexedEvent,
  isTracked: (holder: string) => boolean = () => true,
): void {
  if (event.eventName !== "Transfer") throw new TypeError(`${event.eventName} is not a Transfer`);
  const from = stringArg(event, "from");
  const to = stringArg(event, "to");
  const value = bigintArg(event, "value");
  if (from === to) {
    changeBalance(balances, from, 0n, event, isTracked);
    return;
  }
  changeBalance(balances, from, -value, event, isTracked);
  changeBalance(balances, to, value, event, isTracked);
}

/** A backfill applies a million transfers: a holder's record is updated in place, not copied. */
function changeBalance(balances: Map<string, TokenBalanceRecord>, holder: string, delta: bigint, event: IndexedEvent, isTracked: (holder: string) => boolean): void {
  if (holder === ZERO_ADDRESS || !isTracked(holder)) return;
  const current = balances.get(holder);
  const balance = (current?.balance ?? 0n) + delta;
  if (balance < 0n) throw new TokenBalanceUnderflowError(holder, balance, event);
  if (!current) {
    balances.set(holder, { holder, balance, transferCount: 1, ...evidenceOf(event) });
    return;
  }
  current.balance = balance;
  current.transferCount += 1;
  current.updatedBlock = event.blockNumber;
  current.updatedTx = event.txHash;
  current.updatedAt = event.blockTime;
}
