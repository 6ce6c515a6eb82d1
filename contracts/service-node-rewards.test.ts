import { decodeEventLog, erc20Abi, getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededAddress } from "../devnet/scenario/seeded-random";
import { serviceNodeRewardsAbi } from "../lib/abi/service-node-rewards-abi";
import { REQUIREMENT, SESH, startContractKit, type ContractKit } from "./contract-test-kit";

let kit: ContractKit;
const who = (name: string, i = 0) => seededAddress("contract-tests", name, i);
const events = (receipt: { logs: { topics: readonly `0x${string}`[]; data: `0x${string}` }[] }) =>
  receipt.logs.flatMap((log) => {
    try {
      return [decodeEventLog({ abi: serviceNodeRewardsAbi, topics: log.topics as [`0x${string}`], data: log.data })];
    } catch {
      return [];
    }
  });

beforeAll(async () => {
  kit = await startContractKit();
}, 120_000);
afterAll(async () => kit?.stop());

describe("ServiceNodeRewards: registration", () => {
  it("accepts no registration before the owner starts it (after seeding the migrated nodes)", async () => {
    const operator = who("early");
    expect(await kit.revertOf(operator, kit.rewards, serviceNodeRewardsAbi, "addBLSPublicKey", kit.registration(9, operator))).toBe("ContractNotStarted");
    expect(await kit.revertOf(operator, kit.rewards, serviceNodeRewardsAbi, "start")).toBe("OwnableUnauthorizedAccount");
    await kit.send(kit.deployment.owner, kit.rewards, serviceNodeRewardsAbi, "start", [], 1);
    expect(await kit.revertOf(kit.deployment.owner, kit.rewards, serviceNodeRewardsAbi, "seedPublicKeyList", [[]])).toBe("ContractAlreadyStarted");
  });

  it("registers a solo node: stake taken, NewServiceNodeV2 emitted, key added to the aggregate", async () => {
    const operator = who("solo");
    const receipt = await kit.register(0, operator);
    expect(receipt.status).toBe("success");
    const [event] = events(receipt).filter((e) => e.eventName === "NewServiceNodeV2");
    expect(event?.args).toMatchObject({ serviceNodeID: 1n, initiator: getAddress(operator), pubkey: kit.signer.nodeKeys(0).blsPubkey });
    const read = (functionName: string, args: readonly unknown[] = []) =>
      kit.clients.public.readContract({ address: kit.rewards, abi: serviceNodeRewardsAbi, functionName, args } as never);
    expect(await read("totalNodes")).toBe(1n);
    expect(await read("aggregatePubkey")).toEqual(kit.signer.nodeKeys(0).blsPubkey);
    expect(await read("ed25519ToServiceNodeID", [kit.signer.nodeKeys(0).ed25519Pubkey])).toBe(1n);
    expect(await kit.clients.public.readContract({ address: kit.deployment.addresses.sesh, abi: erc20Abi, functionName: "balanceOf", args: [operator] })).toBe(0n);
  });

  it("refuses registrations an operator can get wrong, each with its own error", async () => {
    const operator = who("careless");
    await kit.fund(operator, REQUIREMENT * 2n);
    await kit.send(operator, kit.deployment.addresses.sesh, erc20Abi, "approve", [kit.rewards, REQUIREMENT * 2n], 1);
    const attempt = (args: readonly unknown[]) => kit.revertOf(operator, kit.rewards, serviceNodeRewardsAbi, "addBLSPublicKey", args);
    const half = REQUIREMENT / 2n;
    expect(await attempt(kit.registration(5, operator, [{ addr: operator, amount: half }]))).toBe("ContributionTotalMismatch");
    expect(await attempt(kit.registration(5, operator, [{ addr: operator, amount: REQUIREMENT / 5n }, { addr: who("friend"), amount: REQUIREMENT - REQUIREMENT / 5n }]))).toBe("InsufficientOperatorContribution");
    const eleven = Array.from({ length: 11 }, (_, i) => ({ addr: i === 0 ? operator : who("crowd", i), amount: i === 0 ? REQUIREMENT - 10n * SESH * 100n : SESH * 100n }));
    expect(await attempt(kit.registration(5, operator, eleven))).toBe("MaxContributorsExceeded");
    expect(await attempt(kit.registration(5, operator, []))).toBe("InsufficientContributors");
    const [key5, , params5, contributors5] = kit.registration(5, operator);
    expect(await attempt([key5, kit.signer.proofOfPossession(5, who("someone else")), params5, contributors5])).toBe("InvalidBLSProofOfPossession");
    const duplicateBls = kit.registration(0, who("solo"));
    expect(await kit.revertOf(who("solo"), kit.rewards, serviceNodeRewardsAbi, "addBLSPublicKey", duplicateBls)).toBe("BLSPubkeyAlreadyExists");
    const [bls, pop, params, contributors] = kit.registration(6, operator);
    const stolenEd = { ...params, serviceNodePubkey: kit.signer.nodeKeys(0).ed25519Pubkey };
    const popForStolen = kit.signer.proofOfPossession(6, operator);
    expect(popForStolen).toEqual(pop);
    expect(await attempt([bls, pop, stolenEd, contributors])).toBe("InvalidBLSProofOfPossession");
    expect(await kit.revertOf(who("poor"), kit.rewards, serviceNodeRewardsAbi, "addBLSPublicKey", kit.registration(7, who("poor")))).toMatch(/ERC20InsufficientAllowance|ERC20InsufficientBalance/);
  });

  it("refuses everything while paused", async () => {
    await kit.send(kit.deployment.owner, kit.rewards, serviceNodeRewardsAbi, "pause", [], 1);
    expect(await kit.revertOf(who("late"), kit.rewards, serviceNodeRewardsAbi, "addBLSPublicKey", kit.registration(8, who("late")))).toBe("EnforcedPause");
    expect(await kit.revertOf(who("x"), kit.rewards, serviceNodeRewardsAbi, "pause")).toBe("OwnableUnauthorizedAccount");
    await kit.send(kit.deployment.owner, kit.rewards, serviceNodeRewardsAbi, "unpause", [], 1);
  });
});

describe("ServiceNodeRewards: exits, liquidations and rewards", () => {
  const exitArgs = (index: number, signers: number[], at: number) => {
    const key = kit.signer.nodeKeys(index).blsPubkey;
    return [key, BigInt(at), kit.signer.signExit(signers, key, BigInt(at)), []] as const;
  };

  it("lets a contributor request an exit only after two hours, then the network signs it out", async () => {
    const operator = who("leaver");
    await kit.register(1, operator);
    const id = 2n;
    expect(await kit.revertOf(operator, kit.rewards, serviceNodeRewardsAbi, "initiateExitBLSPublicKey", [id])).toBe("ExitTooEarly");
    expect(await kit.revertOf(who("stranger"), kit.rewards, serviceNodeRewardsAbi, "initiateExitBLSPublicKey", [id])).toBe("CallerNotContributor");
    kit.advance(3 * 3_600);
    const request = await kit.send(operator, kit.rewards, serviceNodeRewardsAbi, "initiateExitBLSPublicKey", [id]);
    expect(events(request).map((e) => e.eventName)).toEqual(["ServiceNodeExitRequest"]);

    const live = [0, 1];
    expect(await kit.revertOf(who("keeper"), kit.rewards, serviceNodeRewardsAbi, "exitBLSPublicKeyWithSignature", exitArgs(1, [0], kit.time()))).toBe("InvalidBLSSignature");
    expect(await kit.revertOf(who("keeper"), kit.rewards, serviceNodeRewardsAbi, "exitBLSPublicKeyWithSignature", exitArgs(1, live, kit.time() - 3_600))).toBe("SignatureExpired");
    const exit = await kit.send(who("keeper"), kit.rewards, serviceNodeRewardsAbi, "exitBLSPublicKeyWithSignature", exitArgs(1, live, kit.time() + 30));
    const emitted = events(exit);
    expect(emitted.map((e) => e.eventName)).toEqual(["RewardsBalanceUpdated", "ServiceNodeExit"]);
    expect(emitted[1]!.args).toMatchObject({ serviceNodeID: id, returnedAmount: REQUIREMENT });
    const [balance] = (await kit.clients.public.readContract({ address: kit.rewards, abi: serviceNodeRewardsAbi, functionName: "recipients", args: [operator] })) as [bigint, bigint];
    expect(balance).toBe(REQUIREMENT);
    expect(await kit.revertOf(who("keeper"), kit.rewards, serviceNodeRewardsAbi, "exitBLSPublicKeyWithSignature", exitArgs(1, [0], kit.time()))).toBe("BLSPubkeyDoesNotExist");
  });

  it("lets anyone complete an exit 30 days after the request, not before", async () => {
    const operator = who("patient");
    await kit.register(2, operator);
    kit.advance(3 * 3_600);
    await kit.send(operator, kit.rewards, serviceNodeRewardsAbi, "initiateExitBLSPublicKey", [3n]);
    expect(await kit.revertOf(who("anyone"), kit.rewards, serviceNodeRewardsAbi, "exitBLSPublicKeyAfterWaitTime", [3n])).toBe("LeaveRequestTooEarly");
    kit.advance(30 * 86_400);
    const exit = await kit.send(who("anyone"), kit.rewards, serviceNodeRewardsAbi, "exitBLSPublicKeyAfterWaitTime", [3n]);
    expect(events(exit).at(-1)?.eventName).toBe("ServiceNodeExit");
  });

  it("liquidates with a 0.2% penalty: 0.1% to the liquidator, 0.1% to the pool, the rest credited", async () => {
    const operator = who("fallen");
    await kit.register(3, operator);
    const balanceOf = (a: Address) => kit.clients.public.readContract({ address: kit.deployment.addresses.sesh, abi: erc20Abi, functionName: "balanceOf", args: [a] });
    const poolBefore = await balanceOf(kit.deployment.addresses.rewardRatePool);
    const key = kit.signer.nodeKeys(3).blsPubkey;
    const at = BigInt(kit.time() + 30);
    const receipt = await kit.send(who("liquidator"), kit.rewards, serviceNodeRewardsAbi, "liquidateBLSPublicKeyWithSignature", [key, at, kit.signer.signLiquidation([0, 3], key, at), []]);
    expect(events(receipt).map((e) => e.eventName)).toEqual(["RewardsBalanceUpdated", "ServiceNodeLiquidated"]);
    expect(await balanceOf(who("liquidator"))).toBe(REQUIREMENT / 1_000n);
    expect((await balanceOf(kit.deployment.addresses.rewardRatePool)) - poolBefore).toBe(REQUIREMENT / 1_000n);
    const [credited] = (await kit.clients.public.readContract({ address: kit.rewards, abi: serviceNodeRewardsAbi, functionName: "recipients", args: [operator] })) as [bigint, bigint];
    expect(credited).toBe((REQUIREMENT * 998n) / 1_000n);
  });

  it("credits rewards on the network's signature and pays claims within the cycle's limit", async () => {
    const recipient = who("earner");
    const signers = [0];
    const update = (amount: bigint) => [recipient, amount, kit.signer.signRewards(signers, recipient, amount), []] as const;
    expect(await kit.revertOf(recipient, kit.rewards, serviceNodeRewardsAbi, "updateRewardsBalance", [recipient, 5n * SESH, kit.signer.signRewards(signers, recipient, 6n * SESH), []])).toBe("InvalidBLSSignature");
    const receipt = await kit.send(recipient, kit.rewards, serviceNodeRewardsAbi, "updateRewardsBalance", update(900_000n * SESH));
    expect(events(receipt)[0]?.args).toMatchObject({ recipientAddress: getAddress(recipient), amount: 900_000n * SESH, previousBalance: 0n });
    expect(await kit.revertOf(recipient, kit.rewards, serviceNodeRewardsAbi, "updateRewardsBalance", update(900_000n * SESH))).toBe("RecipientRewardsTooLow");
    // The contract holds the stakes it must pay out from; top it up as pool releases would.
    await kit.fund(kit.rewards, 2_000_000n * SESH);
    const claim = await kit.send(recipient, kit.rewards, serviceNodeRewardsAbi, "claimRewards", []);
    expect(events(claim)[0]?.args).toMatchObject({ recipientAddress: getAddress(recipient), amount: 900_000n * SESH });
    expect(await kit.revertOf(recipient, kit.rewards, serviceNodeRewardsAbi, "claimRewards", [])).toBe("MaxClaimExceeded");
    await kit.send(recipient, kit.rewards, serviceNodeRewardsAbi, "updateRewardsBalance", update(1_100_000n * SESH));
    expect(await kit.revertOf(recipient, kit.rewards, serviceNodeRewardsAbi, "claimRewards", [])).toBe("ClaimThresholdExceeded");
  });
});
