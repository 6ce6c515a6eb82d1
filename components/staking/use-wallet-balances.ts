"use client";
import { useBalance, useConnection, useReadContract } from "wagmi";
import { seshl2Abi } from "../../lib/abi/seshl2-abi";
import { useStaking } from "./staking-context";

/** The connected wallet, whether it is on the configured chain, and its SESH and ETH there. */
export function useWalletBalances() {
  const { config, chain } = useStaking();
  const connection = useConnection();
  const address = connection.address;
  const eth = useBalance({ address, chainId: chain.id, query: { enabled: !!address } });
  const sesh = useReadContract({
    address: config.contracts.sesh,
    abi: seshl2Abi,
    functionName: "balanceOf",
    args: address ? [address] : undefined,
    chainId: chain.id,
    query: { enabled: !!address },
  });
  return {
    address,
    isConnected: connection.status === "connected",
    walletChainId: connection.chainId,
    onRightChain: connection.chainId === chain.id,
    eth: eth.data?.value,
    sesh: sesh.data as bigint | undefined,
  };
}
