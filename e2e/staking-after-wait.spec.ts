// Moves the devnet's clock forward, so it runs in its own Playwright project after every other
// spec (playwright.config.ts): the live network, the node simulator and the indexer all follow the
// chain's time, and the other specs expect it to be the wall clock's.
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { toFunctionSelector } from "viem";
import { e2eStack } from "./e2e-stack";
import { completeExitAndClaimStake, exitRequestedNode, openWithWallet, publicClient } from "./support/staking-devnet";

const MAX_EXIT_WAIT_SECONDS = 30 * 86_400;

async function anvil(method: string, params: unknown[]) {
  const res = await fetch(e2eStack.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

test("completes an exit without the network's signature once the contract's 30-day wait is over", async ({ page }) => {
  test.setTimeout(240_000);
  // The oldest exit the history left waiting (20 to 30 days old): jump only what remains of its
  // 30 days (MAX_SERVICE_NODE_EXIT_WAIT_TIME, counted from leaveRequestTimestamp) plus a minute.
  const node = await exitRequestedNode("oldest", { from: "15 days", to: "30 days" });
  const head = await publicClient.getBlock({ blockTag: "latest" });
  const jump = Math.floor(node.exitRequestedAt.getTime() / 1000) + MAX_EXIT_WAIT_SECONDS + 60 - Number(head.timestamp);
  expect(jump).toBeGreaterThan(0);
  await anvil("evm_increaseTime", [jump]);
  await anvil("evm_mine", []);
  const jumped = await publicClient.getBlock({ blockTag: "latest" });
  expect(Number(jumped.timestamp)).toBeGreaterThanOrEqual(Number(head.timestamp) + jump);

  await openWithWallet(page, "/my-nodes", { impersonate: node.operator });
  // The page judges the wait by the chain's time, so it offers the way needing no signature.
  await completeExitAndClaimStake(page, node, { way: /The 30-day wait is over/, screenshot: "after-wait-exit" });

  const sql = postgres(e2eStack.databaseUrl, { max: 1 });
  try {
    const [row] = await sql<{ state: string; returnedAmount: string; endedTx: string }[]>`
      SELECT state, "returnedAmount"::text AS "returnedAmount", "endedTx" FROM "ServiceNode" WHERE id = ${node.id}`;
    expect(row?.state).toBe("exited");
    expect(row?.returnedAmount).toBe(node.stake.toString());
    // Sent by the owner itself through exitBLSPublicKeyAfterWaitTime, not by the network's keeper.
    const tx = await publicClient.getTransaction({ hash: row!.endedTx as `0x${string}` });
    expect(tx.from.toLowerCase()).toBe(node.operator.toLowerCase());
    expect(tx.input.slice(0, 10)).toBe(toFunctionSelector("exitBLSPublicKeyAfterWaitTime(uint64)"));
  } finally {
    await sql.end();
  }
});
