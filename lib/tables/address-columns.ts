import type { AddressContributionRow, TokenTransferRow } from "../db/address-queries";
import type { DisplayColumn } from "./display-column";

export const addressContributionColumns: DisplayColumn<AddressContributionRow>[] = [
  { key: "node_id", header: "Node", value: (r) => r.nodeId, numeric: true },
  { key: "node_state", header: "Node state", value: (r) => r.nodeState },
  { key: "operator", header: "Operator", value: (r) => r.isOperator },
  { key: "staker", header: "Staker", value: (r) => r.staker },
  { key: "beneficiary", header: "Beneficiary", value: (r) => r.beneficiary },
  { key: "amount", header: "Stake (SESH)", value: (r) => r.amount, numeric: true },
];

export const tokenTransferColumns: DisplayColumn<TokenTransferRow>[] = [
  { key: "block_time", header: "Time", value: (r) => r.blockTime },
  { key: "from", header: "From", value: (r) => r.from },
  { key: "to", header: "To", value: (r) => r.to },
  { key: "value", header: "Amount (SESH)", value: (r) => r.value, numeric: true },
  { key: "tx_hash", header: "Transaction", value: (r) => r.txHash },
  { key: "block_number", header: "Block", value: (r) => r.blockNumber, numeric: true },
];
