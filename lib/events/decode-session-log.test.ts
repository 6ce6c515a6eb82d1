import { encodeAbiParameters, encodeEventTopics, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { serviceNodeRewardsAbi } from "../abi/service-node-rewards-abi";
import { decodeSessionLog, UndecodableLogError } from "./decode-session-log";

const pubkey = { X: 11n, Y: 22n };
const params = { serviceNodePubkey: 0xabn, serviceNodeSignature1: 1n, serviceNodeSignature2: 2n, fee: 300 };
const contributors = [
  { staker: { addr: "0x00000000000000000000000000000000000000AA", beneficiary: "0x00000000000000000000000000000000000000bb" }, stakedAmount: 25_000_000_000_000n },
] as const;

function newNodeLog() {
  const event = serviceNodeRewardsAbi.find((e) => e.type === "event" && e.name === "NewServiceNodeV2")!;
  if (event.type !== "event") throw new Error("unreachable");
  const topics = encodeEventTopics({ abi: serviceNodeRewardsAbi, eventName: "NewServiceNodeV2", args: { serviceNodeID: 7n } });
  const data = encodeAbiParameters(event.inputs.filter((i) => !i.indexed), [
    "0x00000000000000000000000000000000000000AA",
    pubkey,
    params,
    contributors,
  ]);
  return { topics: topics as Hex[], data, transactionHash: `0x${"12".repeat(32)}` as Hex, logIndex: 3 };
}

describe("decodeSessionLog", () => {
  it("decodes NewServiceNodeV2 exactly, structs and all, into JSON-safe args", () => {
    expect(decodeSessionLog("ServiceNodeRewards", newNodeLog())).toEqual({
      contract: "ServiceNodeRewards",
      eventName: "NewServiceNodeV2",
      args: {
        serviceNodeID: "7",
        initiator: "0x00000000000000000000000000000000000000aa",
        pubkey: { X: "11", Y: "22" },
        serviceNode: { serviceNodePubkey: "171", serviceNodeSignature1: "1", serviceNodeSignature2: "2", fee: "300" },
        contributors: [
          {
            staker: { addr: "0x00000000000000000000000000000000000000aa", beneficiary: "0x00000000000000000000000000000000000000bb" },
            stakedAmount: "25000000000000",
          },
        ],
      },
    });
  });

  it("names the log when it does not match the contract's ABI", () => {
    const log = { ...newNodeLog(), data: "0x1234" as Hex };
    expect(() => decodeSessionLog("ServiceNodeRewards", log)).toThrow(UndecodableLogError);
    expect(() => decodeSessionLog("SESH", newNodeLog())).toThrow(/#3 from SESH does not match its ABI/);
  });
});
