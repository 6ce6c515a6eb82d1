// WalletConnect end to end without the internet: the page pairs through a local relay that speaks
// relay.walletconnect.org's protocol, with a "phone wallet" in this test process (WalletConnect's
// own sign-client) that signs with a devnet key and sends real transactions to the devnet.
import { expect, test } from "@playwright/test";
import { erc20Abi } from "viem";
import { startWalletConnectRelay, type WalletConnectRelay } from "../devnet/walletconnect-relay/walletconnect-relay";
import { startPhoneWallet, type PhoneWallet } from "../test-support/walletconnect-phone-wallet";
import { e2eStack } from "./e2e-stack";
import { devAccount, devnet, DEVNET_CHAIN_ID, prepareRegistration, publicClient, shoot, stakingRequirement } from "./support/staking-devnet";

let relay: WalletConnectRelay;
let phone: PhoneWallet | undefined;
test.beforeAll(async () => {
  relay = await startWalletConnectRelay({ port: e2eStack.walletConnect.relayPort });
});
test.afterAll(async () => {
  await phone?.stop();
  await relay?.stop();
});

test("pairs a phone wallet by WalletConnect through a local relay, shows its balances and approves SESH with it", async ({ page }) => {
  test.setTimeout(180_000);
  const account = devAccount(6);
  phone = await startPhoneWallet({ relayUrl: relay.url, projectId: e2eStack.walletConnect.projectId, privateKey: account.privateKey, chainId: DEVNET_CHAIN_ID, rpcUrl: e2eStack.rpcUrl });
  // The internet is out of reach: WalletConnect's side services (verify, analytics) must fail
  // quietly. Anything the page asks of them is recorded to check that it stays a handful.
  const outside: string[] = [];
  page.on("request", (r) => {
    const host = new URL(r.url()).hostname;
    if (host !== "127.0.0.1" && host !== "localhost" && !r.url().startsWith("data:")) outside.push(r.url());
  });

  await page.goto("/stake");
  await expect(page.getByTestId("no-wallet")).toContainText("connect a phone wallet through WalletConnect below");
  await page.getByRole("button", { name: "WalletConnect (phone wallet)" }).click();
  const pairing = page.getByTestId("walletconnect-pairing");
  await expect(pairing.getByTestId("walletconnect-qr")).toBeVisible({ timeout: 30_000 });
  const uri = await pairing.getByLabel("Pairing link").inputValue();
  expect(uri).toMatch(/^wc:[0-9a-f]{64}@2\?/);
  await shoot(page, "walletconnect-qr");

  const paired = await phone.pair(uri);
  expect(paired.peerName).toBe("Session Network Explorer");
  await expect(page.getByTestId("wallet-address")).toHaveText(phone.address, { timeout: 30_000 });
  await expect(page.getByTestId("wallet-network")).toHaveText("Session devnet");
  await expect(page.getByTestId("wallet-eth")).toContainText("ETH");
  await expect(pairing).toHaveCount(0);

  // A real staking step signed on the "phone": the SESH approval of a solo registration.
  const solo = page.getByTestId("register-solo");
  await solo.getByLabel("Node registration output").fill(await prepareRegistration(account.address));
  await solo.getByRole("button", { name: "Check" }).click();
  await page.getByRole("button", { name: "Approve exact amount" }).click();
  await expect(page.getByTestId("approve-status")).toHaveAttribute("data-status", "confirmed", { timeout: 60_000 });
  expect(phone.requests.map((r) => r.method)).toContain("eth_sendTransaction");
  expect(phone.sent).toHaveLength(1);
  await expect(page.getByTestId("approve-status").getByRole("link").first()).toHaveAttribute("href", `/tx/${phone.sent[0]}`);
  const { deployment } = devnet();
  const allowance = await publicClient.readContract({ address: deployment.addresses.sesh, abi: erc20Abi, functionName: "allowance", args: [account.address, deployment.addresses.serviceNodeRewards] });
  expect(allowance).toBe(await stakingRequirement());
  await shoot(page, "walletconnect-approved");

  const counts = relay.methodCounts();
  expect(counts.wc_proposeSession).toBe(1);
  expect(counts.wc_approveSession).toBe(1);
  // The session requests and answers, relayed as ordinary publishes.
  expect(counts.irn_publish).toBeGreaterThanOrEqual(2);
  // Blocked fast by the browser's flags; a flood would mean a retry loop against the internet.
  expect(outside.length, outside.join("\n")).toBeLessThan(20);
});
