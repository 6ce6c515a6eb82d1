import { encodeFunctionData } from "viem";
import { describe, expect, it } from "vitest";
import { serviceNodeContributionFactoryAbi } from "../abi/service-node-contribution-factory-abi";
import { contributionSettingsFromCalldata } from "./read-contribution-contract";

const operator = "0x00000000000000000000000000000000000000aa";
const friend = "0x00000000000000000000000000000000000000bb";
const deployCall = encodeFunctionData({
  abi: serviceNodeContributionFactoryAbi,
  functionName: "deploy",
  args: [
    { X: 1n, Y: 2n },
    { sigs0: 0n, sigs1: 0n, sigs2: 0n, sigs3: 0n },
    { serviceNodePubkey: 255n, serviceNodeSignature1: 0n, serviceNodeSignature2: 0n, fee: 1_250 },
    [{ addr: operator, amount: 6_250n }, { addr: friend, amount: 5_000n }],
    true,
  ],
});

describe("contributionSettingsFromCalldata", () => {
  it("takes the keys, fee, reservations and manual-finalize flag from the factory's deploy call", () => {
    expect(contributionSettingsFromCalldata(deployCall, 255n)).toEqual({
      blsPubkey: `0x${"1".padStart(64, "0")}${"2".padStart(64, "0")}`,
      fee: 1_250,
      manualFinalize: true,
      reserved: [{ contributor: operator.toLowerCase(), amount: 6_250n }, { contributor: friend.toLowerCase(), amount: 5_000n }],
    });
  });

  it("declines a call for another node or anything but deploy, so the views are read instead", () => {
    expect(contributionSettingsFromCalldata(deployCall, 256n)).toBeUndefined();
    expect(contributionSettingsFromCalldata("0x12345678", 255n)).toBeUndefined();
  });
});
