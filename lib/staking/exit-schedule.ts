// When each step of leaving a node becomes possible, from ServiceNodeRewards' rules.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** initiateExitBLSPublicKey: not in a node's first two hours */
export const MIN_TIME_BEFORE_EXIT_MS = 2 * HOUR;
/** contributors under a quarter of the requirement wait until the node is 30 days old */
export const SMALL_CONTRIBUTOR_LEAVE_DELAY_MS = 30 * DAY;
/** the network signs the exit once the 15-day unlock has passed */
export const UNLOCK_PERIOD_MS = 15 * DAY;
/** anyone may complete the exit without the network's signature 30 days after the request */
export const MAX_EXIT_WAIT_MS = 30 * DAY;

export interface ExitSchedule {
  /** from when this wallet may request the exit */
  requestFrom: Date;
  /** from when the network signs the exit (null until requested) */
  signedExitFrom: Date | null;
  /** from when the exit can be completed without the network (null until requested) */
  exitAfterWaitFrom: Date | null;
  canRequest: boolean;
  canExitWithSignature: boolean;
  canExitAfterWait: boolean;
}

export function exitSchedule(
  node: { registeredAt: Date; exitRequestedAt: Date | null; state: string; stake: bigint; stakingRequirement: bigint },
  now: Date,
): ExitSchedule {
  const small = node.stake * 4n < node.stakingRequirement;
  const requestFrom = new Date(node.registeredAt.getTime() + (small ? SMALL_CONTRIBUTOR_LEAVE_DELAY_MS : MIN_TIME_BEFORE_EXIT_MS));
  const requested = node.exitRequestedAt;
  const signedExitFrom = requested ? new Date(requested.getTime() + UNLOCK_PERIOD_MS) : null;
  const exitAfterWaitFrom = requested ? new Date(requested.getTime() + MAX_EXIT_WAIT_MS) : null;
  const live = node.state === "active" || node.state === "exit_requested";
  return {
    requestFrom,
    signedExitFrom,
    exitAfterWaitFrom,
    canRequest: live && !requested && now >= requestFrom,
    canExitWithSignature: live && signedExitFrom !== null && now >= signedExitFrom,
    canExitAfterWait: live && exitAfterWaitFrom !== null && now >= exitAfterWaitFrom,
  };
}
