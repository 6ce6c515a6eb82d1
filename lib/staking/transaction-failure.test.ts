import { ChainMismatchError, ContractFunctionExecutionError, ContractFunctionRevertedError, encodeErrorResult, UserRejectedRequestError } from "viem";
import { arbitrum } from "viem/chains";
import { describe, expect, it } from "vitest";
import { serviceNodeRewardsAbi } from "../abi/service-node-rewards-abi";
import { serviceNodeContributionAbi } from "../abi/service-node-contribution-abi";
import { seshl2Abi } from "../abi/seshl2-abi";
import { explainContractError, explainedContractErrors } from "./explain-contract-error";
import { describeTransactionFailure, TransactionDroppedError, TransactionReplacedError, TransactionRevertedError } from "./transaction-failure";

const abi = [...serviceNodeRewardsAbi, ...seshl2Abi.filter((e) => e.type === "error")];
const simulationError = (errorName: string, args: readonly unknown[]) => {
  const data = encodeErrorResult({ abi, errorName, args } as never);
  const reverted = new ContractFunctionRevertedError({ abi, data, functionName: "addBLSPublicKey" });
  return new ContractFunctionExecutionError(reverted, { abi, functionName: "addBLSPublicKey", args: [] });
};
const opts = { chainName: "Arbitrum One" };
const hash = `0x${"ab".repeat(32)}` as const;

describe("describeTransactionFailure", () => {
  it("explains a simulated revert from the contract's custom error, with SESH amounts", () => {
    const failure = describeTransactionFailure(simulationError("ERC20InsufficientBalance", ["0x0000000000000000000000000000000000000001", 1_500_000_000_000n, 25_000_000_000_000n]), opts);
    expect(failure).toEqual({
      kind: "refused",
      message: "Not sent: Your wallet holds 1,500 SESH but this needs 25,000 SESH. Add SESH to this wallet first.",
      detail: "ERC20InsufficientBalance",
    });
  });

  it("explains each case the operator meets in words", () => {
    const message = (name: string, args: readonly unknown[]) => describeTransactionFailure(simulationError(name, args), opts).message;
    expect(message("ERC20InsufficientAllowance", ["0x0000000000000000000000000000000000000001", 0n, 5_000_500_000_000n])).toBe(
      "Not sent: The staking contract is allowed to spend 0 SESH from this wallet and this needs 5,000.5 SESH. Approve the amount first.",
    );
    expect(message("BLSPubkeyAlreadyExists", [42n])).toBe("Not sent: This node's BLS key is already registered (node #42). Each node registers once.");
    expect(message("MaxContributorsExceeded", [])).toContain("Too many contributors");
    expect(message("ExitTooEarly", [7n, 1_767_225_600n, 1_767_226_000n])).toBe(
      "Not sent: Node #7 is too young to exit: an exit can be requested 2 hours after registration, from 2026-01-01 02:00 UTC.",
    );
    expect(message("EnforcedPause", [])).toContain("paused");
    expect(message("InvalidBLSProofOfPossession", [])).toContain("different operator wallet");
  });

  it("tells a declined signature apart, however deep the wallet wrapped it", () => {
    const wrapped = new Error("outer", { cause: new UserRejectedRequestError(new Error("User denied transaction signature")) });
    expect(describeTransactionFailure(wrapped, opts).kind).toBe("rejected");
    const raw = Object.assign(new Error("MetaMask Tx Signature: User denied"), { code: 4001 });
    expect(describeTransactionFailure(raw, opts)).toEqual({
      kind: "rejected",
      message: "You declined the request in your wallet. Nothing was sent; your entries are kept, so you can try again.",
    });
  });

  it("names the network to switch to when the wallet is on another chain", () => {
    const failure = describeTransactionFailure(new ChainMismatchError({ chain: arbitrum, currentChainId: 1 }), opts);
    expect(failure.kind).toBe("wrong-chain");
    expect(failure.message).toBe("Your wallet is on another network. Switch it to Arbitrum One and try again.");
  });

  it("tells replaced, dropped and reverted transactions apart, each with its hash", () => {
    expect(describeTransactionFailure(new TransactionReplacedError(hash, `0x${"cd".repeat(32)}`, "cancelled"), opts)).toMatchObject({ kind: "replaced", hash, message: expect.stringContaining("cancelled this transaction") });
    // The transaction that took the nonce is older than the blocks searched: no hash to show.
    expect(describeTransactionFailure(new TransactionReplacedError(hash, undefined, "replaced"), opts).message).toBe(
      "Your wallet replaced this transaction with another one. Nothing from the original was done; check your wallet's activity, then try again if needed.",
    );
    expect(describeTransactionFailure(new TransactionDroppedError(hash), opts)).toMatchObject({ kind: "dropped", hash, message: expect.stringContaining("dropped") });
    expect(describeTransactionFailure(new TransactionRevertedError(hash, { errorName: "ClaimThresholdExceeded", args: [] }), opts)).toMatchObject({
      kind: "reverted",
      hash,
      message: expect.stringContaining("network-wide claim limit"),
    });
    expect(describeTransactionFailure(new TransactionRevertedError(hash), opts).message).toContain("The chain gave no reason.");
  });

  it("falls back to a generic message with the underlying text", () => {
    expect(describeTransactionFailure(new Error("fetch failed"), opts)).toEqual({
      kind: "unknown",
      message: "The request failed before reaching the chain. Check your wallet and connection, then try again.",
      detail: "fetch failed",
    });
  });
});

describe("explainContractError", () => {
  it("has words for the errors an operator can meet in every staking contract's ABI", () => {
    const operatorFacing = ["ERC20InsufficientBalance", "ERC20InsufficientAllowance", "EnforcedPause", "BLSPubkeyAlreadyExists", "Ed25519PubkeyAlreadyExists",
      "InvalidBLSProofOfPossession", "MaxContributorsExceeded", "ContributionTotalMismatch", "ExitTooEarly", "SmallContributorLeaveTooEarly", "LeaveRequestTooEarly",
      "ContributionBelowMinAmount", "WithdrawTooEarly", "ClaimThresholdExceeded", "SignatureExpired", "CallerNotContributor"];
    for (const name of operatorFacing) expect(explainedContractErrors).toContain(name);
    // Every explained name is a real error of the staking contracts (no typo hides a message).
    const abiErrors = new Set([...abi, ...serviceNodeContributionAbi].filter((e) => e.type === "error").map((e) => e.name));
    for (const name of explainedContractErrors) expect(abiErrors).toContain(name);
  });

  it("names an unknown error rather than hiding it", () => {
    expect(explainContractError("SomethingNew", [])).toBe("The contract refused the transaction (SomethingNew).");
  });
});

describe("stakingErrorAbi", () => {
  it("names a pause that bubbled up from ServiceNodeRewards through a contribution contract", async () => {
    const { stakingErrorAbi } = await import("../abi/staking-errors");
    const data = encodeErrorResult({ abi: serviceNodeRewardsAbi, errorName: "EnforcedPause" });
    const reverted = new ContractFunctionRevertedError({ abi: [...serviceNodeContributionAbi, ...stakingErrorAbi], data, functionName: "contributeFunds" });
    expect(describeTransactionFailure(reverted, opts).message).toContain("The staking contract is paused by its owner");
    const bare = new ContractFunctionRevertedError({ abi: serviceNodeContributionAbi, data, functionName: "contributeFunds" });
    expect(describeTransactionFailure(bare, opts).message).toContain("without giving a reason");
  });
});
