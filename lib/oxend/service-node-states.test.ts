import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OxendResponseError, parseServiceNodeStates } from "./service-node-states";

const sample = readFileSync(
  path.resolve(import.meta.dirname, "fixtures/get_service_nodes.active_only.mainnet.2026-01-22.json"),
  "utf8",
);

const fullNode = {
  service_node_pubkey: "aa".repeat(32),
  pubkey_ed25519: "aa".repeat(32),
  pubkey_bls: "bb".repeat(64),
  operator_address: "0x00000000000000000000000000000000000000AB",
  operator_fee: 500,
  contributors: [
    { address: "0x00000000000000000000000000000000000000AB", amount: 25000000000000, reserved: 25000000000000, locked_contributions: [] },
  ],
  total_contributed: 25000000000000,
  staking_requirement: 25000000000000,
  active: true,
  funded: true,
  state_height: 1000,
  requested_unlock_height: 0,
  earned_downtime_blocks: 60,
  last_uptime_proof: 1769040000,
  service_node_version: [11, 5, 1],
  swarm_id: 123456,
  public_ip: "203.0.113.7",
  storage_port: 22021,
};

describe("parseServiceNodeStates", () => {
  it("reads the real mainnet sample: 1,511 active nodes with five fields each", () => {
    const result = parseServiceNodeStates(sample);
    expect(result.rejected).toEqual([]);
    expect(result.nodes).toHaveLength(1511);
    // session-facts.md says 1,033 distinct IPs and 38 nodes on one; the file itself holds 948 and 34.
    const perIp = new Map<string, number>();
    for (const n of result.nodes) perIp.set(n.publicIp!, (perIp.get(n.publicIp!) ?? 0) + 1);
    expect(perIp.size).toBe(948);
    expect(Math.max(...perIp.values())).toBe(34);
    expect(result.nodes[0]).toEqual({
      pubkeyEd25519: "c360920dd86e8ddae3ddb0dac4ec702b72c9e28516a9653025265ad7de171a41",
      pubkeyX25519: "443dcbf2ed6a6b64daad3721e6f50e10a378193dfed1f8e8b5b5b19c8af59d54",
      publicIp: "209.222.98.114",
      storagePort: 22104,
      requestedUnlockHeight: 0n,
    });
  });

  it("keeps uint64 swarm ids exact and maps every field", () => {
    const body = `{"jsonrpc":"2.0","id":0,"result":{"height":12345,"service_node_states":[${JSON.stringify(fullNode).replace(
      '"swarm_id":123456',
      '"swarm_id":18446744073709551615',
    )}]}}`;
    const { nodes, height } = parseServiceNodeStates(body);
    expect(height).toBe(12345n);
    expect(nodes[0]).toMatchObject({
      swarmId: "18446744073709551615",
      operatorAddress: "0x00000000000000000000000000000000000000ab",
      serviceNodeVersion: "11.5.1",
      stakingRequirement: 25_000_000_000_000n,
      contributors: [{ address: "0x00000000000000000000000000000000000000ab", amount: 25_000_000_000_000n, reserved: 25_000_000_000_000n }],
      lastUptimeProof: 1769040000,
    });
  });

  it("rejects bad entries one by one and keeps the good ones", () => {
    const states = [
      fullNode,
      { ...fullNode, pubkey_ed25519: "zz" },
      { ...fullNode, pubkey_ed25519: "cc".repeat(32), public_ip: "999.1.1.1" },
      { ...fullNode, pubkey_ed25519: "dd".repeat(32), service_node_version: [11, 5] },
      fullNode,
      "garbage",
    ];
    const result = parseServiceNodeStates(JSON.stringify({ result: { height: 5, service_node_states: states } }));
    expect(result.nodes.map((n) => n.pubkeyEd25519)).toEqual(["aa".repeat(32)]);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(result.rejected[1]!.reason).toMatch(/^public_ip/);
    expect(result.rejected[3]!.reason).toMatch(/duplicate/);
  });

  it("throws a typed error for responses it cannot use at all", () => {
    expect(() => parseServiceNodeStates("<html>502</html>")).toThrow(OxendResponseError);
    expect(() => parseServiceNodeStates('{"error":{"code":-32601,"message":"Method not found"}}')).toThrow(/Method not found/);
    expect(() => parseServiceNodeStates('{"result":{"height":1}}')).toThrow(/service_node_states/);
    expect(() => parseServiceNodeStates('{"result":{"service_node_states":[]}}')).toThrow(/height/);
  });
});
