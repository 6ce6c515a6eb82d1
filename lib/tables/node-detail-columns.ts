import type { NodeChainEventRow, NodeContributionRow, NodeStateChangeRow, RecipientRewardsRow } from "../db/node-queries";
import type { UptimeDay } from "../domain/uptime-hours";
import type { DisplayColumn } from "./display-column";

export const nodeContributionColumns: DisplayColumn<NodeContributionRow>[] = [
  { key: "position", header: "#", value: (r) => r.position, numeric: true },
  { key: "staker", header: "Staker", value: (r) => r.staker },
  { key: "beneficiary", header: "Beneficiary", value: (r) => r.beneficiary },
  { key: "amount", header: "Stake (SESH)", value: (r) => r.amount, numeric: true },
];

export const nodeChainEventColumns: DisplayColumn<NodeChainEventRow>[] = [
  { key: "block_time", header: "Time", value: (r) => r.blockTime },
  { key: "event", header: "Event", value: (r) => r.eventName },
  { key: "initiator", header: "Sent by", value: (r) => r.initiator },
  { key: "returned_amount", header: "Returned (SESH)", value: (r) => r.returnedAmount, numeric: true },
  { key: "tx_hash", header: "Transaction", value: (r) => r.txHash },
  { key: "block_number", header: "Block", value: (r) => r.blockNumber, numeric: true },
  { key: "log_index", header: "Log", value: (r) => r.logIndex, numeric: true },
];

export const nodeStateChangeColumns: DisplayColumn<NodeStateChangeRow>[] = [
  { key: "observed_at", header: "Observed", value: (r) => r.observedAt },
  { key: "active", header: "Active", value: (r) => r.active },
  { key: "funded", header: "Funded", value: (r) => r.funded },
  { key: "version", header: "Version", value: (r) => r.version },
  { key: "public_ip", header: "IP", value: (r) => r.publicIp },
  { key: "swarm_id", header: "Swarm", value: (r) => r.swarmId },
];

export const recipientRewardsColumns: DisplayColumn<RecipientRewardsRow>[] = [
  { key: "recipient", header: "Recipient", value: (r) => r.recipient },
  { key: "credited", header: "Credited, lifetime (SESH)", value: (r) => r.credited, numeric: true },
  { key: "claimed", header: "Claimed (SESH)", value: (r) => r.claimed, numeric: true },
  { key: "last_credit_tx", header: "Last credit", value: (r) => r.lastCreditTx },
  { key: "last_credit_block", header: "Block", value: (r) => r.lastCreditBlock, numeric: true },
];

/** One row per UTC day; `hours` spells the 24 hours with u (up), d (down), p (both seen), - (not observed). */
export const uptimeDayColumns: DisplayColumn<UptimeDay>[] = [
  { key: "day", header: "Day (UTC)", value: (r) => r.day },
  { key: "up_hours", header: "Hours up", value: (r) => r.hours.filter((h) => h === "up").length, numeric: true },
  { key: "down_hours", header: "Hours down", value: (r) => r.hours.filter((h) => h === "down" || h === "partial").length, numeric: true },
  { key: "hours", header: "Hours 00-23", value: (r) => r.hours.map((h) => ({ up: "u", down: "d", partial: "p", unknown: "-" })[h]).join("") },
];
