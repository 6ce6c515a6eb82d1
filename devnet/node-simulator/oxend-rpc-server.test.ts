import { parse, stringify } from "lossless-json";
import { describe, expect, it } from "vitest";
import { parseServiceNodeStates } from "../../lib/oxend/service-node-states";
import type { ServiceNodeRecord } from "../../lib/staking/service-node-ledger";
import { nodeBehaviour } from "./node-behaviour";
import { handleOxendRequest, startOxendRpcServer, type SimulatedNetwork } from "./oxend-rpc-server";
import { findFreePort } from "../port-check";

const registeredAt = new Date("2026-01-01T00:00:00Z");
const now = Math.floor(registeredAt.getTime() / 1000) + 10 * 86_400;

const node = (id: number, extra: Partial<ServiceNodeRecord> = {}): ServiceNodeRecord => ({
  id: BigInt(id),
  blsPubkey: `0x${"ab".repeat(64)}`,
  ed25519Pubkey: id.toString(16).padStart(64, "0"),
  operator: "0x00000000000000000000000000000000000000aa",
  fee: 500,
  state: "active",
  seeded: false,
  totalStaked: 25_000_000_000_000n,
  registeredBlock: 1n,
  registeredTx: "0x01",
  registeredAt,
  exitRequestedAt: null,
  exitRequestBlock: null,
  exitRequestTx: null,
  endedAt: null,
  endedBlock: null,
  endedTx: null,
  returnedAmount: null,
  contributors: [{ staker: "0x00000000000000000000000000000000000000aa", beneficiary: "0x00000000000000000000000000000000000000aa", amount: 25_000_000_000_000n }],
  ...extra,
});

const nodes = [node(1), node(2, { state: "exit_requested", exitRequestedAt: new Date(registeredAt.getTime() + 86_400_000) }), node(3)];
const network: SimulatedNetwork = {
  liveNodes: () => nodes,
  behaviourOf: (n) =>
    nodeBehaviour(n.ed25519Pubkey, ["198.51.100.1", "198.51.100.2"], n.id === 3n
      ? { index: 3, operator: "0x00000000000000000000000000000000000000aa", foundation: false, seeded: false, contributors: [], operatorStake: 0n, fee: 0, registerAt: 0, failure: { downAt: now - 3 * 86_400, liquidateAt: now + 86_400 }, profile: { ipIndex: 1, storagePort: 22020, versionUpgradeAt: now + 1 } }
      : undefined),
  now: () => ({ height: 1_000_000n, time: now }),
  stakingRequirement: 25_000_000_000_000n,
  maxContributors: 10,
};

describe("the simulated oxend JSON-RPC", () => {
  it("answers get_service_nodes in a form the explorer's own parser accepts, field for field", async () => {
    const response = await handleOxendRequest(network, JSON.stringify({ jsonrpc: "2.0", id: 7, method: "get_service_nodes", params: {} }));
    const { nodes: parsed, rejected, height } = parseServiceNodeStates(stringify(response)!);
    expect(rejected).toEqual([]);
    expect(height).toBe(1_000_000n);
    expect(parsed.map((n) => [n.pubkeyEd25519.slice(-1), n.active, n.funded])).toEqual([["1", true, true], ["2", true, true], ["3", false, true]]);
    expect(parsed[1]!.requestedUnlockHeight).toBeGreaterThan(0n);
    expect(parsed[2]).toMatchObject({ publicIp: "198.51.100.2", storagePort: 22020, serviceNodeVersion: "11.5.2", lastUptimeProof: expect.any(Number) });
    expect(parsed[2]!.lastUptimeProof!).toBeLessThanOrEqual(now - 3 * 86_400);
    expect(now - parsed[0]!.lastUptimeProof!).toBeLessThan(3_600);
  });

  it("never reports a negative height for a node that went down before its first proof", async () => {
    const neverUp = node(4, { registeredAt: new Date((now - 30) * 1000) });
    const downNetwork: SimulatedNetwork = {
      ...network,
      liveNodes: () => [neverUp],
      behaviourOf: (n) => nodeBehaviour(n.ed25519Pubkey, ["198.51.100.1"], {
        index: 4, operator: "0x00000000000000000000000000000000000000aa", foundation: false, seeded: false, contributors: [], operatorStake: 0n, fee: 0, registerAt: 0,
        failure: { downAt: now - 60, liquidateAt: now + 86_400 }, profile: { ipIndex: 0, storagePort: 22021, versionUpgradeAt: now },
      }),
      now: () => ({ height: 10n, time: now }),
    };
    const response = await handleOxendRequest(downNetwork, JSON.stringify({ method: "get_service_nodes", params: {} }));
    const parsed = parseServiceNodeStates(stringify(response)!);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.nodes[0]).toMatchObject({ active: false, lastUptimeProof: 0 });
    expect(parsed.nodes[0]!.lastRewardBlockHeight! >= 0n).toBe(true);
  });

  it("returns only the requested fields and nodes", async () => {
    const response = await handleOxendRequest(network, JSON.stringify({
      method: "get_service_nodes",
      params: { fields: { pubkey_ed25519: true, active: true }, service_node_pubkeys: [nodes[0]!.ed25519Pubkey] },
    }));
    expect((response.result as { service_node_states: unknown[] }).service_node_states).toEqual([{ pubkey_ed25519: nodes[0]!.ed25519Pubkey, active: true }]);
  });

  it("turns bad requests into JSON-RPC errors", async () => {
    expect((await handleOxendRequest(network, "{nope")).error).toEqual({ code: -32700, message: "Parse error" });
    expect((await handleOxendRequest(network, '{"method":"get_nothing"}')).error).toMatchObject({ code: -32601 });
    expect((await handleOxendRequest(network, '{"method":"get_service_nodes","params":{"fields":3}}')).error).toMatchObject({ code: -32602 });
  });

  it("serves over HTTP on 127.0.0.1 with uint64 swarm ids as exact JSON numbers", async () => {
    const server = await startOxendRpcServer(network, await findFreePort());
    try {
      const res = await fetch(server.url, { method: "POST", body: JSON.stringify({ method: "get_service_nodes", params: { fields: { pubkey_ed25519: true, swarm_id: true } } }) });
      const text = await res.text();
      const swarm = (parse(text, null, (v) => BigInt(v)) as { result: { service_node_states: { swarm_id: bigint }[] } }).result.service_node_states[0]!.swarm_id;
      expect(text).toMatch(/"swarm_id":\d+/);
      expect(swarm).toBe(nodeBehaviour(nodes[0]!.ed25519Pubkey, []).swarmId);
      expect((await fetch(server.url.replace("/json_rpc", "/other"))).status).toBe(404);
    } finally {
      await server.stop();
    }
  });
});
