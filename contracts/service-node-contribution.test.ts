import { decodeEventLog, erc20Abi, getContractAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededAddress } from "../devnet/scenario/seeded-random";
import { rewardRatePoolAbi } from "../lib/abi/reward-rate-pool-abi";
import { serviceNodeContributionAbi } from "../lib/abi/service-node-contribution-abi";
import { serviceNodeContributionFactoryAbi } from "../lib/abi/service-node-contribution-factory-abi";
import { serviceNodeRewardsAbi } from "../lib/abi/service-node-rewards-abi";
import { REQUIREMENT, SESH, startContractKit, type ContractKit } from "./contract-test-kit";

let kit: ContractKit;
const who = (name: string, i = 0) => seededAddress("contribution-tests", name, i);
let factoryNonce = 1n;

beforeAll(async () => {
  kit = await startContractKit();
  await kit.send(kit.deployment.owner, kit.rewards, serviceNodeRewardsAbi, "start", [], 1);
}, 120_000);
afterAll(async () => kit?.stop());

/** Opens a contribution contract for devnet node `index`; returns its address. */
async function open(index: number, operator: Address, reserved: { addr: Address; amount: bigint }[], manualFinalize = false) {
  const [key, pop, params] = kit.registration(index, operator, undefined, 500);
  const address = getContractAddress({ from: kit.deployment.addresses.contributionFactory, nonce: factoryNonce++ });
  const receipt = await kit.send(operator, kit.deployment.addresses.contributionFactory, serviceNodeContributionFactoryAbi, "deploy", [key, pop, params, reserved, manualFinalize]);
  const event = decodeEventLog({ abi: serviceNodeContributionFactoryAbi, ...receipt.logs.at(-1)! } as never) as { eventName: string; args: { contributorContract: Address } };
  expect(event.eventName).toBe("NewServiceNodeContributionContract");
  expect(event.args.contributorContract).toBe(address);
  return address;
}

async function contribute(contract: Address, from: Address, amount: bigint) {
  await kit.fund(from, amount);
  await kit.send(from, kit.deployment.addresses.sesh, erc20Abi, "approve", [contract, amount], 1);
  return kit.send(from, contract, serviceNodeContributionAbi, "contributeFunds", [amount, from]);
}

const status = (contract: Address) => kit.clients.public.readContract({ address: contract, abi: serviceNodeContributionAbi, functionName: "status" });
const names = (receipt: { logs: { topics: readonly `0x${string}`[]; data: `0x${string}` }[] }) =>
  receipt.logs.flatMap((log) => {
    for (const abi of [serviceNodeContributionAbi, serviceNodeRewardsAbi, erc20Abi]) {
      try {
        return [decodeEventLog({ abi, topics: log.topics as [`0x${string}`], data: log.data }).eventName as string];
      } catch {
        // another contract's event
      }
    }
    return [];
  });

describe("ServiceNodeContribution", () => {
  it("takes the operator first, then reserved contributors, and registers the node when full", async () => {
    const operator = who("operator");
    const friend = who("friend");
    const contract = await open(0, operator, [{ addr: operator, amount: REQUIREMENT / 2n }, { addr: friend, amount: REQUIREMENT / 2n }]);
    expect(await kit.revertOf(friend, contract, serviceNodeContributionAbi, "contributeFunds", [REQUIREMENT / 2n, friend])).toBe("FirstContributionMustBeOperator");
    const first = await contribute(contract, operator, REQUIREMENT / 2n);
    expect(names(first)).toEqual(["Transfer", "NewContribution", "OpenForPublicContribution"]);
    expect(await status(contract)).toBe(1);
    expect(await kit.revertOf(friend, contract, serviceNodeContributionAbi, "contributeFunds", [REQUIREMENT / 4n, friend])).toBe("ContributionBelowReservedAmount");
    const last = await contribute(contract, friend, REQUIREMENT / 2n);
    const order = names(last).filter((n) => ["NewContribution", "Filled", "NewServiceNodeV2", "Finalized"].includes(n));
    expect(order).toEqual(["NewContribution", "Filled", "NewServiceNodeV2", "Finalized"]);
    expect(await status(contract)).toBe(3);
    const id = await kit.clients.public.readContract({ address: kit.rewards, abi: serviceNodeRewardsAbi, functionName: "ed25519ToServiceNodeID", args: [kit.signer.nodeKeys(0).ed25519Pubkey] });
    const node = await kit.clients.public.readContract({ address: kit.rewards, abi: serviceNodeRewardsAbi, functionName: "serviceNodes", args: [id] });
    expect(node.operator.toLowerCase()).toBe(operator);
    expect(node.deposit).toBe(REQUIREMENT);
    expect(node.contributors.map((c) => c.staker.addr.toLowerCase())).toEqual([operator, friend]);
  });

  it("lets a public contributor withdraw only after a day, and a full node reopens without an event", async () => {
    const operator = who("operator2");
    const contract = await open(1, operator, [], true);
    await contribute(contract, operator, REQUIREMENT / 2n);
    const stranger = who("stranger");
    expect(await kit.revertOf(stranger, contract, serviceNodeContributionAbi, "contributeFunds", [SESH, stranger])).toBe("ContributionBelowMinAmount");
    await contribute(contract, stranger, REQUIREMENT / 2n);
    expect(await status(contract)).toBe(2);
    expect(await kit.revertOf(stranger, contract, serviceNodeContributionAbi, "withdrawContribution")).toBe("WithdrawTooEarly");
    kit.advance(86_400);
    const withdrawal = await kit.send(stranger, contract, serviceNodeContributionAbi, "withdrawContribution");
    expect(names(withdrawal)).toEqual(["WithdrawContribution", "Transfer"]);
    expect(await status(contract)).toBe(1);
    expect(await kit.revertOf(operator, contract, serviceNodeContributionAbi, "finalize")).toBe("FinalizeNotPossible");
    expect(await kit.revertOf(stranger, contract, serviceNodeContributionAbi, "updateFee", [100])).toBe("OnlyOperatorIsAuthorised");
    const reset = await kit.send(operator, contract, serviceNodeContributionAbi, "reset");
    expect(names(reset)).toEqual(["Transfer", "Reset"]);
    expect(await status(contract)).toBe(0);
  });

  it("refuses a reserved list that does not start with the operator or names someone twice", async () => {
    const operator = who("operator3");
    const [key, pop, params] = kit.registration(2, operator);
    const deploy = (reserved: { addr: Address; amount: bigint }[]) =>
      kit.revertOf(operator, kit.deployment.addresses.contributionFactory, serviceNodeContributionFactoryAbi, "deploy", [key, pop, params, reserved, false]);
    expect(await deploy([{ addr: who("x"), amount: REQUIREMENT / 2n }])).toBe("FirstReservedContributorMustBeOperator");
    expect(await deploy([{ addr: operator, amount: REQUIREMENT / 2n }, { addr: who("y"), amount: REQUIREMENT / 4n }, { addr: who("y"), amount: REQUIREMENT / 4n }])).toBe("DuplicateAddressInReservedContributor");
    expect(await deploy([{ addr: operator, amount: REQUIREMENT / 10n }])).toBe("ReservedContributionBelowMinAmount");
  });
});

describe("RewardRatePool", () => {
  it("releases 15.1% a year of its balance, simple interest since the last payout", async () => {
    const pool = kit.deployment.addresses.rewardRatePool;
    const read = (functionName: string) => kit.clients.public.readContract({ address: pool, abi: rewardRatePoolAbi, functionName } as never) as Promise<bigint>;
    await kit.send(who("keeper"), pool, rewardRatePoolAbi, "payoutReleased", []);
    const balance = await kit.clients.public.readContract({ address: kit.deployment.addresses.sesh, abi: erc20Abi, functionName: "balanceOf", args: [pool] });
    const last = await read("lastPaidOutTime");
    kit.advance(7 * 86_400 - 60);
    const receipt = await kit.send(who("keeper"), pool, rewardRatePoolAbi, "payoutReleased", []);
    const log = receipt.logs.find((l) => l.address.toLowerCase() === pool.toLowerCase())!;
    const released = decodeEventLog({ abi: rewardRatePoolAbi, eventName: "FundsReleased", topics: log.topics, data: log.data });
    const elapsed = (await read("lastPaidOutTime")) - last;
    expect(elapsed).toBe(7n * 86_400n);
    expect(released.args.amount).toBe((balance * 1510n * elapsed) / (10_000n * 365n * 86_400n));
  });
});
