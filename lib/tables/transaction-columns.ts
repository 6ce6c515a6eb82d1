import type { TransactionEventRow } from "../db/transaction-queries";
import type { DisplayColumn } from "./display-column";

export const transactionEventColumns: DisplayColumn<TransactionEventRow>[] = [
  { key: "log_index", header: "Log", value: (r) => r.logIndex, numeric: true },
  { key: "contract", header: "Contract", value: (r) => r.contract },
  { key: "address", header: "Address", value: (r) => r.address },
  { key: "event", header: "Event", value: (r) => r.eventName },
  { key: "args", header: "Arguments", value: (r) => JSON.stringify(r.args) },
];
