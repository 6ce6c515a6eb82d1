// A "phone wallet" for tests: WalletConnect's own wallet-side client (@walletconnect/sign-client),
// paired by the URI a dapp shows, approving a session on the devnet chain and answering its
// requests by signing with a devnet key, sending transactions to the devnet for real.
import type { IKeyValueStorage } from "@walletconnect/keyvaluestorage";
import { SignClient } from "@walletconnect/sign-client";
import type { SignClientTypes } from "@walletconnect/types";
import { createPublicClient, createWalletClient, http, isHex, numberToHex, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";

export interface PhoneWalletOptions {
  relayUrl: string;
  projectId: string;
  privateKey: Hex;
  chainId: number;
  /** the devnet RPC transactions go to; without it eth_sendTransaction is refused */
  rpcUrl?: string;
}

export interface PhoneWallet {
  address: Address;
  /** pairs with a dapp's wc: URI; resolves once the session the dapp proposes is approved */
  pair(uri: string): Promise<{ topic: string; peerName: string }>;
  /** every request the dapp made over the session, in order */
  requests: { method: string; params: unknown }[];
  /** hashes of the transactions it sent */
  sent: Hex[];
  stop(): Promise<void>;
}

/** Keeps WalletConnect's state in memory: nothing is written to disk between test runs. */
class MemoryStorage implements IKeyValueStorage {
  private readonly map = new Map<string, unknown>();
  async getKeys() { return [...this.map.keys()]; }
  async getEntries<T = unknown>() { return [...this.map.entries()] as [string, T][]; }
  async getItem<T = unknown>(key: string) { return this.map.get(key) as T | undefined; }
  async setItem(key: string, value: unknown) { this.map.set(key, value); }
  async removeItem(key: string) { this.map.delete(key); }
}

type RpcAnswer = { result: unknown } | { error: { code: number; message: string } };

export async function startPhoneWallet(opts: PhoneWalletOptions): Promise<PhoneWallet> {
  const account = privateKeyToAccount(opts.privateKey);
  const caip = `eip155:${opts.chainId}`;
  const chain = { ...foundry, id: opts.chainId };
  const wallet = opts.rpcUrl ? createWalletClient({ chain, transport: http(opts.rpcUrl), account }) : undefined;
  const reader = opts.rpcUrl ? createPublicClient({ chain, transport: http(opts.rpcUrl) }) : undefined;
  const requests: PhoneWallet["requests"] = [];
  const sent: Hex[] = [];
  const client = await SignClient.init({
    projectId: opts.projectId,
    relayUrl: opts.relayUrl,
    storage: new MemoryStorage(),
    // WalletConnect keeps one Core per process and prefix: without its own, this wallet would
    // share the dapp's in a test that runs both (same relay identity, so neither hears the other).
    customStoragePrefix: `devnet-phone-wallet-${account.address}-${Date.now()}`,
    // No events to WalletConnect's analytics endpoint: it is on the internet.
    telemetryEnabled: false,
    logger: "error",
    metadata: { name: "Devnet Phone Wallet", description: "A WalletConnect wallet for the devnet's tests", url: "http://127.0.0.1", icons: [] },
  });

  const answer = async (method: string, params: unknown[]): Promise<RpcAnswer> => {
    switch (method) {
      case "personal_sign": {
        const [message] = params as [Hex];
        return { result: await account.signMessage({ message: isHex(message) ? { raw: message } : message }) };
      }
      case "eth_signTypedData_v4": {
        const [, typed] = params as [Address, string];
        return { result: await account.signTypedData(JSON.parse(typed) as never) };
      }
      case "eth_accounts":
      case "eth_requestAccounts":
        return { result: [account.address] };
      case "eth_chainId":
        return { result: numberToHex(opts.chainId) };
      case "wallet_switchEthereumChain": {
        const wanted = Number((params[0] as { chainId: string }).chainId);
        return wanted === opts.chainId ? { result: null } : { error: { code: 4902, message: `Unrecognized chain ID ${numberToHex(wanted)}` } };
      }
      case "eth_sendTransaction": {
        if (!wallet || !reader) return { error: { code: -32603, message: "this phone wallet has no RPC to send to" } };
        const tx = params[0] as { to?: Address; data?: Hex; value?: Hex; gas?: Hex };
        const value = tx.value ? BigInt(tx.value) : undefined;
        const gas = tx.gas ? BigInt(tx.gas) : ((await reader.estimateGas({ account: account.address, to: tx.to, data: tx.data, value })) * 12n) / 10n;
        const hash = await wallet.sendTransaction({ to: tx.to, data: tx.data, value, gas });
        sent.push(hash);
        return { result: hash };
      }
      default:
        return { error: { code: 4200, message: `Devnet Phone Wallet does not support ${method}` } };
    }
  };

  client.on("session_request", (event: SignClientTypes.EventArguments["session_request"]) => {
    const { method, params } = event.params.request;
    requests.push({ method, params });
    void answer(method, (params ?? []) as unknown[])
      .catch((error: unknown): RpcAnswer => ({ error: { code: -32603, message: (error as Error).message.split("\n")[0]! } }))
      .then((reply) => client.respond({ topic: event.topic, response: { id: event.id, jsonrpc: "2.0", ...reply } }));
  });

  const proposals: ((p: SignClientTypes.EventArguments["session_proposal"]) => void)[] = [];
  client.on("session_proposal", (proposal: SignClientTypes.EventArguments["session_proposal"]) => proposals.shift()?.(proposal));

  return {
    address: account.address,
    requests,
    sent,
    async pair(uri) {
      const proposal = new Promise<SignClientTypes.EventArguments["session_proposal"]>((resolve) => proposals.push(resolve));
      await client.pair({ uri });
      const { id, params } = await proposal;
      const asked = [...Object.values(params.requiredNamespaces ?? {}), ...Object.values(params.optionalNamespaces ?? {})];
      const methods = [...new Set(asked.flatMap((n) => n.methods ?? []))];
      const events = [...new Set(asked.flatMap((n) => n.events ?? []))];
      if (!asked.some((n) => n.chains?.includes(caip))) throw new Error(`the dapp did not ask for ${caip}: ${JSON.stringify(asked)}`);
      const { topic, acknowledged } = await client.approve({
        id,
        namespaces: { eip155: { chains: [caip], accounts: [`${caip}:${account.address}`], methods, events } },
      });
      await acknowledged();
      return { topic, peerName: params.proposer.metadata.name };
    },
    async stop() {
      await client.core.relayer.transportClose().catch(() => {});
    },
  };
}
