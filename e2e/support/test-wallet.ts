// A browser wallet for end-to-end tests: an EIP-1193 provider, announced through EIP-6963 like an
// installed extension, injected into the page before any script runs. Requests go to this Node
// process, which signs transactions with a devnet key (viem local account) and sends them to the
// devnet, or, in impersonation mode, lets anvil send them for an address whose key it does not hold.
// The app's real wagmi connect path runs against it; nothing of wagmi is mocked.
import type { Page } from "@playwright/test";
import { createPublicClient, createWalletClient, http, numberToHex, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";

export interface TestWalletOptions {
  rpcUrl: string;
  /** the devnet's chain id (the only chain this wallet can send on) */
  devnetChainId: number;
  /** chain the wallet starts on: another one tests the switch */
  startChainId: number;
  /** a devnet key to sign with ... */
  privateKey?: Hex;
  /** ... or an address anvil sends for (auto-impersonation) */
  impersonate?: Address;
  name?: string;
}

export interface TestWallet {
  address: Address;
  chainId(): number;
  /** the next request that needs the user's approval is declined (EIP-1193 code 4001) */
  rejectNext(): void;
  /** runs `hook` when the page next asks to send a transaction, before it is sent (e.g. to make it revert) */
  beforeNextSend(hook: () => Promise<void>): void;
  /**
   * The next transaction is held in the network's pool (sent with a nonce one above the next, so
   * it cannot be mined), until the test replaces it, speeds it up or drops it, as a user would
   * in their wallet while the page waits. Nothing then depends on when the devnet mines.
   */
  holdNext(): HeldTransaction;
  /** transactions sent so far */
  sent: Hex[];
}

export interface HeldTransaction {
  /** the held transaction's hash, once the page asked for it and the wallet sent it */
  sent: Promise<Hex>;
  /** "speed up": the same call again with the same nonce and a higher fee; returns its hash */
  speedUp(): Promise<Hex>;
  /** "cancel": nothing sent to oneself with the same nonce and a higher fee; returns its hash */
  cancel(): Promise<Hex>;
  /** removes it from the pool: it can never be mined */
  drop(): Promise<void>;
}

interface Held {
  handle: HeldTransaction;
  resolve(sent: { hash: Hex; nonce: number; request: { to?: Address; data?: Hex; value?: bigint; gas: bigint }; fees: { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } }): void;
}

type RpcError = { code: number; message: string };

export async function installTestWallet(page: Page, opts: TestWalletOptions): Promise<TestWallet> {
  const account = opts.privateKey ? privateKeyToAccount(opts.privateKey) : undefined;
  const address = (account?.address ?? opts.impersonate) as Address;
  if (!address) throw new Error("test wallet: give privateKey or impersonate");
  const chain = { ...foundry, id: opts.devnetChainId };
  const transport = http(opts.rpcUrl);
  const publicClient = createPublicClient({ chain, transport });
  const walletClient = createWalletClient({ chain, transport, account: account ?? address });
  let chainId = opts.startChainId;
  let connected = false;
  let reject = false;
  let beforeSend: (() => Promise<void>) | undefined;
  const knownChains = new Set<number>([1, opts.startChainId]);
  const sent: Hex[] = [];
  let held: Held | undefined;

  const hold = (): HeldTransaction => {
    let resolve!: Held["resolve"];
    const details = new Promise<Parameters<Held["resolve"]>[0]>((r) => (resolve = r));
    const account_ = account ?? address;
    // Sends `tx` with the held nonce at twice the fee (a replacement must pay more), then the
    // transaction that fills the gap below it, so both can be mined in the next block.
    const replaceWith = async (tx: (d: Awaited<typeof details>) => { to: Address; data?: Hex; value?: bigint; gas: bigint }) => {
      const d = await details;
      const fees = { maxFeePerGas: d.fees.maxFeePerGas * 2n, maxPriorityFeePerGas: d.fees.maxPriorityFeePerGas * 2n };
      const hash = await walletClient.sendTransaction({ ...tx(d), ...fees, nonce: d.nonce, chain, account: account_ } as never);
      await walletClient.sendTransaction({ to: address, value: 0n, gas: 21_000n, ...fees, nonce: d.nonce - 1, chain, account: account_ } as never);
      sent.push(hash);
      return hash;
    };
    const handle: HeldTransaction = {
      sent: details.then((d) => d.hash),
      speedUp: () => replaceWith((d) => ({ ...d.request, to: d.request.to! })),
      cancel: () => replaceWith(() => ({ to: address, value: 0n, gas: 21_000n })),
      async drop() {
        await details;
        // anvil_dropTransaction only reaches transactions ready to be mined; a queued one (the
        // held nonce is one too high) goes with the account's whole pool, which holds only it.
        const removed = await proxy("anvil_removePoolTransactions", [address]);
        if (removed.error) throw new Error(`test wallet: could not drop: ${removed.error.message}`);
      },
    };
    held = { handle, resolve };
    return handle;
  };

  const emit = (event: string, data: unknown) =>
    page.evaluate(([e, d]) => (window as unknown as { __testWalletEmit?: (e: string, d: unknown) => void }).__testWalletEmit?.(e, d), [event, data] as const).catch(() => {});

  const proxy = async (method: string, params: unknown) => {
    const res = await fetch(opts.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params: params ?? [] }) });
    const body = (await res.json()) as { result?: unknown; error?: RpcError };
    if (body.error) return { error: body.error };
    return { result: body.result };
  };

  const approve = (): RpcError | undefined => {
    if (!reject) return undefined;
    reject = false;
    return { code: 4001, message: "User rejected the request." };
  };

  const handle = async (method: string, params: unknown[] | undefined): Promise<{ result?: unknown; error?: RpcError }> => {
    switch (method) {
      case "eth_requestAccounts": {
        const refused = approve();
        if (refused) return { error: refused };
        connected = true;
        return { result: [address] };
      }
      case "eth_accounts":
        return { result: connected ? [address] : [] };
      case "eth_chainId":
        return { result: numberToHex(chainId) };
      case "net_version":
        return { result: String(chainId) };
      case "wallet_requestPermissions":
        connected = true;
        return { result: [{ parentCapability: "eth_accounts" }] };
      case "wallet_getPermissions":
        return { result: connected ? [{ parentCapability: "eth_accounts" }] : [] };
      case "wallet_revokePermissions":
        connected = false;
        return { result: null };
      case "wallet_switchEthereumChain": {
        const wanted = Number((params?.[0] as { chainId: string }).chainId);
        if (!knownChains.has(wanted)) return { error: { code: 4902, message: `Unrecognized chain ID ${numberToHex(wanted)}. Try adding the chain using wallet_addEthereumChain first.` } };
        const refused = approve();
        if (refused) return { error: refused };
        chainId = wanted;
        await emit("chainChanged", numberToHex(chainId));
        return { result: null };
      }
      case "wallet_addEthereumChain": {
        const refused = approve();
        if (refused) return { error: refused };
        const added = Number((params?.[0] as { chainId: string }).chainId);
        knownChains.add(added);
        chainId = added;
        await emit("chainChanged", numberToHex(chainId));
        return { result: null };
      }
      case "eth_sendTransaction": {
        const refused = approve();
        if (refused) return { error: refused };
        if (chainId !== opts.devnetChainId) return { error: { code: -32603, message: `test wallet is on chain ${chainId}` } };
        const tx = params?.[0] as { to?: Address; data?: Hex; value?: Hex; gas?: Hex };
        const value = tx.value ? BigInt(tx.value) : undefined;
        // Like a real wallet, the gas is estimated when the prompt shows, before the user confirms.
        let gas: bigint;
        try {
          gas = tx.gas ? BigInt(tx.gas) : ((await publicClient.estimateGas({ account: address, to: tx.to, data: tx.data, value })) * 12n) / 10n;
        } catch (error) {
          return { error: { code: -32603, message: (error as Error).message.split("\n")[0]! } };
        }
        if (beforeSend) {
          const hook = beforeSend;
          beforeSend = undefined;
          await hook();
        }
        const request = { to: tx.to, data: tx.data, value, gas, chain, account: account ?? address };
        try {
          if (held) {
            const holding = held;
            held = undefined;
            const nonce = (await publicClient.getTransactionCount({ address, blockTag: "pending" })) + 1;
            const fees = await publicClient.estimateFeesPerGas();
            const hash = await walletClient.sendTransaction({ ...request, ...fees, nonce } as never);
            sent.push(hash);
            holding.resolve({ hash, nonce, request: { to: tx.to, data: tx.data, value, gas }, fees });
            return { result: hash };
          }
          const hash = await walletClient.sendTransaction(request as never);
          sent.push(hash);
          return { result: hash };
        } catch (error) {
          return { error: { code: -32603, message: (error as Error).message.split("\n")[0]! } };
        }
      }
      default:
        if (method.startsWith("eth_") || method === "web3_clientVersion") return proxy(method, params);
        return { error: { code: 4200, message: `test wallet does not support ${method}` } };
    }
  };

  await page.exposeFunction("__testWalletRequest", (method: string, params: unknown[] | undefined) => handle(method, params));
  await page.addInitScript(
    ({ name, uuid }) => {
      type Listener = (data: unknown) => void;
      const listeners = new Map<string, Set<Listener>>();
      const w = window as unknown as Record<string, unknown>;
      const provider = {
        isTestWallet: true,
        async request({ method, params }: { method: string; params?: unknown[] }) {
          const answer = (await (w.__testWalletRequest as (m: string, p?: unknown[]) => Promise<{ result?: unknown; error?: { code: number; message: string } }>)(method, params));
          if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
          return answer.result;
        },
        on(event: string, listener: Listener) {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event)!.add(listener);
          return provider;
        },
        removeListener(event: string, listener: Listener) {
          listeners.get(event)?.delete(listener);
          return provider;
        },
      };
      w.__testWalletEmit = (event: string, data: unknown) => listeners.get(event)?.forEach((l) => l(data));
      w.ethereum = provider;
      const icon = "data:image/svg+xml;base64," + btoa('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><circle cx="10" cy="10" r="9" fill="#00704a"/></svg>');
      const announce = () =>
        window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info: { uuid, name, icon, rdns: "org.session-explorer.test-wallet" }, provider }) }));
      window.addEventListener("eip6963:requestProvider", announce);
      announce();
    },
    { name: opts.name ?? "Devnet Test Wallet", uuid: "6f1c5a8e-0000-4000-8000-000000000001" },
  );
  return { address, chainId: () => chainId, rejectNext: () => { reject = true; }, beforeNextSend: (hook) => { beforeSend = hook; }, holdNext: hold, sent };
}
