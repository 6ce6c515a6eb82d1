import type { NodeStatus } from "../lib/nodes/node-list-query";

const LABELS: Record<NodeStatus, { text: string; tone: "ok" | "warning" | "breach" | "muted" }> = {
  active: { text: "active", tone: "ok" },
  decommissioned: { text: "decommissioned", tone: "warning" },
  exit_requested: { text: "exiting", tone: "warning" },
  no_heartbeat: { text: "no heartbeat", tone: "breach" },
  exited: { text: "exited", tone: "muted" },
  liquidated: { text: "liquidated", tone: "breach" },
};

export function NodeStatusBadge({ status }: { status: NodeStatus }) {
  const label = LABELS[status];
  return <span className="badge" data-status={label.tone}>{label.text}</span>;
}
