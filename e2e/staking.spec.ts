import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { erc20Abi, parseAbi, type Address } from "viem";
import { e2eStack } from "./e2e-stack";
import {
  completeExitAndClaimStake, devAccount, devnet, DEVNET_CHAIN_ID, exitRequestedNode, emptyWalletAddress, emptyWalletKey, openWithWallet, operatorAddress, operatorKey,
  prepareRegistration, publicClient, seshBalance, sendAs, shoot, stakingRequirement,
} from "./support/staking-devnet";
import { installTestWallet } from "./support/test-wallet";

test.describe.configure({ mode: "serial" });

test("connects a wallet found through EIP-6963, switches it to the devnet, keeps it across a reload, disconnects", async ({ page }) => {
  const wallet = await installTestWallet(page, { rpcUrl: e2eStack.rpcUrl, devnetChainId: DEVNET_CHAIN_ID, startChainId: 1, privateKey: operatorKey });
  await page.goto("/stake");
  await shoot(page, "connect");
  await page.getByRole("button", { name: "Devnet Test Wallet" }).click();
  await expect(page.getByTestId("wallet-address")).toHaveText(operatorAddress);
  await expect(page.getByTestId("wallet-network")).toHaveText("Ethereum");
  await expect(page.getByTestId("wrong-network")).toContainText("staking happens on Session devnet");
  await shoot(page, "wrong-network");

  // The wallet does not know the devnet yet: the app adds it, then switches.
  await page.getByRole("button", { name: "Switch to Session devnet" }).click();
  await expect(page.getByTestId("wallet-network")).toHaveText("Session devnet");
  await expect(page.getByTestId("wrong-network")).toHaveCount(0);
  expect(wallet.chainId()).toBe(DEVNET_CHAIN_ID);
  await expect(page.getByTestId("wallet-eth")).toContainText("ETH");

  await page.reload();
  await expect(page.getByTestId("wallet-address")).toHaveText(operatorAddress);
  await page.getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("button", { name: "Devnet Test Wallet" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Devnet Test Wallet" })).toBeVisible();
});

test("registers a solo node end to end, explaining each refusal on the way, until it is listed as the wallet's node", async ({ page }) => {
  test.setTimeout(240_000);
  const { deployment } = devnet();
  const stake = await stakingRequirement();
  if ((await seshBalance(operatorAddress)) < stake) {
    await sendAs(deployment.funding.operators[0]!, deployment.addresses.sesh, erc20Abi, "transfer", [operatorAddress, stake]);
  }
  // No allowance left from an earlier run: the first refusal below is the missing approval.
  await sendAs(operatorAddress, deployment.addresses.sesh, erc20Abi, "approve", [deployment.addresses.serviceNodeRewards, 0n]);
  const output = await prepareRegistration(operatorAddress);
  const wallet = await openWithWallet(page, "/stake", { privateKey: operatorKey });
  const solo = page.getByTestId("register-solo");
  const textarea = solo.getByLabel("Node registration output");

  // A paste cut short is caught before anything is sent.
  await textarea.fill(output.replace(/pubkey_bls: ([0-9a-f]+)/, (_, h: string) => `pubkey_bls: ${h.slice(0, 100)}`));
  await solo.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("registration-errors")).toContainText("The BLS public key must be 128 hex characters (64 bytes); it has 100.");

  await textarea.fill(output);
  await solo.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("registration-summary")).toBeVisible();

  // Registering before approving: the simulation names the missing allowance, nothing is sent.
  const sentBefore = wallet.sent.length;
  await page.getByRole("button", { name: "Register node" }).click();
  await expect(page.getByTestId("register-status-error")).toContainText("Approve the amount first");
  expect(wallet.sent.length).toBe(sentBefore);

  // Declining in the wallet is told apart, and the pasted text stays.
  wallet.rejectNext();
  await page.getByRole("button", { name: "Approve exact amount" }).click();
  await expect(page.getByTestId("approve-status-error")).toHaveText(/You declined the request in your wallet/);
  await expect(textarea).toHaveValue(output);
  await shoot(page, "rejected");

  await page.getByRole("button", { name: "Approve exact amount" }).click();
  await expect(page.getByTestId("approve-status")).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
  await expect(page.getByTestId("approve-status").getByRole("link")).toHaveAttribute("href", /^\/tx\/0x[0-9a-f]{64}$/);
  await expect(page.getByTestId("approval-done")).toBeVisible();

  await page.getByRole("button", { name: "Register node" }).click();
  await expect(page.getByTestId("register-status")).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
  // The node id comes from the receipt's NewServiceNodeV2 a render after the status turns confirmed.
  await expect(page.getByTestId("registered")).toContainText(/node #\d+/);
  const registered = await page.getByTestId("registered").textContent();
  const nodeId = /node #(\d+)/.exec(registered ?? "")?.[1];
  expect(nodeId).toBeDefined();
  await shoot(page, "registered");

  // Registering the same node again is refused in words.
  await page.getByRole("button", { name: "Approve exact amount" }).click();
  await expect(page.getByTestId("approve-status")).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
  await page.getByRole("button", { name: "Register node" }).click();
  await expect(page.getByTestId("register-status-error")).toContainText(`This node's BLS key is already registered (node #${nodeId})`);

  // Once indexed, it is the wallet's node; it is too young to leave, and the page says until when.
  await page.goto("/my-nodes");
  const row = page.getByTestId(`my-node-${nodeId}`);
  await expect(row).toBeVisible({ timeout: 60_000 });
  await expect(row.getByTestId("node-state")).toContainText("Running");
  await expect(row).toContainText("Possible from");
  await row.getByRole("button", { name: "Request exit" }).click();
  await expect(page.getByTestId(`exit-status-${nodeId}-error`)).toContainText(`Node #${nodeId} is too young to exit`);
  await shoot(page, "my-nodes-new");

  // The explorer's own page of the node shows it with the key the operator pasted.
  await row.getByRole("link", { name: `#${nodeId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/nodes/${nodeId}$`));
  await expect(page.getByTestId("ed25519-key")).toHaveText(/pubkey_ed25519: ([0-9a-f]{64})/.exec(output)![1]!);

  const sql = postgres(e2eStack.databaseUrl, { max: 1 });
  try {
    const [node] = await sql<{ operator: string; state: string }[]>`SELECT operator, state FROM "ServiceNode" WHERE id = ${nodeId!}`;
    expect(node).toEqual({ operator: operatorAddress.toLowerCase(), state: "active" });
  } finally {
    await sql.end();
  }
});

test("explains an empty wallet and a paused contract before sending", async ({ page }) => {
  test.setTimeout(120_000);
  const { deployment } = devnet();
  await openWithWallet(page, "/stake", { privateKey: emptyWalletKey });
  const solo = page.getByTestId("register-solo");
  await solo.getByLabel("Node registration output").fill(await prepareRegistration(emptyWalletAddress));
  await solo.getByRole("button", { name: "Check" }).click();
  await page.getByRole("button", { name: "Approve exact amount" }).click();
  await expect(page.getByTestId("approve-status")).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
  await page.getByRole("button", { name: "Register node" }).click();
  await expect(page.getByTestId("register-status-error")).toContainText("Your wallet holds 0 SESH but this needs");

  const pausable = parseAbi(["function pause()", "function unpause()"]);
  await sendAs(deployment.owner, deployment.addresses.serviceNodeRewards, pausable, "pause", []);
  try {
    await page.getByRole("button", { name: "Register node" }).click();
    await expect(page.getByTestId("register-status-error")).toContainText("The staking contract is paused by its owner");
    await shoot(page, "paused");
  } finally {
    await sendAs(deployment.owner, deployment.addresses.serviceNodeRewards, pausable, "unpause", []);
  }
});

test("an operator of older nodes claims rewards signed by the network and requests an exit", async ({ page }) => {
  test.setTimeout(180_000);
  // A seeded operator whose solo node is past its first two hours; the wallet acts for it.
  const sql = postgres(e2eStack.databaseUrl, { max: 1 });
  let candidate: { operator: Address; id: string } | undefined;
  try {
    [candidate] = await sql<{ operator: Address; id: string }[]>`
      SELECT s.operator, s.id::text AS id FROM "ServiceNode" s
      WHERE s.state = 'active' AND s."registeredAt" < now() - interval '3 hours'
        AND (SELECT count(*) FROM "NodeContribution" c WHERE c."nodeId" = s.id) = 1
        AND (SELECT count(*) FROM "ServiceNode" o WHERE o.operator = s.operator AND o.state = 'active') >= 2
      ORDER BY s.id LIMIT 1`;
  } finally {
    await sql.end();
  }
  expect(candidate).toBeDefined();
  const { operator, id } = candidate!;
  await openWithWallet(page, "/my-nodes", { impersonate: operator });

  const claimable = page.getByTestId("rewards-claimable");
  await expect(claimable).toContainText("SESH", { timeout: 30_000 });
  const before = await seshBalance(operator);
  await page.getByRole("button", { name: /^Claim \d/ }).click();
  await expect(page.getByTestId("claim-status")).toHaveAttribute("data-status", "confirmed", { timeout: 60_000 });
  const after = await seshBalance(operator);
  expect(after).toBeGreaterThan(before);
  // The figures refresh without a reload: nothing is left to claim but what accrued meanwhile.
  await expect(page.getByTestId("wallet-sesh")).not.toHaveText("…");
  await expect(page.getByTestId("rewards-claimed")).not.toHaveText("0.0000 SESH");
  await shoot(page, "claimed");

  const row = page.getByTestId(`my-node-${id}`);
  await expect(row).toContainText("Can be requested now");
  await row.getByRole("button", { name: "Request exit" }).click();
  await expect(page.getByTestId(`exit-status-${id}`)).toHaveAttribute("data-status", "confirmed", { timeout: 60_000 });
  await expect(row.getByTestId("node-state")).toContainText("Awaiting exit", { timeout: 60_000 });
  await expect(row).toContainText("The network signs the exit from");
  await shoot(page, "exit-requested");
});

test("opens a multi-contributor node and a second wallet fills it, refused first below the minimum", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { deployment } = devnet();
  const requirement = await stakingRequirement();
  const half = requirement / 2n;
  const operator = devAccount(3);
  const contributor = devAccount(4);
  for (const wallet of [operator, contributor]) {
    if ((await seshBalance(wallet.address)) < half) await sendAs(deployment.funding.operators[1]!, deployment.addresses.sesh, erc20Abi, "transfer", [wallet.address, half]);
  }
  const seshText = (atomic: bigint) => (Number(atomic) / 1e9).toString();

  await openWithWallet(page, "/stake", { privateKey: operator.privateKey });
  const form = page.getByTestId("open-multi");
  await form.getByLabel("Node registration output").fill(await prepareRegistration(operator.address));
  await form.getByLabel("Operator fee (%)").fill("5");
  await form.getByLabel("Your stake (SESH)").fill(seshText(half));
  // One reserved contributor more than the contract's maxContributors allows (the operator counts): refused before any transaction.
  const maxContributors = Number(await publicClient.readContract({ address: deployment.addresses.serviceNodeRewards, abi: parseAbi(["function maxContributors() view returns (uint256)"]), functionName: "maxContributors" }));
  const tooMany = Array.from({ length: maxContributors }, (_, i) => `${devAccount(10 + i).address} 1`).join("\n");
  await form.getByLabel(/^Reserved contributors/).fill(tooMany);
  await form.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("multi-errors")).toContainText(`At most ${maxContributors} contributors, the operator included; ${maxContributors + 1} are listed.`);
  await expect(form.getByRole("button", { name: "Open the node for contributions" })).toBeDisabled();
  await shoot(page, "too-many-contributors");
  await form.getByLabel(/^Reserved contributors/).fill("");
  await form.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("multi-summary")).toContainText("Fee 5.00%");
  await form.getByRole("button", { name: "Open the node for contributions" }).click();
  await expect(page.getByTestId("deploy-status")).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
  const created = page.getByTestId("multi-created");
  const contract = ((await created.locator("code").first().textContent()) ?? "").toLowerCase();
  expect(contract).toMatch(/^0x[0-9a-f]{40}$/);
  await created.getByRole("button", { name: /^Approve/ }).click();
  await expect(page.getByTestId("operator-contribute-approve")).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
  await created.getByRole("button", { name: "Contribute" }).click();
  await expect(page.getByTestId("operator-contribute-contribute")).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
  await shoot(page, "multi-opened");

  // The second wallet, in its own browser context, finds the node in the list once indexed.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const other = await context.newPage();
  try {
    const contributorWallet = await openWithWallet(other, "/stake", { privateKey: contributor.privateKey });
    const row = other.getByTestId(`contract-${contract}`);
    await expect(row.getByTestId("contract-status")).toHaveText("Open for contributions", { timeout: 60_000 });
    await expect(row.getByTestId("contract-remaining")).toContainText(seshText(half).replace(/\B(?=(\d{3})+(?!\d))/g, ","));
    await row.getByRole("button", { name: "Contribute" }).click();
    const contribute = other.getByTestId("contribute-form");
    const amount = contribute.getByLabel("Amount to contribute (SESH)");
    await amount.fill("1");
    await contribute.getByRole("button", { name: /^Approve/ }).click();
    await expect(other.getByTestId("contribute-form-approve")).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
    await contribute.getByRole("button", { name: "Contribute" }).click();
    await expect(other.getByTestId("contribute-form-contribute-error")).toContainText("is below this node's minimum contribution");
    await expect(amount).toHaveValue("1");
    await shoot(other, "below-minimum");

    await amount.fill(seshText(half));
    await contribute.getByRole("button", { name: /^Approve/ }).click();
    await expect(other.getByTestId("contribute-form-approve")).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
    // The owner pauses staking between the page's check and the mining: the transaction reverts.
    const pausable = parseAbi(["function pause()", "function unpause()"]);
    contributorWallet.beforeNextSend(() => sendAs(deployment.owner, deployment.addresses.serviceNodeRewards, pausable, "pause", []));
    try {
      await contribute.getByRole("button", { name: "Contribute" }).click();
      const reverted = other.getByTestId("contribute-form-contribute-error");
      await expect(reverted).toHaveAttribute("data-kind", "reverted", { timeout: 30_000 });
      await expect(reverted).toContainText("The transaction was mined but failed, so nothing changed");
      await expect(reverted).toContainText("paused");
      await shoot(other, "reverted");
    } finally {
      await sendAs(deployment.owner, deployment.addresses.serviceNodeRewards, pausable, "unpause", []);
    }
    await contribute.getByRole("button", { name: "Contribute" }).click();
    await expect(other.getByTestId("contribute-form-contribute")).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
    // Filled: it registers itself and leaves the list; both wallets now have a node.
    await expect(row).toHaveCount(0, { timeout: 60_000 });
    const sql = postgres(e2eStack.databaseUrl, { max: 1 });
    let nodeId: string | undefined;
    try {
      [{ nodeId } = { nodeId: undefined }] = await sql<{ nodeId: string }[]>`SELECT "serviceNodeId"::text AS "nodeId" FROM "ContributionContract" WHERE address = ${contract} AND "serviceNodeId" IS NOT NULL`;
    } finally {
      await sql.end();
    }
    expect(nodeId).toBeDefined();
    await other.goto("/my-nodes");
    await expect(other.getByTestId(`my-node-${nodeId}`)).toContainText("(contributor)", { timeout: 60_000 });
    await shoot(other, "contributor-my-nodes");
  } finally {
    await context.close();
  }
});

test("a transaction the wallet cancels, the network drops or the wallet speeds up is told apart, and the form keeps what was typed", async ({ page }) => {
  test.setTimeout(180_000);
  const account = devAccount(5);
  const output = await prepareRegistration(account.address);
  const wallet = await openWithWallet(page, "/stake", { privateKey: account.privateKey });
  const solo = page.getByTestId("register-solo");
  const textarea = solo.getByLabel("Node registration output");
  await textarea.fill(output);
  await solo.getByRole("button", { name: "Check" }).click();
  await expect(page.getByTestId("registration-summary")).toBeVisible();
  const status = page.getByTestId("approve-status");
  const approve = page.getByRole("button", { name: "Approve exact amount" });

  // Cancelled in the wallet while the page waits: another transaction takes its nonce.
  let held = wallet.holdNext();
  await approve.click();
  // The page has seen it in the network's pool before the wallet acts: nothing depends on timing.
  await expect(status).toHaveAttribute("data-seen", "true");
  await expect(status).toContainText("the network has it (nonce");
  const cancel = await held.cancel();
  const error = page.getByTestId("approve-status-error");
  await expect(error).toHaveAttribute("data-kind", "replaced", { timeout: 30_000 });
  await expect(error).toContainText(`Your wallet cancelled this transaction with another one (${cancel.slice(0, 10)}…). Nothing from the original was done`);
  await expect(status.getByRole("link").first()).toHaveAttribute("href", `/tx/${await held.sent}`);
  await expect(textarea).toHaveValue(output);
  await shoot(page, "replaced");

  // Dropped from the pool: never mined, its nonce unused; told after blocks pass without it.
  held = wallet.holdNext();
  await approve.click();
  await expect(status).toHaveAttribute("data-seen", "true");
  await held.drop();
  await expect(error).toHaveAttribute("data-kind", "dropped", { timeout: 60_000 });
  await expect(error).toContainText("The transaction was not mined and the network no longer knows it (dropped). Nothing was done");
  await expect(textarea).toHaveValue(output);
  await shoot(page, "dropped");

  // Sped up: the same approval mined under a new hash is what the user asked for: confirmed.
  held = wallet.holdNext();
  await approve.click();
  await expect(status).toHaveAttribute("data-seen", "true");
  const faster = await held.speedUp();
  await expect(status).toHaveAttribute("data-status", "confirmed", { timeout: 30_000 });
  await expect(status).toContainText("your wallet sped it up");
  await expect(status.getByRole("link").first()).toHaveAttribute("href", `/tx/${faster}`);
  await expect(page.getByTestId("approval-done")).toBeVisible();
  const { deployment } = devnet();
  const allowance = await publicClient.readContract({ address: deployment.addresses.sesh, abi: erc20Abi, functionName: "allowance", args: [account.address, deployment.addresses.serviceNodeRewards] });
  expect(allowance).toBe(await stakingRequirement());
});

test("completes an exit the network signs after the 15-day unlock: the node shows as exited and its stake comes back to claim", async ({ page }) => {
  test.setTimeout(240_000);
  // The history leaves exits requested weeks ago whose owners never completed them: past the
  // 15-day unlock (the network signs), not yet past the 30-day wait. The youngest is taken here,
  // the oldest is left for the after-the-wait test (staking-after-wait.spec.ts).
  const node = await exitRequestedNode("youngest", { from: "15 days 1 hour", to: "29 days" });
  await openWithWallet(page, "/my-nodes", { impersonate: node.operator });
  await completeExitAndClaimStake(page, node, { way: /The network signs this exit now/, screenshot: "signed-exit" });
  const sql = postgres(e2eStack.databaseUrl, { max: 1 });
  try {
    const [row] = await sql<{ state: string; returnedAmount: string }[]>`SELECT state, "returnedAmount"::text AS "returnedAmount" FROM "ServiceNode" WHERE id = ${node.id}`;
    expect(row).toEqual({ state: "exited", returnedAmount: node.stake.toString() });
  } finally {
    await sql.end();
  }
});
