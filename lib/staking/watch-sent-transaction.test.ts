// Against a real anvil that mines only when told to: every outcome is made on purpose, in order.
import { createPublicClient, createWalletClient, custom, http, type Hash, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalChain, type LocalChain } from "../../devnet/local-chain";
import { findFreePort } from "../../devnet/port-check";
import { TransactionDroppedError, TransactionReplacedError } from "./transaction-failure";
import { watchSentTransaction } from "./watch-sent-transaction";

const account = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const dead = "0x000000000000000000000000000000000000dEaD";
const fees = { maxFeePerGas: 3_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n, gas: 50_000n };
const higher = { maxFeePerGas: 9_000_000_000n, maxPriorityFeePerGas: 3_000_000_000n, gas: 50_000n };

let chain: LocalChain;
let client: PublicClient;
let rpc: (method: string, params?: unknown[]) => Promise<unknown>;

beforeAll(async () => {
  chain = await startLocalChain({ port: await findFreePort(), chainId: 31337 });
  client = createPublicClient({ chain: foundry, transport: http(chain.rpcUrl) });
  rpc = async (method, params = []) => {
    const res = await fetch(chain.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
    return ((await res.json()) as { result: unknown }).result;
  };
});
afterAll(() => chain?.stop());

const wallet = () => createWalletClient({ chain: foundry, transport: http(chain.rpcUrl), account });
const nextNonce = () => client.getTransactionCount({ address: account.address, blockTag: "pending" });

/** Starts watching `hash` through `via`; resolves `seen` when the watcher first finds it pending. */
function watch(hash: Hash, dropped = { ms: 0, blocks: 2n }, via: PublicClient = client) {
  let markSeen!: (nonce: number) => void;
  const seen = new Promise<number>((resolve) => (markSeen = resolve));
  const result = watchSentTransaction(via, { hash, from: account.address, pollMs: 50, dropped, onSeen: ({ nonce }) => markSeen(nonce) });
  result.catch(() => {});
  return { seen, result };
}

describe("watchSentTransaction", () => {
  it("returns the receipt of a mined transaction", async () => {
    const hash = await wallet().sendTransaction({ to: dead, value: 1n, ...fees });
    const w = watch(hash);
    await w.seen;
    await rpc("evm_mine");
    const { receipt, repricedBy } = await w.result;
    expect(receipt.transactionHash).toBe(hash);
    expect(receipt.status).toBe("success");
    expect(repricedBy).toBeUndefined();
  });

  it("follows a speed-up (same call, higher fee) to the replacement's receipt", async () => {
    const nonce = await nextNonce();
    const original = await wallet().sendTransaction({ to: dead, value: 2n, data: "0x1234", nonce, ...fees });
    const w = watch(original);
    expect(await w.seen).toBe(nonce);
    const faster = await wallet().sendTransaction({ to: dead, value: 2n, data: "0x1234", nonce, ...higher });
    await rpc("evm_mine");
    const { receipt, repricedBy } = await w.result;
    expect(repricedBy).toBe(faster);
    expect(receipt.transactionHash).toBe(faster);
  });

  it("reports a cancel (nothing to oneself with the same nonce) with the replacement's hash", async () => {
    const nonce = await nextNonce();
    const original = await wallet().sendTransaction({ to: dead, value: 3n, nonce, ...fees });
    const w = watch(original);
    await w.seen;
    const cancel = await wallet().sendTransaction({ to: account.address, value: 0n, nonce, ...higher });
    await rpc("evm_mine");
    const error = await w.result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionReplacedError);
    expect(error).toMatchObject({ hash: original, replacement: cancel, reason: "cancelled" });
  });

  it("names the cancel even when it is mined between the watcher's reads of the head and of the nonce", async () => {
    const nonce = await nextNonce();
    const original = await wallet().sendTransaction({ to: dead, value: 9n, nonce, ...fees });
    // A transport that mines the cancel right before the watcher's next nonce read, after it read
    // the head: the race a busy chain produces now and then.
    let mineBeforeNonceRead = false;
    const racing = createPublicClient({
      chain: foundry,
      transport: custom({
        async request({ method, params }: { method: string; params?: unknown[] }) {
          if (method === "eth_getTransactionCount" && mineBeforeNonceRead) {
            mineBeforeNonceRead = false;
            await rpc("evm_mine");
          }
          return rpc(method, params);
        },
      }),
    });
    const w = watch(original, { ms: 60_000, blocks: 100n }, racing);
    await w.seen;
    const cancel = await wallet().sendTransaction({ to: account.address, value: 0n, nonce, ...higher });
    mineBeforeNonceRead = true;
    await expect(w.result).rejects.toMatchObject({ hash: original, replacement: cancel, reason: "cancelled" });
  });

  it("reports another transaction with the same nonce as a replacement", async () => {
    const nonce = await nextNonce();
    const original = await wallet().sendTransaction({ to: dead, value: 4n, nonce, ...fees });
    const w = watch(original);
    await w.seen;
    const other = await wallet().sendTransaction({ to: dead, value: 5n, nonce, ...higher });
    await rpc("evm_mine");
    await expect(w.result).rejects.toMatchObject({ name: "TransactionReplacedError", replacement: other, reason: "replaced" });
  });

  it("reports a transaction removed from the pool as dropped once blocks passed without it", async () => {
    const original = await wallet().sendTransaction({ to: dead, value: 6n, ...fees });
    const w = watch(original);
    await w.seen;
    expect(await rpc("anvil_dropTransaction", [original])).toBe(original);
    // Blocks go by without it (and without its nonce being used): two are the threshold here.
    let settled = false;
    void w.result.catch(() => {}).finally(() => (settled = true));
    for (let i = 0; i < 50 && !settled; i++) {
      await rpc("evm_mine");
      await new Promise((r) => setTimeout(r, 60));
    }
    await expect(w.result).rejects.toBeInstanceOf(TransactionDroppedError);
    expect(await client.getTransactionCount({ address: account.address })).toBe(await nextNonce());
  });

  it("keeps waiting while the transaction is in the pool, however many blocks pass", async () => {
    // A nonce gap keeps it queued: the network holds it but cannot mine it yet.
    const nonce = await nextNonce();
    const queued = await wallet().sendTransaction({ to: dead, value: 7n, nonce: nonce + 1, ...fees });
    const w = watch(queued);
    await w.seen;
    let settled = false;
    void w.result.catch(() => {}).finally(() => (settled = true));
    for (let i = 0; i < 5; i++) {
      await rpc("evm_mine");
      await new Promise((r) => setTimeout(r, 60));
    }
    expect(settled).toBe(false);
    await wallet().sendTransaction({ to: dead, value: 8n, nonce, ...fees });
    await rpc("evm_mine");
    expect((await w.result).receipt.transactionHash).toBe(queued);
  });
});
