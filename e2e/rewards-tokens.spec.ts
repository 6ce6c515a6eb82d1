import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createPublicClient, http, parseAbi, parseAbiItem, type Address } from "viem";
import { e2eStack } from "./e2e-stack";

// The reward and token pages' totals against the devnet contracts, read with eth_call. The
// live devnet keeps moving (transfers every block, a pool release every hundred), so the
// chain's values are brought back to the block the page says it shows, using the transfers
// in between.

const erc20 = parseAbi(["function balanceOf(address) view returns (uint256)", "function totalSupply() view returns (uint256)"]);
const transferEvent = parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 value)");
const client = createPublicClient({ transport: http(e2eStack.rpcUrl) });
const UNIT = 1_000_000_000n;

async function deployment(): Promise<{ sesh: Address; serviceNodeRewards: Address; rewardRatePool: Address; vesting: Address[] }> {
  const record = JSON.parse(await readFile(path.join(e2eStack.dataDir, "devnet", "devnet.json"), "utf8")) as {
    deployment: { addresses: { sesh: Address; serviceNodeRewards: Address; rewardRatePool: Address; vesting: Address[] } };
  };
  return record.deployment.addresses;
}

/** `holder`'s SESH balance at `block` (≤ head): the head's balance less the transfers since. */
async function balanceAt(sesh: Address, holder: Address, block: bigint): Promise<bigint> {
  for (let attempt = 1; ; attempt++) {
    try {
      const head = await client.getBlockNumber({ cacheTime: 0 });
      // anvil keeps no old states: read at the head just seen (a new block may pre-empt it: retry).
      const now = await client.readContract({ address: sesh, abi: erc20, functionName: "balanceOf", args: [holder], blockNumber: head });
      if (head <= block) return now;
      const [incoming, outgoing] = await Promise.all([
        client.getLogs({ address: sesh, event: transferEvent, args: { to: holder }, fromBlock: block + 1n, toBlock: head }),
        client.getLogs({ address: sesh, event: transferEvent, args: { from: holder }, fromBlock: block + 1n, toBlock: head }),
      ]);
      return now - incoming.reduce((t, l) => t + l.args.value!, 0n) + outgoing.reduce((t, l) => t + l.args.value!, 0n);
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

const wholeSesh = (text: string | null) => BigInt((text ?? "").replace(/[^\d]/g, ""));
const asOfBlock = async (page: Page) => BigInt((await page.getByTestId("as-of-block").textContent()) ?? "");

test("/tokens shows the token's supply, the pool's and the vesting contracts' balances the chain holds", async ({ page }) => {
  const a = await deployment();
  await page.goto("/tokens");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tokens");
  const block = await asOfBlock(page);

  const totalSupply = await client.readContract({ address: a.sesh, abi: erc20, functionName: "totalSupply" });
  expect(wholeSesh(await page.getByTestId("total-supply").textContent())).toBe(totalSupply / UNIT);
  const pool = await balanceAt(a.sesh, a.rewardRatePool, block);
  expect(wholeSesh(await page.getByTestId("token-pool-balance").textContent())).toBe(pool / UNIT);

  // The supply table carries exact amounts (9 decimals) in each cell's title.
  const exact = async (figure: RegExp) => {
    const title = await page.getByTestId("supply-table").getByRole("row", { name: figure }).locator('[data-key="amount"] span').getAttribute("title");
    return BigInt((title ?? "").replace(/[^\d]/g, ""));
  };
  expect(await exact(/Total supply/)).toBe(totalSupply);
  expect(await exact(/Staking reward pool/)).toBe(pool);
  let vesting = 0n;
  for (const v of a.vesting) vesting += await balanceAt(a.sesh, v, block);
  expect(await exact(/vesting contracts/)).toBe(vesting);
  expect(await exact(/Held by ServiceNodeRewards/)).toBe(await balanceAt(a.sesh, a.serviceNodeRewards, block));
  await expect(page.getByTestId("holder-check")).toContainText("every indexed balance equals the sum of its transfers");

  // The genesis categories' CSV: ten categories adding up to the supply, as the page lists them.
  const download = page.waitForEvent("download");
  await page.getByTestId("categories-table").locator("xpath=ancestor::div[contains(@class,'exportable-table')]").getByTestId("download-csv").click();
  const csv = await readFile(await (await download).path(), "utf8");
  const [header, ...lines] = csv.trim().split("\r\n");
  expect(header).toMatch(/^category,lockups,allocation,wallet,held,/);
  expect(lines).toHaveLength(10);
  const column = header!.split(",").indexOf("allocation");
  const allocations = lines.map((l) => BigInt(l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ""))[column]!));
  expect(allocations.reduce((t, v) => t + v, 0n)).toBe(totalSupply);
  await expect(page.getByTestId("categories-table").locator("tbody tr")).toHaveCount(10);

  // The foundation's allocation is linked by its anchor.
  await page.goto("/tokens#foundation-allocation");
  await expect(page.locator("#foundation-allocation")).toBeInViewport();
  await expect(page.getByTestId("foundation-allocation-held")).toHaveText(/SESH/);

  await page.screenshot({ path: "test-results/tokens-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/tokens");
  await page.screenshot({ path: "test-results/tokens-phone.png", fullPage: true });
});

test("/rewards shows the pool and the rewards contract as the chain has them, and reconciles to the unit", async ({ page, request }) => {
  const a = await deployment();
  await page.goto("/rewards?period=all&bucket=week");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rewards");
  const block = await asOfBlock(page);
  expect(wholeSesh(await page.getByTestId("pool-balance").textContent())).toBe((await balanceAt(a.sesh, a.rewardRatePool, block)) / UNIT);
  expect(wholeSesh(await page.getByTestId("rewards-contract-balance").textContent())).toBe((await balanceAt(a.sesh, a.serviceNodeRewards, block)) / UNIT);

  // Every identity's two sides agree.
  const differences = await page.getByTestId("reconciliation-table").locator('td[data-key="difference"]').allTextContents();
  expect(differences.length).toBeGreaterThanOrEqual(6);
  expect(differences.every((d) => d.trim() === "0")).toBe(true);
  await expect(page.getByTestId("recipients-table").locator("tbody tr")).toHaveCount(25);
  const topRecipient = await page.getByTestId("recipients-table").locator("tbody tr th a").first().getAttribute("title");
  await expect(page.getByTestId("liquidations-table").locator("tbody tr").first()).toBeVisible();

  // The series CSV is the table behind the charts; its totals are the page's all-time totals.
  await page.getByText("The numbers behind the charts").click();
  const download = page.waitForEvent("download");
  await page.getByTestId("series-table").locator("xpath=ancestor::div[contains(@class,'exportable-table')]").getByTestId("download-csv").click();
  const csv = (await readFile(await (await download).path(), "utf8")).trim().split("\r\n");
  expect(csv[0]).toMatch(/^bucket_start,released,reward_credited,stake_returned,claimed,cumulative_released,/);
  const released = csv.slice(1).reduce((t, l) => t + BigInt(l.split(",")[1]!), 0n);
  const summary = (await (await request.get("/api/rewards/summary?period=all")).json()) as { asOfBlock: string; rows: { figure: string; all_time: string }[] };
  const releasedAllTime = BigInt(summary.rows.find((r) => r.figure === "Released by the pool")!.all_time);
  // A release may land between the page and the download: only then may they differ.
  if (summary.asOfBlock === block.toString()) expect(released).toBe(releasedAllTime);
  else expect(released <= releasedAllTime).toBe(true);

  // Bad input is a clear message, never a 500.
  const bad = await request.get("/api/rewards/series?period=fortnight&format=csv");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toContain("period must be one of");
  await page.goto("/rewards?bucket=hour");
  await expect(page.getByTestId("bad-params")).toContainText("bucket must be one of day, week, month");

  // One recipient over time, reached from the recipients table: its own series and nodes.
  await page.goto("/rewards?period=all");
  await page.getByTestId("recipients-table").getByRole("link", { name: "over time" }).first().click();
  await expect(page).toHaveURL(new RegExp(`recipient=${topRecipient}`));
  await expect(page.getByTestId("recipient-section")).toBeVisible();
  await expect(page.getByTestId("recipient-nodes-table").locator("tbody tr").first()).toBeVisible();
  await page.screenshot({ path: "test-results/rewards-recipient-desktop.png", fullPage: true });

  await page.goto("/rewards");
  await page.screenshot({ path: "test-results/rewards-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/rewards-phone.png", fullPage: true });
});
