import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { e2eStack } from "./e2e-stack";

/** How many nodes the simulator plays right now, asked the way the indexer asks. */
async function simulatedNodes(): Promise<{ total: number; active: number }> {
  const res = await fetch(e2eStack.oxendUrl, {
    method: "POST",
    body: JSON.stringify({ jsonrpc: "2.0", id: 0, method: "get_service_nodes", params: { fields: { pubkey_ed25519: true, active: true } } }),
  });
  const states = ((await res.json()) as { result: { service_node_states: { active: boolean }[] } }).result.service_node_states;
  return { total: states.length, active: states.filter((s) => s.active).length };
}

const number = (text: string | null) => Number((text ?? "").replace(/[^\d.]/g, ""));

test("the overview shows the nodes the simulator plays, the stake and the foundation's share", async ({ page }) => {
  const played = await simulatedNodes();
  expect(played.total).toBeGreaterThan(1_500);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Session Network/);
  const active = number(await page.getByTestId("active-node-count").textContent());
  expect(active).toBe(played.active);

  // The page's figures are the database's figures.
  const sql = postgres(e2eStack.databaseUrl, { max: 1 });
  try {
    const [row] = await sql<{ staked: string; lastBlock: string }[]>`
      SELECT (SELECT coalesce(sum("totalStaked"), 0)::text FROM "ServiceNode" WHERE state IN ('active', 'exit_requested')) AS staked,
             (SELECT "blockNumber"::text FROM "IndexerCheckpoint" LIMIT 1) AS "lastBlock"`;
    const stakedSesh = BigInt(row!.staked) / 1_000_000_000n;
    expect(number(await page.getByTestId("total-staked").textContent())).toBeCloseTo(Number(stakedSesh), -1);
    expect(number(await page.getByTestId("last-indexed-block").textContent())).toBeGreaterThanOrEqual(Number(row!.lastBlock) - 100);
  } finally {
    await sql.end();
  }
  const share = await page.getByTestId("foundation-share").textContent();
  expect(share).toMatch(/\d+(\.\d+)?%/);
  await page.screenshot({ path: "test-results/overview-desktop.png", fullPage: true });
});

test("the health endpoint reports the indexer's state", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { status: string; chain: { lastBlock: string }; database: string };
  expect(["ok", "stale"]).toContain(body.status);
  expect(BigInt(body.chain.lastBlock)).toBeGreaterThan(0n);
  expect(body.database).toBe("ok");
});
