import { describe, expect, it } from "vitest";
import { toJsonRows } from "../export/tabular-data";
import { walletNodeColumns } from "../export/wallet-node-columns";
import type { WalletNode } from "../db/wallet-nodes-queries";
import { walletNodesResponseSchema } from "./staking-api-responses";

const node: WalletNode = {
  id: 12n,
  ed25519Pubkey: "ab".repeat(32),
  blsPubkey: `0x${"cd".repeat(64)}`,
  operator: "0x00000000000000000000000000000000000000aa",
  fee: 0,
  state: "active",
  isOperator: true,
  stake: 25_000_000_000_000_000n,
  totalStaked: 25_000_000_000_000_000n,
  registeredAt: new Date("2026-03-01T00:00:00Z"),
  registeredTx: `0x${"01".repeat(32)}`,
  exitRequestedAt: null,
  endedAt: null,
  active: true,
  lastUptimeProof: null,
  uptime30d: 0.5,
};

describe("walletNodesResponseSchema", () => {
  it("reads back exactly what the route's column list wrote, amounts to the unit", () => {
    const json = JSON.parse(JSON.stringify({ rows: toJsonRows(walletNodeColumns, [node]) }));
    const [row] = walletNodesResponseSchema.parse(json).rows;
    expect(row).toMatchObject({ nodeId: 12n, stake: 25_000_000_000_000_000n, role: "operator", uptime30d: 0.5, registeredAt: node.registeredAt, exitRequestedAt: null });
  });

  it("refuses a row whose state it does not know", () => {
    const json = JSON.parse(JSON.stringify({ rows: toJsonRows(walletNodeColumns, [{ ...node, state: "weird" }]) }));
    expect(walletNodesResponseSchema.safeParse(json).success).toBe(false);
  });
});
