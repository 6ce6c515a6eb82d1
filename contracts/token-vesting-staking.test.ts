import { erc20Abi } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceNodeRewardsAbi } from "../lib/abi/service-node-rewards-abi";
import { tokenVestingStakingAbi } from "../lib/abi/token-vesting-staking-abi";
import { REQUIREMENT, SESH, startContractKit, type ContractKit } from "./contract-test-kit";

let kit: ContractKit;
beforeAll(async () => {
  kit = await startContractKit();
  await kit.send(kit.deployment.owner, kit.rewards, serviceNodeRewardsAbi, "start", [], 1);
}, 120_000);
afterAll(async () => kit?.stop());

const balanceOf = (address: `0x${string}`) =>
  kit.clients.public.readContract({ address: kit.deployment.addresses.sesh, abi: erc20Abi, functionName: "balanceOf", args: [address] });

describe("TokenVestingStaking", () => {
  it("stakes a node from locked tokens, the vesting wallet being the node's operator", async () => {
    const wallet = kit.deployment.vesting.find((v) => v.lockup === "A")!;
    const before = await balanceOf(wallet.address);
    const index = 40;
    const keys = kit.signer.nodeKeys(index);
    const params = { serviceNodePubkey: keys.ed25519Pubkey, serviceNodeSignature1: keys.serviceNodeSignature1, serviceNodeSignature2: keys.serviceNodeSignature2, fee: 0 };
    const args = [keys.blsPubkey, kit.signer.proofOfPossession(index, wallet.address), params, wallet.address] as const;
    expect(await kit.revertOf(kit.deployment.owner, wallet.address, tokenVestingStakingAbi, "addBLSPublicKey", args)).toMatch(/caller is not beneficiary/);
    const receipt = await kit.send(wallet.beneficiary, wallet.address, tokenVestingStakingAbi, "addBLSPublicKey", args);
    expect(receipt.status).toBe("success");
    expect(before - (await balanceOf(wallet.address))).toBe(REQUIREMENT);
    const id = await kit.clients.public.readContract({ address: kit.rewards, abi: serviceNodeRewardsAbi, functionName: "ed25519ToServiceNodeID", args: [keys.ed25519Pubkey] });
    const node = await kit.clients.public.readContract({ address: kit.rewards, abi: serviceNodeRewardsAbi, functionName: "serviceNodes", args: [id] });
    expect(node.operator).toBe(wallet.address);
    // Nothing has vested before the 24-month lock ends.
    expect(await kit.revertOf(wallet.beneficiary, wallet.address, tokenVestingStakingAbi, "release", [kit.deployment.addresses.sesh])).toMatch(/no tokens are due/);
  });

  it("releases everything once the lock ends, and not before", async () => {
    const wallet = kit.deployment.vesting.find((v) => v.lockup === "F")!;
    const locked = await balanceOf(wallet.address);
    expect(locked).toBe(500_000n * SESH);
    expect(await kit.revertOf(wallet.beneficiary, wallet.address, tokenVestingStakingAbi, "release", [kit.deployment.addresses.sesh])).toMatch(/no tokens are due/);
    kit.advance(wallet.unlockAt - kit.time() + 60);
    await kit.send(wallet.beneficiary, wallet.address, tokenVestingStakingAbi, "release", [kit.deployment.addresses.sesh]);
    expect(await balanceOf(wallet.beneficiary)).toBe(locked);
    expect(await balanceOf(wallet.address)).toBe(0n);
  });

  it("lets the revoker take back what has not vested, once", async () => {
    const wallet = kit.deployment.vesting.filter((v) => v.lockup === "A")[1]!;
    const held = await balanceOf(wallet.address);
    expect(await kit.revertOf(wallet.beneficiary, wallet.address, tokenVestingStakingAbi, "revoke", [kit.deployment.addresses.sesh])).toMatch(/caller is not revoker/);
    await kit.send(kit.deployment.owner, wallet.address, tokenVestingStakingAbi, "revoke", [kit.deployment.addresses.sesh]);
    expect(await balanceOf(wallet.address)).toBe(0n);
    expect(held).toBeGreaterThan(0n);
    expect(await kit.revertOf(kit.deployment.owner, wallet.address, tokenVestingStakingAbi, "revoke", [kit.deployment.addresses.sesh])).toMatch(/token revoked/);
  });
});
