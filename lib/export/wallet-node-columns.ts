import type { WalletNode } from "../db/wallet-nodes-queries";
import type { Column } from "./tabular-data";

/** The columns of the My nodes table: the page, the CSV and the JSON all come from this list. */
export const walletNodeColumns: Column<WalletNode>[] = [
  { key: "nodeId", value: (n) => n.id },
  { key: "ed25519Pubkey", value: (n) => n.ed25519Pubkey },
  { key: "blsPubkey", value: (n) => n.blsPubkey },
  { key: "role", value: (n) => (n.isOperator ? "operator" : "contributor") },
  { key: "state", value: (n) => n.state },
  { key: "active", value: (n) => n.active },
  { key: "uptime30d", value: (n) => (n.uptime30d === null ? null : Math.round(n.uptime30d * 1000) / 1000) },
  { key: "lastUptimeProof", value: (n) => n.lastUptimeProof },
  { key: "stake", value: (n) => n.stake },
  { key: "totalStaked", value: (n) => n.totalStaked },
  { key: "operator", value: (n) => n.operator },
  { key: "feeBasisPoints", value: (n) => n.fee },
  { key: "registeredAt", value: (n) => n.registeredAt },
  { key: "registeredTx", value: (n) => n.registeredTx },
  { key: "exitRequestedAt", value: (n) => n.exitRequestedAt },
  { key: "endedAt", value: (n) => n.endedAt },
];
