import type { DistributionRow, VersionDayRow } from "../db/distribution-queries";
import type { DailyNetworkPoint } from "../domain/daily-network-series";
import type { DisplayColumn } from "./display-column";

export function distributionColumns(keyHeader: string, labelHeader?: string): DisplayColumn<DistributionRow>[] {
  return [
    { key: "key", header: keyHeader, value: (r) => r.key },
    ...(labelHeader ? [{ key: "label", header: labelHeader, value: (r: DistributionRow) => r.label }] : []),
    { key: "nodes", header: "Nodes", value: (r) => r.nodes, numeric: true },
    { key: "stake", header: "Stake (SESH)", value: (r) => r.stake, numeric: true },
  ];
}

export const versionDayColumns: DisplayColumn<VersionDayRow>[] = [
  { key: "day", header: "Day (UTC)", value: (r) => r.day },
  { key: "version", header: "Version", value: (r) => r.version },
  { key: "nodes", header: "Nodes", value: (r) => r.nodes, numeric: true },
];

export const dailyNetworkColumns: DisplayColumn<DailyNetworkPoint>[] = [
  { key: "day", header: "Day (UTC)", value: (r) => r.day },
  { key: "nodes", header: "Nodes", value: (r) => r.nodes, numeric: true },
  { key: "staked", header: "Staked (SESH)", value: (r) => r.staked, numeric: true },
];
