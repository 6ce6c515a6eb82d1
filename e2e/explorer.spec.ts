import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { e2eStack } from "./e2e-stack";

const sql = postgres(e2eStack.databaseUrl, { max: 2, onnotice: () => {} });
test.afterAll(async () => {
  await sql.end();
});

const number = (text: string | null) => Number((text ?? "").replace(/[^\d.]/g, ""));

/** RFC 4180 CSV as the download route writes it (quoted fields may hold commas and quotes). */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") record.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      (field = ""), (record = []), i++;
    } else field += ch;
  }
  const [keys, ...rows] = records;
  return rows.map((r) => Object.fromEntries(r.map((v, i) => [keys![i], v])));
}

async function downloadCsv(page: Page, scope = page.locator("body")): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent("download"), scope.getByTestId("download-csv").first().click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return parseCsv(Buffer.concat(chunks).toString("utf8"));
}

test("the node list filters, sorts and pages through the nodes the database holds, and its CSV is the rows shown", async ({ page }) => {
  const [picked] = await sql<{ country: string }[]>`
    SELECT h.country FROM "ServiceNode" s JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
    WHERE s.state = 'active' AND h.active GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const country = picked!.country;

  await page.goto("/nodes");
  const [all] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM "ServiceNode"`;
  expect(number(await page.getByTestId("node-total").textContent())).toBe(all!.n);

  // Filters go through the form into the URL.
  await page.locator("select[name=status]").selectOption("active");
  await page.locator("select[name=country]").selectOption(country);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`status=active.*country=${country}`));
  const ids = await sql<{ id: string; staked: string }[]>`
    SELECT s.id::text, s."totalStaked"::text AS staked FROM "ServiceNode" s JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
    WHERE s.state = 'active' AND h.active AND h.country = ${country} ORDER BY s.id`;
  await expect(page.getByTestId("node-count")).toContainText(`${ids.length.toLocaleString("en-US")} nodes match`);

  // Page 2 continues where page 1 stopped.
  const firstOnPage1 = await page.getByTestId("node-link").first().textContent();
  expect(firstOnPage1).toBe(ids[0]!.id);
  if (ids.length > 50) {
    await page.getByTestId("next-page").click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId("node-link").first()).toHaveText(ids[50]!.id);
    await page.getByTestId("prev-page").click();
    await expect(page).not.toHaveURL(/page=2/);
    await expect(page.getByTestId("node-link").first()).toHaveText(ids[0]!.id);
  }

  // The download holds exactly the rows of the page, with exact stakes. The network is live (a
  // heartbeat poll may land between two reads), so compare one consistent reading, retried.
  await expect(async () => {
    await page.reload();
    const now = await sql<{ id: string; staked: string }[]>`
      SELECT s.id::text, s."totalStaked"::text AS staked FROM "ServiceNode" s JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
      WHERE s.state = 'active' AND h.active AND h.country = ${country} ORDER BY s.id`;
    const rows = await downloadCsv(page);
    expect(rows.map((r) => r.id)).toEqual(now.slice(0, 50).map((r) => r.id));
    expect(rows.map((r) => r.total_staked)).toEqual(now.slice(0, 50).map((r) => r.staked));
    expect(rows.every((r) => r.status === "active" && r.country === country)).toBe(true);
  }).toPass({ timeout: 45_000 });

  // Sorting by stake, largest first.
  await page.getByTestId("sort-total_staked").click();
  await expect(page).toHaveURL(/sort=stake/);
  const [top] = await sql<{ staked: string }[]>`
    SELECT max(s."totalStaked")::text AS staked FROM "ServiceNode" s JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
    WHERE s.state = 'active' AND h.active AND h.country = ${country}`;
  const firstStake = await page.getByTestId("nodes-table").locator("tbody tr").first().locator("td").nth(3).textContent();
  expect(BigInt(number(firstStake).toFixed(0))).toBe(BigInt(top!.staked) / 1_000_000_000n);

  // Open a node from the list.
  const id = await page.getByTestId("node-link").first().textContent();
  await page.getByTestId("node-link").first().click();
  await expect(page).toHaveURL(new RegExp(`/nodes/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Node ${id}`);
  const [node] = await sql<{ ed25519: string; bls: string }[]>`SELECT "ed25519Pubkey" AS ed25519, "blsPubkey" AS bls FROM "ServiceNode" WHERE id = ${id!}::bigint`;
  await expect(page.getByTestId("ed25519-key")).toHaveText(node!.ed25519);
  await expect(page.getByTestId("bls-key")).toHaveText(node!.bls);
  await expect(page.getByTestId("events-table").locator("tbody tr")).not.toHaveCount(0);
  await expect(page.getByTestId("rewards-note")).toContainText("per recipient address, not per node");
  await expect(page.getByTestId("uptime-share")).toContainText(/observed hours up/);
});

test("bad list parameters get a clear message, and a 400 from the download route", async ({ page, request }) => {
  const res = await page.goto("/nodes?page=0&status=happy");
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("query-error")).toContainText("page must be 1 or more");
  await expect(page.getByTestId("query-error")).toContainText("status must be one of");
  const api = await request.get("/api/nodes?sort=colour");
  expect(api.status()).toBe(400);
  expect(((await api.json()) as { error: string }).error).toMatch(/sort must be one of/);
  expect((await request.get("/api/nodes/abc?table=events")).status()).toBe(400);
});

test("the header search jumps to a node, an address and a transaction, and explains a miss", async ({ page }) => {
  const [n] = await sql<{ id: string; operator: string; tx: string; ed25519: string }[]>`
    SELECT id::text, operator, "registeredTx" AS tx, "ed25519Pubkey" AS ed25519 FROM "ServiceNode" WHERE state = 'active' ORDER BY id DESC LIMIT 1`;
  const search = async (q: string) => {
    await page.getByRole("search").getByRole("searchbox").fill(q);
    await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  };
  await page.goto("/");
  await search(n!.ed25519);
  await expect(page).toHaveURL(new RegExp(`/nodes/${n!.id}$`));
  await search(n!.id);
  await expect(page).toHaveURL(new RegExp(`/nodes/${n!.id}$`));
  await search(n!.operator.toUpperCase().replace("0X", "0x"));
  await expect(page).toHaveURL(new RegExp(`/address/${n!.operator}$`));
  await expect(page.getByTestId("operated-count")).not.toHaveText("0");
  await search(n!.tx);
  await expect(page).toHaveURL(new RegExp(`/tx/${n!.tx}$`));
  await expect(page.getByTestId("tx-events-table")).toContainText(/NewServiceNodeV2|NewSeededServiceNode/);
  await search("not a thing");
  await expect(page.getByTestId("search-message")).toContainText("is not a node id");
});

test("the address page's balance is the sum of its transfers", async ({ page }) => {
  const [a] = await sql<{ address: string; balance: string }[]>`
    WITH t AS (
      SELECT args->>'to' AS address, (args->>'value')::numeric AS v FROM "ChainEvent" WHERE contract = 'SESH' AND "eventName" = 'Transfer'
      UNION ALL SELECT args->>'from', -(args->>'value')::numeric FROM "ChainEvent" WHERE contract = 'SESH' AND "eventName" = 'Transfer'
    )
    SELECT address, sum(v)::text AS balance FROM t WHERE address <> '0x0000000000000000000000000000000000000000'
    GROUP BY 1 HAVING count(*) > 3 ORDER BY sum(v) DESC LIMIT 1`;
  await page.goto(`/address/${a!.address}`);
  expect(number(await page.getByTestId("sesh-balance").textContent())).toBe(Number(BigInt(a!.balance.split(".")[0]!) / 1_000_000_000n));
  const transfers = await downloadCsv(page, page.locator("section", { has: page.getByTestId("transfers-table") }));
  expect(transfers.length).toBeGreaterThan(0);
  expect(transfers.every((t) => t.from === a!.address || t.to === a!.address)).toBe(true);
});

test("the distribution states the largest country's share as the database counts it", async ({ page }) => {
  await page.goto("/distribution");
  await expect(page.getByTestId("world-map")).toBeVisible();
  const [c] = await sql<{ top: number; total: number }[]>`
    SELECT max(n)::int AS top, sum(n)::int AS total FROM (
      SELECT count(*) AS n FROM "ServiceNode" s JOIN "NodeHeartbeat" h ON h."serviceNodeId" = s.id
      WHERE s.state IN ('active', 'exit_requested') GROUP BY h.country) g`;
  const shown = number(await page.getByTestId("top-country-share").textContent());
  expect(Math.abs(shown - (100 * c!.top) / c!.total)).toBeLessThan(1);
  const countries = await downloadCsv(page, page.locator("section", { has: page.getByTestId("country-table") }));
  expect(countries.reduce((sum, r) => sum + Number(r.nodes), 0)).toBe(c!.total);
});

test("the overview adds supply share, reward pool and 90 days of nodes and stake", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("staked-share")).toContainText(/% of the [\d,]+ SESH supply/);
  await expect(page.getByTestId("reward-pool-balance")).toContainText("SESH");
  const daily = await downloadCsv(page);
  expect(daily).toHaveLength(90);
  const [now] = await sql<{ nodes: number }[]>`SELECT count(*)::int AS nodes FROM "ServiceNode" WHERE "endedAt" IS NULL`;
  expect(Number(daily.at(-1)!.nodes)).toBe(now!.nodes);
});

test("each explorer page fits a phone screen", async ({ browser }) => {
  const [n] = await sql<{ id: string; operator: string; tx: string }[]>`SELECT id::text, operator, "registeredTx" AS tx FROM "ServiceNode" WHERE state = 'active' ORDER BY id LIMIT 1`;
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  for (const [name, path] of [["overview", "/"], ["nodes", "/nodes"], ["node", `/nodes/${n!.id}`], ["address", `/address/${n!.operator}`], ["tx", `/tx/${n!.tx}`], ["distribution", "/distribution"]] as const) {
    await phone.goto(path);
    // Wide tables scroll inside their own box; the page itself never scrolls sideways.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} overflows the phone width by ${overflow}px`).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: `test-results/explorer-${name}-phone.png`, fullPage: true });
  }
  await phone.close();
});
