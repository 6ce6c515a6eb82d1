import { readFileSync } from "node:fs";
import path from "node:path";
import type { Abi, AbiParameter } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import { loadArtifact, type ContractName } from "./artifacts";
import { buildContracts } from "./build";

type Entry = Abi[number];
const reference = (name: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../lib/abi/reference", `${name}.json`), "utf8")) as Abi;

const param = (p: AbiParameter): unknown => ({
  name: p.name,
  type: p.type,
  ...("indexed" in p && p.indexed !== undefined ? { indexed: p.indexed } : {}),
  ...("components" in p ? { components: p.components.map(param) } : {}),
});
/** What decides selectors, topics and decoding: names, types, indexed flags, structs, mutability. */
const shape = (e: Entry) =>
  JSON.stringify({
    type: e.type,
    name: "name" in e ? e.name : undefined,
    inputs: "inputs" in e ? e.inputs.map(param) : [],
    outputs: "outputs" in e ? e.outputs.map(param) : [],
    stateMutability: "stateMutability" in e ? e.stateMutability : undefined,
    anonymous: "anonymous" in e ? e.anonymous : undefined,
  });
const signature = (e: Entry) => `${e.type} ${"name" in e ? e.name : ""}(${"inputs" in e ? e.inputs.map((i) => i.type).join(",") : ""})`;

// Our devnet SESH is a plain fixed-supply ERC-20; Arbitrum's SESHL2 is an upgradeable bridged
// token. Its initializer and bridge entries have nothing to do on a devnet.
const intentionallyAbsent: Record<string, string[]> = {
  SESHL2: [
    "error InvalidInitialization()",
    "error NotInitializing()",
    "event Initialized(uint64)",
    "function bridgeBurn(address,uint256)",
    "function bridgeMint(address,uint256)",
    "function initialize(address,address)",
    "function l1Address()",
    "function l2Gateway()",
  ],
};

const pairs: [ContractName, string][] = [
  ["SESH", "SESHL2"],
  ["ServiceNodeRewards", "ServiceNodeRewards"],
  ["ServiceNodeContribution", "ServiceNodeContribution"],
  ["ServiceNodeContributionFactory", "ServiceNodeContributionFactory"],
  ["RewardRatePool", "RewardRatePool"],
  ["TokenVestingStaking", "TokenVestingStaking"],
];

beforeAll(async () => {
  await buildContracts();
}, 120_000);

describe("the devnet contracts' ABIs match Session's deployed contracts", () => {
  it.each(pairs)("%s matches %s entry for entry", (ours, theirs) => {
    const compiled = new Map(loadArtifact(ours).abi.map((e) => [signature(e), shape(e)]));
    const absent = new Set(intentionallyAbsent[theirs] ?? []);
    const problems: string[] = [];
    for (const entry of reference(theirs)) {
      const sig = signature(entry);
      if (absent.has(sig)) {
        if (compiled.has(sig)) problems.push(`${sig} is listed as absent but exists: remove it from the list`);
        continue;
      }
      if (!compiled.has(sig)) problems.push(`missing ${sig}`);
      else if (compiled.get(sig) !== shape(entry)) problems.push(`differs ${sig}:\n  ours   ${compiled.get(sig)}\n  theirs ${shape(entry)}`);
    }
    expect(problems).toEqual([]);
  });

  it("notices drift: a changed indexed flag is reported", () => {
    const event = reference("ServiceNodeRewards").find((e) => e.type === "event" && e.name === "RewardsClaimed")!;
    const changed = JSON.parse(JSON.stringify(event)) as Entry & { inputs: { indexed?: boolean }[] };
    changed.inputs[0]!.indexed = false;
    expect(shape(changed)).not.toBe(shape(event));
    expect(signature(changed)).toBe(signature(event));
  });
});
