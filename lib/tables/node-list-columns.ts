import type { NodeListRow } from "../db/node-list-queries";
import type { DisplayColumn } from "./display-column";

/** The /nodes table and its download. Stakes are SESH atomic units (9 decimals) in downloads. */
export const nodeListColumns: DisplayColumn<NodeListRow>[] = [
  { key: "id", header: "Node", value: (r) => r.id, numeric: true },
  { key: "status", header: "Status", value: (r) => r.status },
  { key: "operator", header: "Operator", value: (r) => r.operator },
  { key: "foundation", header: "Foundation", value: (r) => r.foundation },
  { key: "total_staked", header: "Stake (SESH)", value: (r) => r.totalStaked, numeric: true },
  { key: "contributors", header: "Contributors", value: (r) => r.contributorCount, numeric: true },
  { key: "fee_bps", header: "Fee", value: (r) => r.feeBasisPoints, numeric: true },
  { key: "country", header: "Country", value: (r) => r.country },
  { key: "asn", header: "AS", value: (r) => r.asn },
  { key: "provider", header: "Provider", value: (r) => r.provider },
  { key: "version", header: "Version", value: (r) => r.version },
  { key: "public_ip", header: "IP", value: (r) => r.publicIp },
  { key: "swarm_id", header: "Swarm", value: (r) => r.swarmId },
  { key: "last_uptime_proof", header: "Last proof", value: (r) => r.lastUptimeProof },
  { key: "registered_at", header: "Registered", value: (r) => r.registeredAt },
  { key: "ed25519_pubkey", header: "ed25519 key", value: (r) => r.ed25519Pubkey },
  { key: "bls_pubkey", header: "BLS key", value: (r) => r.blsPubkey },
];
