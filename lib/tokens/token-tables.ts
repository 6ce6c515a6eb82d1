import type { DisplayColumn } from "../export/display-column";
import type { CategoryPosition, FoundationTransferRow, HolderRow, SupplySeriesRow, TokenSupply, VestingContractRow } from "../db/token-queries";
import { sharePpm } from "../rewards/annualised-yield";
import type { ProjectedPayout } from "./pool-projection";
import type { UnlockPoint } from "./unlock-schedule";

/** The tables of /tokens: one column list each drives the page and its CSV/JSON download. */
export const TOKEN_TABLES = ["supply", "categories", "foundation", "unlocks", "vesting", "circulating", "projection", "holders"] as const;
export type TokenTable = (typeof TOKEN_TABLES)[number];

export interface SupplyRow {
  figure: string;
  amount: bigint;
  /** share of the total supply in ppm */
  shareOfSupplyPpm: bigint | null;
}

export function supplyRows(s: TokenSupply): SupplyRow[] {
  const row = (figure: string, amount: bigint) => ({ figure, amount, shareOfSupplyPpm: sharePpm(amount, s.totalSupply) });
  return [
    row("Total supply (minted − burned)", s.totalSupply),
    row("Circulating: total − reward pool − locked genesis tranches", s.circulating),
    row("Locked by genesis lockups (A, B, D, F) now", s.locked),
    row("Staking reward pool (RewardRatePool)", s.poolBalance),
    row("Staked in live nodes", s.staked),
    row("Held by ServiceNodeRewards (stakes, unclaimed and uncredited rewards)", s.rewardsContractBalance),
    row("Held by vesting contracts", s.vestingBalance),
  ];
}

export const supplyColumns: DisplayColumn<SupplyRow>[] = [
  { key: "figure", header: "Figure", kind: "text", value: (r) => r.figure },
  { key: "amount", header: "SESH", kind: "sesh", value: (r) => r.amount },
  { key: "share_of_supply_ppm", header: "Share of supply", kind: "ppm", value: (r) => r.shareOfSupplyPpm },
];

export const categoryColumns: DisplayColumn<CategoryPosition>[] = [
  { key: "category", header: "Category", kind: "text", value: (r) => r.name },
  { key: "lockups", header: "Lockups (SESH)", kind: "text", value: (r) => r.lockups },
  { key: "allocation", header: "Genesis", kind: "sesh", value: (r) => r.allocation },
  { key: "wallet", header: "Genesis wallet", kind: "address", value: (r) => r.wallet },
  { key: "held", header: "Held now", kind: "sesh", value: (r) => r.held },
  { key: "staked_now", header: "Staked now", kind: "sesh", value: (r) => r.stakedNow },
  { key: "sent_to_vesting", header: "To vesting", kind: "sesh", value: (r) => r.sentToVesting },
  { key: "in_vesting_now", header: "In vesting now", kind: "sesh", value: (r) => r.inVestingNow },
  { key: "released_from_vesting", header: "Vesting released", kind: "sesh", value: (r) => r.releasedFromVesting },
  { key: "sent_to_staking", header: "Sent as stakes", kind: "sesh", value: (r) => r.sentToStaking },
  { key: "released_by_pool", header: "Released by the pool", kind: "sesh", value: (r) => r.releasedByPool },
  { key: "transferred_on", header: "Transferred on", kind: "sesh", value: (r) => r.transferredOn },
  { key: "received_back", header: "Received back", kind: "sesh", value: (r) => r.receivedBack },
  { key: "mint_tx", header: "Mint", kind: "tx", value: (r) => r.mintTx },
];

export const foundationColumns: DisplayColumn<FoundationTransferRow>[] = [
  { key: "recipient", header: "Sent to", kind: "address", value: (r) => r.recipient },
  { key: "sent", header: "SESH sent", kind: "sesh", value: (r) => r.sent },
  { key: "transfers", header: "Transfers", kind: "count", value: (r) => r.transfers },
  { key: "is_foundation_operator", header: "Configured foundation operator", kind: "flag", value: (r) => r.isFoundationOperator },
  { key: "live_nodes_operated", header: "Live nodes it operates", kind: "count", value: (r) => r.liveNodesOperated },
  { key: "staked_now", header: "Its stake now", kind: "sesh", value: (r) => r.stakedNow },
  { key: "balance_now", header: "Its balance now", kind: "sesh", value: (r) => r.balanceNow },
  { key: "first_tx", header: "First transfer", kind: "tx", value: (r) => r.firstTx },
];

export const unlockColumns: DisplayColumn<UnlockPoint>[] = [
  { key: "label", header: "After genesis", kind: "text", value: (r) => r.label },
  { key: "at", header: "Date (UTC)", kind: "date", value: (r) => r.at },
  { key: "unlocked_a", header: "A", kind: "sesh", value: (r) => r.byLockup.A },
  { key: "unlocked_b", header: "B", kind: "sesh", value: (r) => r.byLockup.B },
  { key: "unlocked_c", header: "C", kind: "sesh", value: (r) => r.byLockup.C },
  { key: "unlocked_d", header: "D", kind: "sesh", value: (r) => r.byLockup.D },
  { key: "unlocked_f", header: "F", kind: "sesh", value: (r) => r.byLockup.F },
  { key: "unlocked_total", header: "Unlocked in total", kind: "sesh", value: (r) => r.total },
];

export const vestingColumns: DisplayColumn<VestingContractRow>[] = [
  { key: "address", header: "Vesting contract", kind: "address", value: (r) => r.address },
  { key: "category", header: "Funded from", kind: "text", value: (r) => r.category },
  { key: "lockup", header: "Lockup", kind: "text", value: (r) => r.lockup },
  { key: "unlock_at", header: "Unlocks (UTC)", kind: "date", value: (r) => r.unlockAt },
  { key: "received", header: "Received", kind: "sesh", value: (r) => r.received },
  { key: "balance", header: "Holds now", kind: "sesh", value: (r) => r.balance },
  { key: "staked_now", header: "Staked now", kind: "sesh", value: (r) => r.stakedNow },
  { key: "released", header: "Released to beneficiary", kind: "sesh", value: (r) => r.released },
  { key: "funded_tx", header: "Funding", kind: "tx", value: (r) => r.fundedTx },
];

export const circulatingColumns: DisplayColumn<SupplySeriesRow>[] = [
  { key: "bucket_start", header: "Period from (UTC)", kind: "date", value: (r) => r.bucketStart },
  { key: "total_supply", header: "Total supply", kind: "sesh", value: (r) => r.totalSupply },
  { key: "circulating", header: "Circulating", kind: "sesh", value: (r) => r.circulating },
  { key: "staked", header: "Staked", kind: "sesh", value: (r) => r.staked },
  { key: "pool_balance", header: "Reward pool", kind: "sesh", value: (r) => r.poolBalance },
  { key: "locked", header: "Locked tranches", kind: "sesh", value: (r) => r.locked },
];

export const projectionColumns: DisplayColumn<ProjectedPayout>[] = [
  { key: "at", header: "Payout (UTC)", kind: "date", value: (r) => r.at },
  { key: "release", header: "Released", kind: "sesh", value: (r) => r.release },
  { key: "cumulative", header: "Released from now", kind: "sesh", value: (r) => r.cumulative },
  { key: "balance_after", header: "Pool balance after", kind: "sesh", value: (r) => r.balanceAfter },
];

export const holderColumns: DisplayColumn<HolderRow>[] = [
  { key: "holder", header: "Holder", kind: "address", value: (r) => r.holder },
  { key: "label", header: "What it is", kind: "text", value: (r) => r.label },
  { key: "balance", header: "SESH", kind: "sesh", value: (r) => r.balance },
  { key: "updated_tx", header: "Last transfer", kind: "tx", value: (r) => r.updatedTx },
  { key: "updated_block", header: "Block", kind: "block", value: (r) => r.updatedBlock },
];
