import { encodeAbiParameters, encodeEventTopics, getAddress, type Abi, type AbiParameter, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { serviceNodeContributionAbi } from "../abi/service-node-contribution-abi";
import { serviceNodeRewardsAbi } from "../abi/service-node-rewards-abi";
import { seshl2Abi } from "../abi/seshl2-abi";
import { decodeSessionLog, decodeWithViem, UndecodableLogError, watchedContractAbis, type WatchedContract } from "./decode-session-log";

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

/** A deterministic stream of arguments of any ABI type, to encode with viem and read back. */
function argumentMaker(seed: number) {
  let state = BigInt(seed);
  const next = (bits: number) => {
    let value = 0n;
    for (let i = 0; i < bits; i += 60) {
      state = (state * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
      value = (value << 60n) | (state >> 4n);
    }
    return value & ((1n << BigInt(bits)) - 1n);
  };
  const make = (p: AbiParameter): unknown => {
    const array = /^(.*)\[(\d*)\]$/.exec(p.type);
    if (array) return Array.from({ length: array[2] ? Number(array[2]) : Number(next(2)) }, () => make({ ...p, type: array[1]! }));
    if (p.type === "tuple") {
      const components = (p as { components: readonly AbiParameter[] }).components;
      return components.some((c) => !c.name) ? components.map(make) : Object.fromEntries(components.map((c) => [c.name, make(c)]));
    }
    if (p.type === "address") return `0x${next(160).toString(16).padStart(40, "0")}`;
    if (p.type === "bool") return next(1) === 1n;
    if (p.type === "string") return `s${next(16)}`;
    if (p.type === "bytes") return `0x${next(40).toString(16).padStart(10, "0")}`;
    const uint = /^uint(\d+)$/.exec(p.type);
    if (uint) return next(Number(uint[1]));
    const int = /^int(\d+)$/.exec(p.type);
    if (int) return BigInt.asIntN(Number(int[1]), next(Number(int[1])));
    const bytes = /^bytes(\d+)$/.exec(p.type);
    if (bytes) return `0x${next(8 * Number(bytes[1])).toString(16).padStart(2 * Number(bytes[1]), "0")}`;
    throw new Error(`no maker for ${p.type}`);
  };
  return make;
}

describe("decodeSessionLog against viem's decodeEventLog", () => {
  const cases = Object.entries(watchedContractAbis).flatMap(([contract, abi]) =>
    (abi as Abi).filter((e) => e.type === "event").map((e) => [contract as WatchedContract, e as Extract<Abi[number], { type: "event" }>] as const),
  );

  it.each(cases)("%s %s: the same arguments for random values", (contract, event) => {
    const make = argumentMaker(event.name.length * 7919 + contract.length);
    for (let round = 0; round < 20; round++) {
      const values = event.inputs.map(make);
      const args = Object.fromEntries(event.inputs.map((input, i) => [input.name, values[i]]));
      const topics = encodeEventTopics({ abi: [event], eventName: event.name, args } as never) as Hex[];
      const data = encodeAbiParameters(event.inputs.filter((i) => !i.indexed), event.inputs.flatMap((input, i) => (input.indexed ? [] : [values[i]])));
      const log = { topics, data, transactionHash: `0x${"ab".repeat(32)}` as Hex, logIndex: round };
      const decoded = decodeSessionLog(contract, log);
      expect(decoded).toEqual(decodeWithViem(contract, log));
      expect(decoded.eventName).toBe(event.name);
    }
  });

  it("reads a Transfer exactly, and refuses what viem's strict decoder refuses", () => {
    const from = "0x00000000000000000000000000000000000000aa";
    const to = getAddress("0x00000000000000000000000000000000000000bb");
    const topics = encodeEventTopics({ abi: seshl2Abi, eventName: "Transfer", args: { from, to } }) as Hex[];
    const log = { topics, data: encodeAbiParameters([{ type: "uint256" }], [2n ** 255n + 9n]), transactionHash: null, logIndex: 0 };
    expect(decodeSessionLog("SESH", log).args).toEqual({ from, to: to.toLowerCase(), value: (2n ** 255n + 9n).toString() });

    const short = { ...log, data: "0x01" as Hex };
    expect(() => decodeWithViem("SESH", short)).toThrow(UndecodableLogError);
    expect(() => decodeSessionLog("SESH", short)).toThrow(UndecodableLogError);
    const missingTopic = { ...log, topics: topics.slice(0, 2) };
    expect(() => decodeWithViem("SESH", missingTopic)).toThrow(UndecodableLogError);
    expect(() => decodeSessionLog("SESH", missingTopic)).toThrow(/does not match its ABI/);

    const bool = serviceNodeContributionAbi.find((e) => e.type === "event" && e.name === "UpdateManualFinalize")!;
    const notABool = { topics: encodeEventTopics({ abi: [bool], eventName: "UpdateManualFinalize" }) as Hex[], data: `0x${"0".repeat(63)}2` as Hex, transactionHash: null, logIndex: 1 };
    expect(() => decodeWithViem("ServiceNodeContribution", notABool)).toThrow(UndecodableLogError);
    expect(() => decodeSessionLog("ServiceNodeContribution", notABool)).toThrow(UndecodableLogError);

    // An array whose offset or length points past the data.
    const node = newNodeLog();
    const arrayHead = 64 + 64 * 2 + 64 * 4; // the offset word after initiator, pubkey and params
    for (const bad of ["00".repeat(31) + "ff", "00".repeat(30) + "ffff"]) {
      const data = `${node.data.slice(0, arrayHead + 2)}${bad}${node.data.slice(arrayHead + 66)}` as Hex;
      expect(() => decodeWithViem("ServiceNodeRewards", { ...node, data })).toThrow(UndecodableLogError);
      expect(() => decodeSessionLog("ServiceNodeRewards", { ...node, data })).toThrow(UndecodableLogError);
    }
    const truncated = { ...node, data: node.data.slice(0, -64) as Hex };
    expect(() => decodeWithViem("ServiceNodeRewards", truncated)).toThrow(UndecodableLogError);
    expect(() => decodeSessionLog("ServiceNodeRewards", truncated)).toThrow(UndecodableLogError);
  });
});
