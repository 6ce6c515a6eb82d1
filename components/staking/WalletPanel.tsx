"use client";
import { useSyncExternalStore } from "react";
import { formatEther } from "viem";
import { useConnect, useConnectors, useDisconnect, useSwitchChain } from "wagmi";
import { formatSesh } from "../../lib/format/sesh-amount";
import { describeTransactionFailure } from "../../lib/staking/transaction-failure";
import { useStaking } from "./staking-context";
import { useWalletBalances } from "./use-wallet-balances";
import { WalletConnectPairing } from "./WalletConnectPairing";

const knownNetworks: Record<number, string> = { 1: "Ethereum", 42161: "Arbitrum One", 421614: "Arbitrum Sepolia", 31337: "Session devnet" };

/** Connect, show the wallet (address, network, SESH and ETH), switch network, disconnect. */
export function WalletPanel() {
  const { chain } = useStaking();
  const wallet = useWalletBalances();
  const allConnectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const switchChain = useSwitchChain();
  // Wallets announced through EIP-6963 carry their own names; the generic one only when none did.
  // WalletConnect (present only when configured) is offered beside them: it needs no browser wallet.
  const remote = allConnectors.filter((c) => c.type === "walletConnect");
  const announced = allConnectors.filter((c) => c.type !== "walletConnect" && c.id !== "injected");
  const generic = allConnectors.filter((c) => c.id === "injected");
  const error = connect.error ?? switchChain.error;
  // Known only in the browser: whether any wallet injected itself (server render assumes one did).
  const hasInjected = useSyncExternalStore(() => () => {}, () => "ethereum" in window, () => true);
  const noBrowserWallet = announced.length === 0 && !hasInjected;
  const connectors = [...(announced.length > 0 ? announced : noBrowserWallet ? [] : generic), ...remote];
  const noWallet = connectors.length === 0;

  if (!wallet.isConnected || !wallet.address) {
    return (
      <section className="card wallet-panel" aria-labelledby="wallet-heading" data-testid="wallet-panel">
        <h2 id="wallet-heading">Connect a wallet</h2>
        <p className="stat-hint">Your wallet signs each step; nothing is sent without your approval in it.</p>
        {noBrowserWallet ? (
          <p className="notice notice-warning" data-testid="no-wallet">
            No wallet was found in this browser. Install a browser wallet that supports Arbitrum (any EIP-1193 wallet), then reload this page{remote.length > 0 ? ", or connect a phone wallet through WalletConnect below" : ""}.
          </p>
        ) : null}
        <ul className="wallet-choices" hidden={noWallet}>
          {connectors.map((connector) => (
            <li key={connector.uid}>
              <button type="button" className="button" disabled={connect.isPending} onClick={() => connect.mutate({ connector })}>
                {/* Wallet icons are data: URIs the wallet announces (EIP-6963): nothing for next/image to optimise. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                {connector.icon ? <img src={connector.icon} alt="" width={20} height={20} /> : null}
                {connector.id === "injected" ? "Browser wallet" : connector.type === "walletConnect" ? "WalletConnect (phone wallet)" : connector.name}
              </button>
            </li>
          ))}
        </ul>
        {remote[0] ? <WalletConnectPairing connector={remote[0]} /> : null}
        {error ? <p className="form-error" role="alert">{describeTransactionFailure(error, { chainName: chain.name }).message}</p> : null}
      </section>
    );
  }

  const networkName = wallet.walletChainId !== undefined ? (knownNetworks[wallet.walletChainId] ?? `chain ${wallet.walletChainId}`) : "unknown";
  return (
    <section className="card wallet-panel" aria-labelledby="wallet-heading" data-testid="wallet-panel">
      <h2 id="wallet-heading">Your wallet</h2>
      <dl className="facts">
        <dt>Address</dt>
        <dd><code data-testid="wallet-address">{wallet.address}</code></dd>
        <dt>Network</dt>
        <dd data-testid="wallet-network">{networkName}</dd>
        <dt>SESH</dt>
        <dd data-testid="wallet-sesh">{wallet.sesh !== undefined ? formatSesh(wallet.sesh, { fractionDigits: 4 }) : "…"}</dd>
        <dt>ETH (for fees)</dt>
        <dd data-testid="wallet-eth">{wallet.eth !== undefined ? `${Number(formatEther(wallet.eth)).toLocaleString("en-US", { maximumFractionDigits: 5 })} ETH` : "…"}</dd>
      </dl>
      {!wallet.onRightChain ? (
        <div className="notice notice-warning" role="alert" data-testid="wrong-network">
          <p>Your wallet is on {networkName}; staking happens on {chain.name}.</p>
          <button type="button" className="button" disabled={switchChain.isPending} onClick={() => switchChain.mutate({ chainId: chain.id })}>
            Switch to {chain.name}
          </button>
        </div>
      ) : null}
      {error ? <p className="form-error" role="alert">{describeTransactionFailure(error, { chainName: chain.name }).message}</p> : null}
      <button type="button" className="button button-quiet" onClick={() => disconnect.mutate({})}>Disconnect</button>
    </section>
  );
}
