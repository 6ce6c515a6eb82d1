import { createServer, type Server } from "node:http";
import { stringify as stringifyLossless } from "lossless-json";
import { z } from "zod";
import type { ContributionContractRecord } from "../../lib/staking/contribution-ledger";
import type { ServiceNodeRecord } from "../../lib/staking/service-node-ledger";
import { assertPortFree } from "../port-check";
import { OXEND_BLOCK_SECONDS, type NodeBehaviour } from "./node-behaviour";

export interface SimulatedNetwork {
  /** nodes registered on chain and not yet removed */
  liveNodes(): ServiceNodeRecord[];
  /** contribution contracts with a stake in, not finalized: listed as not yet funded */
  awaitingContracts?(): ContributionContractRecord[];
  behaviourOf(node: ServiceNodeRecord): NodeBehaviour;
  /** the simulated Session chain's height and time */
  now(): { height: bigint; time: number };
  stakingRequirement: bigint;
  maxContributors: number;
  /** extra methods (BLS signatures) the network answers */
  extraMethods?: Record<string, (params: unknown) => Promise<unknown> | unknown>;
}

export class RpcError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

const getServiceNodesParams = z
  .object({
    fields: z.record(z.string(), z.boolean()).optional(),
    service_node_pubkeys: z.array(z.string().regex(/^[0-9a-f]{64}$/)).optional(),
    active_only: z.boolean().optional(),
  })
  .strict();

const unlockBlocks = BigInt((15 * 86_400) / OXEND_BLOCK_SECONDS);

/** One node's entry, with every field oxend's get_service_nodes can return. */
export function serviceNodeEntry(network: SimulatedNetwork, node: ServiceNodeRecord): Record<string, unknown> {
  const { height, time } = network.now();
  const behaviour = network.behaviourOf(node);
  const registeredAt = Math.floor(node.registeredAt.getTime() / 1000);
  // The Session chain's height at time t, never before its first block.
  const heightAt = (t: number) => {
    const h = height - BigInt(Math.max(0, Math.floor((time - t) / OXEND_BLOCK_SECONDS)));
    return h < 0n ? 0n : h;
  };
  const lastProof = behaviour.lastProofAt(time, registeredAt);
  const active = behaviour.upAt(time);
  const requestedUnlock = node.exitRequestedAt ? heightAt(Math.floor(node.exitRequestedAt.getTime() / 1000)) + unlockBlocks : 0n;
  const total = node.contributors.reduce((t, c) => t + c.amount, 0n);
  return {
    service_node_pubkey: node.ed25519Pubkey,
    pubkey_ed25519: node.ed25519Pubkey,
    pubkey_x25519: behaviour.pubkeyX25519,
    pubkey_bls: node.blsPubkey.slice(2),
    operator_address: node.operator,
    operator_fee: node.fee,
    // legacy field: the operator's fee in portions of 2^64 − 4
    portions_for_operator: (BigInt(node.fee) * 18446744073709551612n) / 10_000n,
    contributors: node.contributors.map((c) => ({
      address: c.staker,
      beneficiary: c.beneficiary,
      amount: c.amount,
      reserved: c.amount,
      locked_contributions: [],
    })),
    total_contributed: total,
    total_reserved: total,
    staking_requirement: network.stakingRequirement,
    active,
    funded: true,
    state_height: heightAt(registeredAt),
    requested_unlock_height: requestedUnlock,
    // A node that never proved itself was last rewarded, if ever, at registration.
    last_reward_block_height: active ? height - BigInt(registeredAt % 50) : heightAt(lastProof === 0 ? registeredAt : lastProof),
    earned_downtime_blocks: active ? Math.min(1_440, 60 + Math.floor((time - registeredAt) / 86_400) * 24) : 0,
    last_uptime_proof: lastProof,
    service_node_version: behaviour.versionAt(time),
    swarm_id: behaviour.swarmId,
    public_ip: behaviour.publicIp,
    storage_port: behaviour.storagePort,
    storage_lmq_port: 20200,
    quorumnet_port: 22025,
    is_removable: requestedUnlock !== 0n && height >= requestedUnlock,
    is_liquidatable: !active && time - lastProof > 2 * 86_400,
  };
}

/**
 * A node still collecting its stake, as oxend lists one: not funded, not active, no proof yet,
 * its contributors with what each has paid and what is reserved for them.
 */
export function unfundedNodeEntry(network: SimulatedNetwork, contract: ContributionContractRecord): Record<string, unknown> {
  const { height, time } = network.now();
  const created = Math.floor(contract.createdAt.getTime() / 1000);
  const stateHeight = height - BigInt(Math.max(0, Math.floor((time - created) / OXEND_BLOCK_SECONDS)));
  const reservedFor = new Map(contract.reservations.map((r) => [r.contributor, r.amount]));
  const contributors = [
    ...contract.contributions.map((c) => {
      const reserved = reservedFor.get(c.contributor) ?? 0n;
      return { address: c.contributor, beneficiary: c.beneficiary, amount: c.amount, reserved: reserved > c.amount ? reserved : c.amount, locked_contributions: [] };
    }),
    ...contract.reservations.filter((r) => !r.received).map((r) => ({ address: r.contributor, beneficiary: r.contributor, amount: 0n, reserved: r.amount, locked_contributions: [] })),
  ];
  return {
    service_node_pubkey: contract.ed25519Pubkey,
    pubkey_ed25519: contract.ed25519Pubkey,
    pubkey_bls: contract.blsPubkey.slice(2),
    operator_address: contract.operator,
    operator_fee: contract.fee,
    portions_for_operator: (BigInt(contract.fee) * 18446744073709551612n) / 10_000n,
    contributors,
    total_contributed: contract.totalContributed,
    total_reserved: contributors.reduce((t, c) => t + c.reserved, 0n),
    staking_requirement: contract.stakingRequirement,
    active: false,
    funded: false,
    state_height: stateHeight < 0n ? 0n : stateHeight,
    requested_unlock_height: 0n,
    last_reward_block_height: stateHeight < 0n ? 0n : stateHeight,
    earned_downtime_blocks: 0,
    last_uptime_proof: 0,
    is_removable: false,
    is_liquidatable: false,
  };
}

function getServiceNodes(network: SimulatedNetwork, rawParams: unknown) {
  const parsed = getServiceNodesParams.safeParse(rawParams ?? {});
  if (!parsed.success) throw new RpcError(-32602, `Invalid params: ${parsed.error.issues[0]?.message ?? "bad params"}`);
  const params = parsed.data;
  const wanted = params.fields && !params.fields.all ? new Set(Object.entries(params.fields).filter(([, on]) => on).map(([f]) => f)) : undefined;
  const only = params.service_node_pubkeys ? new Set(params.service_node_pubkeys) : undefined;
  const states = [
    ...network.liveNodes().filter((n) => !only || only.has(n.ed25519Pubkey)).map((n) => serviceNodeEntry(network, n)),
    ...(network.awaitingContracts?.() ?? []).filter((c) => !only || only.has(c.ed25519Pubkey)).map((c) => unfundedNodeEntry(network, c)),
  ]
    .filter((e) => !params.active_only || e.active === true)
    .map((e) => (wanted ? Object.fromEntries(Object.entries(e).filter(([k]) => wanted.has(k))) : e));
  const { height } = network.now();
  return { service_node_states: states, height, target_height: height, block_hash: "00".repeat(32), hardfork: 21, status: "OK" };
}

function getInfo(network: SimulatedNetwork) {
  const { height, time } = network.now();
  return {
    height,
    target_height: height,
    staking_requirement: network.stakingRequirement,
    max_contributors: network.maxContributors,
    min_operator_contribution: network.stakingRequirement / 4n,
    service_node: false,
    nettype: "devnet",
    status: "OK",
    immutable_height: height - 10n,
    time,
  };
}

/** Answers one JSON-RPC request body; errors are JSON-RPC errors, never thrown. */
export async function handleOxendRequest(network: SimulatedNetwork, body: string): Promise<Record<string, unknown>> {
  let request: { id?: unknown; method?: unknown; params?: unknown };
  try {
    request = JSON.parse(body);
  } catch {
    return { jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } };
  }
  const id = request?.id ?? null;
  try {
    if (typeof request !== "object" || request === null || typeof request.method !== "string") {
      throw new RpcError(-32600, "Invalid Request");
    }
    const methods: Record<string, (params: unknown) => unknown> = {
      get_service_nodes: (p) => getServiceNodes(network, p),
      get_info: () => getInfo(network),
      ...network.extraMethods,
    };
    const method = methods[request.method];
    if (!method) throw new RpcError(-32601, `Method not found: ${request.method}`);
    return { jsonrpc: "2.0", id, result: await method(request.params) };
  } catch (error) {
    const code = error instanceof RpcError ? error.code : -32603;
    return { jsonrpc: "2.0", id, error: { code, message: (error as Error).message } };
  }
}

/** Serves oxend's JSON-RPC at http://127.0.0.1:<port>/json_rpc. */
export async function startOxendRpcServer(network: SimulatedNetwork, port: number): Promise<{ url: string; server: Server; stop(): Promise<void> }> {
  await assertPortFree(port, "Node simulator", "OXEND_RPC_PORT");
  const server = createServer((req, res) => {
    if (req.method !== "POST" || (req.url !== "/json_rpc" && req.url !== "/")) {
      res.writeHead(404, { "content-type": "text/plain" }).end("POST JSON-RPC to /json_rpc\n");
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) req.destroy();
      else chunks.push(chunk);
    });
    req.on("end", async () => {
      const response = await handleOxendRequest(network, Buffer.concat(chunks).toString("utf8"));
      // lossless-json writes bigints as plain JSON numbers, as oxend does for uint64 values.
      res.writeHead(200, { "content-type": "application/json" }).end(stringifyLossless(response));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/json_rpc`,
    server,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
