import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { planNetwork, type ScenarioConfig } from "../devnet/scenario/network-plan";
import { e2eStack } from "./e2e-stack";

/** The scenario the stack's devnet was written from, as it recorded it. */
async function stackScenario(): Promise<{ scenario: ScenarioConfig; historyEndBlock: bigint }> {
  const record = JSON.parse(await readFile(path.join(e2eStack.dataDir, "devnet", "devnet.json"), "utf8")) as { scenario: ScenarioConfig; historyEndBlock: string };
  return { scenario: record.scenario, historyEndBlock: BigInt(record.historyEndBlock) };
}

const sql = postgres(e2eStack.databaseUrl, { max: 1, onnotice: () => {} });
test.afterAll(async () => {
  await sql.end();
});

test.beforeAll(async () => {
  // The indexer derives the daily series beside the chain loop: wait until it covers the history.
  const { historyEndBlock } = await stackScenario();
  await expect
    .poll(async () => {
      const [row] = await sql<{ block: string | null }[]>`SELECT "sourceBlock"::text AS block FROM "GovernanceDerivation" WHERE source = 'chain'`;
      return row?.block ? BigInt(row.block) >= historyEndBlock : false;
    }, { timeout: 120_000 })
    .toBe(true);
});

test("the foundation page's gauge is the database's count, and the scenario's crossing is listed with its transactions", async ({ page }) => {
  const { scenario } = await stackScenario();
  const plan = planNetwork(scenario);
  const foundation = plan.foundationAddresses.map((a) => a.toLowerCase());

  await page.goto("/foundation");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("10% pledge");
  // The gauge names the block it counted at: count the same block straight from the database.
  const block = BigInt((await page.getByTestId("gauge-block").textContent())!.trim());
  const [direct] = await sql<{ total: number; foundation: number }[]>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE operator = ANY(${foundation}::text[]))::int AS foundation
    FROM "ServiceNode" WHERE "registeredBlock" <= ${block.toString()} AND ("endedBlock" IS NULL OR "endedBlock" > ${block.toString()})`;
  await expect(page.getByTestId("foundation-count")).toContainText(`${direct!.foundation} of ${direct!.total.toLocaleString("en-US")}`);
  const shown = Number((await page.getByTestId("foundation-share").textContent())!.replace("%", ""));
  expect(shown).toBeCloseTo((direct!.foundation / direct!.total) * 100, 2);
  await expect(page.getByTestId("ways-operated")).toContainText(`${direct!.foundation} of`);

  // Which addresses count, and why, is on the page.
  await page.getByTestId("foundation-attribution").locator("summary").click();
  for (const address of foundation) await expect(page.getByTestId("foundation-attribution")).toContainText(address.slice(0, 8));

  // The scenario's burst takes the foundation above 10% on its first day.
  const crossingDay = new Date(plan.crossing.from * 1000).toISOString().slice(0, 10);
  const periods = page.getByTestId("breach-periods");
  await expect(periods.locator(`tr#day-${crossingDay}`)).toHaveCount(1);
  const crossingTxs = await periods.locator(`tr#day-${crossingDay} td:nth-child(2) a`).evaluateAll((links) => links.map((a) => a.getAttribute("title")));
  expect(crossingTxs.length).toBeGreaterThan(0);
  const registered = await sql<{ tx: string }[]>`
    SELECT "registeredTx" AS tx FROM "ServiceNode" WHERE operator = ANY(${foundation}::text[]) AND to_char("registeredAt", 'YYYY-MM-DD') = ${crossingDay}`;
  for (const tx of crossingTxs) expect(registered.map((r) => r.tx)).toContain(tx);

  await page.screenshot({ path: "test-results/foundation-desktop.png", fullPage: true });
});

test("the transparency report downloads as CSV and prints as a page, with evidence for each figure", async ({ page }) => {
  await page.goto("/foundation");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-csv").click()]);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("section,figure,value,as_of,block,tx,source");
  expect(lines.some((l) => l.startsWith("pledge,foundation nodes operated,"))).toBe(true);
  // each crossing figure carries its block and transaction
  const breaches = lines.filter((l) => l.startsWith("breach,") && l.includes("crossing transaction"));
  expect(breaches.length).toBeGreaterThan(0);
  for (const line of breaches) expect(line).toMatch(/,\d+,0x[0-9a-f]{64},/);

  const json = await (await page.request.get("/api/foundation/report?format=json")).json() as { rows: { figure: string; value: string }[] };
  expect(json.rows.length).toBe(lines.length - 1);

  await page.goto("/foundation/report");
  await expect(page.getByTestId("report-summary")).toContainText("nodes");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
});

test("the operators page ranks entities, its download holds the rows shown, and bad parameters get a clear message", async ({ page, request }) => {
  await page.goto("/operators");
  const rows = page.getByTestId("leaderboard").locator("tbody tr");
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(10);
  await expect(page.getByTestId("leaderboard").locator('tr[data-entity-kind="foundation"]')).toHaveCount(1);
  await expect(page.getByTestId("concentration-now").locator('tr[data-dimension="operator-nodes"] td').first()).not.toHaveText("");
  const download = await request.get("/api/operators?format=json");
  const body = (await download.json()) as { rows: { entity_id: string; nodes_operated: number }[] };
  expect(body.rows).toHaveLength(shown);
  const [direct] = await sql<{ nodes: number }[]>`
    SELECT count(*)::int AS nodes FROM "ServiceNode" WHERE state IN ('active', 'exit_requested') AND operator = ${body.rows.find((r) => r.entity_id.startsWith("0x"))!.entity_id}`;
  expect(body.rows.find((r) => r.entity_id.startsWith("0x"))!.nodes_operated).toBe(direct!.nodes);
  await page.screenshot({ path: "test-results/operators-desktop.png", fullPage: true });

  await page.goto("/operators?top=zero");
  await expect(page.getByTestId("param-error")).toContainText("top must be a number");
  expect((await request.get("/api/operators?top=0")).status()).toBe(400);
  expect((await request.get("/api/foundation/history?format=xls")).status()).toBe(400);
});

test("the alert feed lists the crossing as Atom", async ({ request }) => {
  const res = await request.get("/foundation/alerts.xml");
  expect(res.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await res.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toMatch(/alert:foundation-breach:\d{4}-\d{2}-\d{2}/);
});
