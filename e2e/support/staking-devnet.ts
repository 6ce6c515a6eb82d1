// The devnet as the staking e2e tests see it: its deployment, clients, dev accounts and the
// page steps every staking spec repeats.
import { expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { createPublicClient, createWalletClient, erc20Abi, http, parseAbi, toHex, type Address, type Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { e2eStack } from "../e2e-stack";
import { installTestWallet, type TestWalletOptions } from "./test-wallet";

// anvil's well-known dev accounts (mnemonic "test test … junk"): the scenario never uses them.
export const operatorKey: Hex = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
export const operatorAddress: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
export const emptyWalletKey: Hex = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
export const emptyWalletAddress: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
export const DEVNET_CHAIN_ID = 31337;
export const devAccount = (index: number) => {
  const account = mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: index });
  return { address: account.address, privateKey: toHex(account.getHdKey().privateKey!) };
};

export interface DevnetRecord {
  deployment: { owner: Address; addresses: { sesh: Address; serviceNodeRewards: Address }; funding: { operators: Address[] } };
}
export const devnet = () => JSON.parse(readFileSync(path.join(e2eStack.dataDir, "devnet", "devnet.json"), "utf8")) as DevnetRecord;
export const chain = { ...foundry, id: DEVNET_CHAIN_ID };
export const publicClient = createPublicClient({ chain, transport: http(e2eStack.rpcUrl), pollingInterval: 500 });
// anvil sends for any address (auto-impersonation): the test's own set-up steps, not the app's.
export const anvilWallet = createWalletClient({ chain, transport: http(e2eStack.rpcUrl) });

export async function sendAs(from: Address, to: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]) {
  const hash = await anvilWallet.writeContract({ account: from, address: to, abi: abi as never, functionName: functionName as never, args: args as never, chain: null, gas: 500_000n });
  const receipt = await publicClient.waitForTransactionReceipt({ hash, timeout: 60_000 });
  expect(receipt.status).toBe("success");
}

export async function stakingRequirement(): Promise<bigint> {
  return publicClient.readContract({ address: devnet().deployment.addresses.serviceNodeRewards, abi: parseAbi(["function stakingRequirement() view returns (uint256)"]), functionName: "stakingRequirement" });
}

export async function seshBalance(address: Address): Promise<bigint> {
  return publicClient.readContract({ address: devnet().deployment.addresses.sesh, abi: erc20Abi, functionName: "balanceOf", args: [address] });
}

/** A fresh node's registration output for `operator`, from the devnet's node simulator. */
export async function prepareRegistration(operator: Address): Promise<string> {
  const res = await fetch(e2eStack.oxendUrl, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "devnet_prepare_registration", params: { operator } }) });
  return ((await res.json()) as { result: { registration_output: string } }).result.registration_output;
}

export async function openWithWallet(page: Page, url: string, wallet: Partial<TestWalletOptions>) {
  const handle = await installTestWallet(page, { rpcUrl: e2eStack.rpcUrl, devnetChainId: DEVNET_CHAIN_ID, startChainId: DEVNET_CHAIN_ID, ...wallet });
  await page.goto(url);
  await page.getByRole("button", { name: "Devnet Test Wallet" }).click();
  await expect(page.getByTestId("wallet-address")).toHaveText(handle.address, { ignoreCase: true });
  return handle;
}

export async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `.data/screenshots/staking-${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `.data/screenshots/staking-${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

export interface ExitCandidate {
  id: string;
  operator: Address;
  beneficiary: Address;
  stake: bigint;
  exitRequestedAt: Date;
}

/**
 * A seeded solo node whose exit was requested within `requestedAgo` (SQL intervals, oldest
 * first, youngest last) and never completed: the history leaves some, their owners waiting.
 */
export async function exitRequestedNode(order: "youngest" | "oldest", requestedAgo: { from: string; to: string }): Promise<ExitCandidate> {
  const sql = postgres(e2eStack.databaseUrl, { max: 1 });
  try {
    const rows = await sql<{ id: string; operator: Address; beneficiary: Address; stake: string; exitRequestedAt: Date }[]>`
      SELECT s.id::text AS id, s.operator, c.beneficiary, c.amount::text AS stake, s."exitRequestedAt"
      FROM "ServiceNode" s JOIN "NodeContribution" c ON c."nodeId" = s.id
      WHERE s.state = 'exit_requested'
        AND s."exitRequestedAt" <= now() - ${requestedAgo.from}::interval AND s."exitRequestedAt" > now() - ${requestedAgo.to}::interval
        AND (SELECT count(*) FROM "NodeContribution" o WHERE o."nodeId" = s.id) = 1
      ORDER BY s."exitRequestedAt" ${order === "oldest" ? sql`ASC` : sql`DESC`} LIMIT 1`;
    expect(rows, `a node whose exit was requested between ${requestedAgo.from} and ${requestedAgo.to} ago`).toHaveLength(1);
    const [row] = rows;
    return { ...row!, stake: BigInt(row!.stake) };
  } finally {
    await sql.end();
  }
}

const recipientsAbi = parseAbi(["function recipients(address) view returns (uint256 rewards, uint256 claimed)"]);
export async function recordedRewards(address: Address): Promise<bigint> {
  const [rewards] = await publicClient.readContract({ address: devnet().deployment.addresses.serviceNodeRewards, abi: recipientsAbi, functionName: "recipients", args: [address] });
  return rewards;
}

/**
 * On /my-nodes as the node's owner: completes the exit (the page picks the way the chain allows
 * now), then checks what the contract does on exit: the node leaves the list, its stake is
 * credited to the beneficiary's rewards balance (no transfer), and a claim pays it out.
 */
export async function completeExitAndClaimStake(page: Page, node: ExitCandidate, expected: { way: RegExp; screenshot: string }) {
  const row = page.getByTestId(`my-node-${node.id}`);
  await expect(row.getByTestId("node-state")).toContainText("Awaiting exit", { timeout: 60_000 });
  await expect(row.getByTestId("exit-way")).toHaveText(expected.way);
  const creditedBefore = await recordedRewards(node.beneficiary);
  const balanceBefore = await seshBalance(node.beneficiary);

  await row.getByRole("button", { name: "Complete exit" }).click();
  await expect(page.getByTestId(`exit-status-${node.id}`)).toHaveAttribute("data-status", "confirmed", { timeout: 60_000 });
  expect(await recordedRewards(node.beneficiary)).toBe(creditedBefore + node.stake);
  await expect(row.getByTestId("node-state")).toHaveText("Exited", { timeout: 60_000 });
  await shoot(page, `${expected.screenshot}-exited`);

  // The stake waits in the rewards balance: "Claimable now" holds it, and claiming pays it out.
  const claimable = page.getByTestId("rewards-claimable");
  await expect(async () => {
    const text = (await claimable.textContent()) ?? "";
    expect(Number(text.replace(/[^0-9.]/g, ""))).toBeGreaterThanOrEqual(Number(node.stake) / 1e9);
  }).toPass({ timeout: 30_000 });
  await page.getByRole("button", { name: /^Claim \d/ }).click();
  await expect(page.getByTestId("claim-status")).toHaveAttribute("data-status", "confirmed", { timeout: 60_000 });
  expect(await seshBalance(node.beneficiary)).toBeGreaterThanOrEqual(balanceBefore + node.stake);

  // The explorer's page of the node, once indexed, shows it exited with the stake returned.
  await page.goto(`/nodes/${node.id}`);
  await expect(async () => {
    await page.reload();
    await expect(page.locator("h1 .badge")).toHaveText("exited", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("events-table")).toContainText("exited, stake returned");
  await shoot(page, `${expected.screenshot}-node-page`);
}
