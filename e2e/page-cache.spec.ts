import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { PAGE_EXPIRE_SECONDS, PAGE_FRESH_SECONDS } from "../lib/page-cache/canonical-page-url";
import { e2eStack } from "./e2e-stack";

// The page cache in front of the web app (web-cache/): cached pages follow the database within
// the fresh time plus a render, and nothing else is cached.
const sql = postgres(e2eStack.databaseUrl, { max: 1, onnotice: () => {} });
test.afterAll(async () => {
  await sql.end();
});

const number = (text: string | null) => Number((text ?? "").replace(/[^\d.]/g, ""));
const withinTtl = { timeout: (PAGE_FRESH_SECONDS + 4) * 1000, intervals: [500] };

test("a cached node page shows a change in the database within the cache's fresh time", async ({ request }) => {
  // An exited node: the indexer has no reason to write its row again while the test edits it.
  const [node] = await sql<{ id: string; fee: number }[]>`SELECT id::text, fee FROM "ServiceNode" WHERE state = 'exited' ORDER BY id LIMIT 1`;
  expect(node).toBeDefined();
  const feeText = async () => {
    const res = await request.get(`/nodes/${node!.id}`);
    expect(res.status()).toBe(200);
    // React separates text pieces with <!-- --> in the HTML.
    const text = (await res.text()).replaceAll("<!-- -->", "");
    return { cache: res.headers()["x-page-cache"], fee: /operator fee ([\d.]+)%/.exec(text)?.[1] };
  };
  await feeText();
  const first = await feeText();
  expect(first.cache).toBe("HIT");
  expect(first.fee).toBe((node!.fee / 100).toFixed(2));

  const changed = node!.fee === 1234 ? 1235 : 1234;
  await sql`UPDATE "ServiceNode" SET fee = ${changed} WHERE id = ${node!.id}::bigint`;
  try {
    const started = Date.now();
    await expect(async () => expect((await feeText()).fee).toBe((changed / 100).toFixed(2))).toPass(withinTtl);
    // One request may still get the copy from before the change (served stale while it renders).
    expect(Date.now() - started).toBeLessThan((PAGE_FRESH_SECONDS + 2) * 1000);
  } finally {
    await sql`UPDATE "ServiceNode" SET fee = ${node!.fee} WHERE id = ${node!.id}::bigint`;
  }
});

test("the overview's last indexed block follows the indexer within the cache's expiry", async ({ page }) => {
  await page.goto("/");
  const shown = number(await page.getByTestId("last-indexed-block").textContent());
  // Wait for the indexer to move past what the page showed (a devnet block every 5 s).
  let target = 0;
  await expect(async () => {
    const [row] = await sql<{ block: string }[]>`SELECT "blockNumber"::text AS block FROM "IndexerCheckpoint" LIMIT 1`;
    target = Number(row!.block);
    expect(target).toBeGreaterThan(shown);
  }).toPass({ timeout: 30_000 });
  await expect(async () => {
    await page.reload();
    expect(number(await page.getByTestId("last-indexed-block").textContent())).toBeGreaterThanOrEqual(target);
  }).toPass({ timeout: (PAGE_EXPIRE_SECONDS + 4) * 1000, intervals: [1_000] });
  await expect(page.getByTestId("page-read-at")).toContainText("UTC");
});

test("wallet pages, the API, bad filters and other pages are never cached", async ({ request }) => {
  const [node] = await sql<{ id: string }[]>`SELECT id::text FROM "ServiceNode" ORDER BY id LIMIT 1`;
  for (const path of ["/stake", "/my-nodes", "/api/health", "/api/nodes?status=active", "/distribution", "/nodes?status=happy", `/nodes/${node!.id}?days=7`]) {
    for (let i = 0; i < 2; i++) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()["x-page-cache"], path).toBeUndefined();
    }
  }
  const bad = await request.get("/nodes?status=happy");
  expect(await bad.text()).toContain("status must be one of");
  // Equivalent node lists share one copy.
  await request.get("/nodes?status=active&sort=stake");
  expect((await request.get("/nodes?sort=stake&dir=desc&status=active&page=1")).headers()["x-page-cache"]).toMatch(/HIT|STALE/);
});
