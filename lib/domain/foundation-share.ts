/** The foundation's pledge: never more than 10% of the network's nodes. */
export const PLEDGE_CEILING = 0.1;
/** Where the dashboard starts warning: close to the line. */
export const PLEDGE_WARNING = 0.09;

export type PledgeStatus = "ok" | "warning" | "breach";

export interface FoundationShare {
  foundationNodes: number;
  totalNodes: number;
  /** foundationNodes / totalNodes, 0 when there are no nodes */
  share: number;
  /** most nodes the foundation may run within the pledge: floor(10% of all nodes) */
  ceilingNodes: number;
  status: PledgeStatus;
}

/**
 * The foundation's share of nodes against its 10% pledge. "Never more than 10%" means a share
 * of exactly 10% keeps the pledge; above it is a breach. From 9% the status is a warning.
 */
export function foundationShare(foundationNodes: number, totalNodes: number): FoundationShare {
  if (!Number.isInteger(foundationNodes) || !Number.isInteger(totalNodes) || foundationNodes < 0 || totalNodes < foundationNodes) {
    throw new RangeError(`foundation nodes (${foundationNodes}) must be a whole number between 0 and the total (${totalNodes})`);
  }
  const share = totalNodes === 0 ? 0 : foundationNodes / totalNodes;
  // Integer comparison, not floats: 10 × foundation vs total.
  const status: PledgeStatus =
    foundationNodes * 10 > totalNodes ? "breach" : foundationNodes * 100 >= totalNodes * 9 && totalNodes > 0 ? "warning" : "ok";
  return { foundationNodes, totalNodes, share, ceilingNodes: Math.floor(totalNodes / 10), status };
}
