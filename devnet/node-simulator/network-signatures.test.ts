import { erc20Abi, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceNodeRewardsAbi } from "../../lib/abi/service-node-rewards-abi";
import { exitSignatureSchema, parseSignatureResult, readOxendResult, rewardsSignatureSchema, NetworkSignatureError } from "../../lib/oxend/network-signatures";
import { parseRegistrationOutput } from "../../lib/staking/registration-output";
import { startDevnetFixture, type DevnetFixture } from "../../test-support/devnet-fixture";
import { findFreePort } from "../port-check";
import { parseServiceNodeStates } from "../../lib/oxend/service-node-states";
import { bn254NetworkSigner } from "../scenario/bn254-network-signer";
import { planOpenContributions } from "../scenario/open-contributions";
import { networkSignatureMethods } from "./network-signatures";
import { startNodeSimulator, type RunningNodeSimulator } from "./run-node-simulator";

// anvil's first well-known dev account: a wallet the scenario never used.
const operator: Address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

let fixture: DevnetFixture;
let simulator: RunningNodeSimulator;
let signer: ReturnType<typeof bn254NetworkSigner>;
const rpc = async (method: string, params: unknown) => {
  const res = await fetch(simulator.url, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  return res.text();
};
const mineAt = async (time: number) => {
  await fixture.clients.test.setNextBlockTimestamp({ timestamp: BigInt(time) });
  await fixture.clients.test.mine({ blocks: 1 });
};

beforeAll(async () => {
  fixture = await startDevnetFixture({ seed: "signatures", nodeCount: 40, months: 3 });
  // The simulator signs with wall-clock time, as the live devnet's blocks follow it.
  await mineAt(Math.floor(Date.now() / 1000));
  signer = bn254NetworkSigner({ seed: "signatures", chainId: 31337, rewardsContract: fixture.deployment.addresses.serviceNodeRewards });
  const byKey = new Map(fixture.plan.nodes.map((n) => [signer.nodeKeys(n.index).ed25519Pubkey.toString(16).padStart(64, "0"), n]));
  simulator = await startNodeSimulator({
    client: fixture.clients.public,
    rewardsAddress: fixture.deployment.addresses.serviceNodeRewards,
    contributionFactory: fixture.deployment.addresses.contributionFactory,
    plan: fixture.plan,
    plannedNodeFor: (key) => byKey.get(key),
    port: await findFreePort(),
    stakingRequirement: fixture.plan.stakingRequirement,
    syncMs: 60_000,
    extraMethods: (network, { tracker, syncNow }) =>
      networkSignatureMethods({
        network,
        client: fixture.clients.public,
        rewardsAddress: fixture.deployment.addresses.serviceNodeRewards,
        signer,
        keyIndexOf: (key) => byKey.get(key)?.index,
        allNodes: () => [...tracker.nodes.values()],
        syncNow,
      }),
  });
}, 240_000);

afterAll(async () => {
  await simulator?.stop();
  await fixture?.stop();
});

describe("the simulator's network signatures", () => {
  it("prepares a registration, and its rewards signature is accepted on chain and pays out", async () => {
    const { clients, deployment, plan } = fixture;
    const { sesh, serviceNodeRewards } = deployment.addresses;
    const prepared = readOxendResult(await rpc("devnet_prepare_registration", { operator })) as { registration_output: string };
    const parsed = parseRegistrationOutput(prepared.registration_output);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    expect(parsed.registration.operatorAddress).toBe(operator);

    const send = async (to: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[], from: Address = operator) => {
      const hash = await clients.wallet.writeContract({ account: from, address: to, abi: abi as never, functionName: functionName as never, args: args as never, chain: null, gas: 3_000_000n });
      await mineAt(Number((await clients.public.getBlock()).timestamp) + 5);
      const receipt = await clients.public.getTransactionReceipt({ hash });
      expect(receipt.status).toBe("success");
    };
    await send(sesh, erc20Abi, "transfer", [operator, plan.stakingRequirement], deployment.funding.operators[0]!);
    await send(sesh, erc20Abi, "approve", [serviceNodeRewards, plan.stakingRequirement]);
    const r = parsed.registration;
    await send(serviceNodeRewards, serviceNodeRewardsAbi, "addBLSPublicKey", [
      r.blsPubkey, r.blsSignature,
      { serviceNodePubkey: r.serviceNodePubkey, serviceNodeSignature1: r.serviceNodeSignature1, serviceNodeSignature2: r.serviceNodeSignature2, fee: 0 },
      [{ staker: { addr: operator, beneficiary: operator }, stakedAmount: plan.stakingRequirement }],
    ]);

    // An hour of staking later, the network vouches for what the stake earned.
    await mineAt(Number((await clients.public.getBlock()).timestamp) + 3_600);
    const reward = parseSignatureResult(rewardsSignatureSchema, readOxendResult(await rpc("bls_rewards_request", { address: operator })));
    expect(reward.recipient).toBe(operator.toLowerCase());
    expect(reward.amount).toBeGreaterThan(0n);
    const before = await clients.public.readContract({ address: sesh, abi: erc20Abi, functionName: "balanceOf", args: [operator] });
    await send(serviceNodeRewards, serviceNodeRewardsAbi, "updateRewardsBalance", [operator, reward.amount, reward.signature, reward.nonSignerIds]);
    await send(serviceNodeRewards, serviceNodeRewardsAbi, "claimRewards", []);
    const after = await clients.public.readContract({ address: sesh, abi: erc20Abi, functionName: "balanceOf", args: [operator] });
    expect(after - before).toBe(reward.amount);

    // The network signs no exit for a node that never asked to leave, and says why.
    const exit = readOxendResult.bind(null, await rpc("bls_exit_liquidation_request", { pubkey: r.ed25519Hex, liquidate: false }));
    expect(exit).toThrow(NetworkSignatureError);
    expect(exit).toThrow(/cannot exit yet/);
  }, 120_000);

  it("signs exits the contract accepts for nodes whose unlock has passed, and lists them", async () => {
    const list = readOxendResult(await rpc("bls_exit_liquidation_list", {})) as { nodes: { service_node_pubkey: string; type: string }[] };
    const removable = list.nodes.find((n) => n.type === "exit");
    if (!removable) {
      // The seeded history may leave no node waiting: then the list is empty but well formed.
      expect(list.nodes.every((n) => n.type === "deregister")).toBe(true);
      return;
    }
    const exit = parseSignatureResult(exitSignatureSchema, readOxendResult(await rpc("bls_exit_liquidation_request", { pubkey: removable.service_node_pubkey, liquidate: false })));
    const hash = await fixture.clients.wallet.writeContract({
      account: operator, address: fixture.deployment.addresses.serviceNodeRewards, abi: serviceNodeRewardsAbi, functionName: "exitBLSPublicKeyWithSignature",
      args: [exit.blsPubkey, exit.timestamp, exit.signature, exit.nonSignerIds], chain: null, gas: 3_000_000n,
    });
    await mineAt(Number((await fixture.clients.public.getBlock()).timestamp) + 5);
    expect((await fixture.clients.public.getTransactionReceipt({ hash })).status).toBe("success");
  }, 60_000);

  it("lists the nodes awaiting contributors as oxend lists unfunded nodes: not funded, not active, stakes and reservations", async () => {
    const { nodes, rejected } = parseServiceNodeStates(await rpc("get_service_nodes", {}));
    expect(rejected).toEqual([]);
    const unfunded = nodes.filter((n) => n.funded === false);
    const open = planOpenContributions(fixture.plan);
    const keyOf = (keyIndex: number) => signer.nodeKeys(keyIndex).ed25519Pubkey.toString(16).padStart(64, "0");
    expect(unfunded.map((n) => n.pubkeyEd25519).sort()).toEqual(open.map((o) => keyOf(o.keyIndex)).sort());
    for (const planned of open) {
      const node = unfunded.find((n) => n.pubkeyEd25519 === keyOf(planned.keyIndex))!;
      const paid = planned.stakes.filter((s) => s.address !== planned.withdrawn);
      const unpaid = planned.reserved.filter((r) => !paid.some((s) => s.address === r.addr));
      expect(node, planned.kind).toMatchObject({
        active: false,
        operatorAddress: planned.operator.toLowerCase(),
        operatorFee: planned.fee,
        totalContributed: paid.reduce((t, s) => t + s.amount, 0n),
        stakingRequirement: fixture.plan.stakingRequirement,
      });
      expect(node.contributors).toEqual([
        ...paid.map((s) => ({ address: s.address.toLowerCase(), beneficiary: s.address.toLowerCase(), amount: s.amount, reserved: s.amount })),
        ...unpaid.map((r) => ({ address: r.addr.toLowerCase(), beneficiary: r.addr.toLowerCase(), amount: 0n, reserved: r.amount })),
      ]);
    }
    // The registered nodes are still all funded.
    expect(nodes.filter((n) => n.funded).length).toBe(simulator.tracker.liveNodes().length);
  });

  it("rejects bad parameters as JSON-RPC errors", async () => {
    expect(() => readOxendResult("")).toThrow(/not JSON/);
    const bad = await rpc("bls_rewards_request", { address: "0x12" });
    expect(() => readOxendResult(bad)).toThrow(/address must be a 0x address/);
    expect(() => parseSignatureResult(rewardsSignatureSchema, { address: operator, amount: 1, height: 1, msg_to_sign: "", signature: "00", non_signer_indices: [] })).toThrow(/signature must be 128 bytes/);
  });
});
