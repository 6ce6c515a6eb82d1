import { describe, expect, it } from "vitest";
import { buildAttribution } from "./entity-attribution";
import { EntityLabelsError, entityLabelsFor, parseEntityLabels } from "./entity-labels";

const address = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;

describe("entity labels files", () => {
  it("load and validate for every chain that has one", () => {
    expect(entityLabelsFor(42161).entities).toEqual([]);
    expect(entityLabelsFor(421614).chainId).toBe(421614);
    const devnet = entityLabelsFor(31337);
    expect(devnet.entities.length).toBeGreaterThan(0);
    expect(devnet.entities.every((e) => e.simulated && e.id !== "foundation")).toBe(true);
    expect(entityLabelsFor(5).entities).toEqual([]);
  });

  it("refuse a label without a source, a devnet entity not marked simulated, and a devnet foundation", () => {
    expect(() => parseEntityLabels({ chainId: 1, description: "x", entities: [{ id: "a", name: "A", addresses: [{ address: address(1), source: "" }] }] }, 1)).toThrow(
      /source/,
    );
    expect(() => parseEntityLabels({ chainId: 31337, description: "x", entities: [{ id: "a", name: "A", addresses: [{ address: address(1), source: "plan" }] }] }, 31337)).toThrow(
      /simulated/,
    );
    expect(() =>
      parseEntityLabels({ chainId: 31337, description: "x", entities: [{ id: "foundation", name: "F", simulated: true, addresses: [{ address: address(1), source: "plan" }] }] }, 31337),
    ).toThrow(/real foundation/);
  });

  it("refuse an address labelled twice, a bad address and a file for another chain", () => {
    const twice = {
      chainId: 1,
      description: "x",
      entities: [
        { id: "a", name: "A", addresses: [{ address: address(1), source: "s" }] },
        { id: "b", name: "B", addresses: [{ address: address(1), source: "s" }] },
      ],
    };
    expect(() => parseEntityLabels(twice, 1)).toThrow(EntityLabelsError);
    expect(() => parseEntityLabels({ chainId: 1, description: "x", entities: [{ id: "a", name: "A", addresses: [{ address: "0x12", source: "s" }] }] }, 1)).toThrow(/address/);
    expect(() => parseEntityLabels({ chainId: 2, description: "x", entities: [] }, 1)).toThrow(/expected 1/);
  });
});

describe("buildAttribution", () => {
  const labels = parseEntityLabels(
    {
      chainId: 1,
      description: "test labels",
      entities: [
        { id: "foundation", name: "Session Technology Foundation", addresses: [{ address: address(2), source: "https://example.org/report" }] },
        { id: "pool", name: "Pool", addresses: [{ address: address(3), source: "pool's site" }, { address: address(1), source: "old label" }] },
      ],
    },
    1,
  );
  const attribution = buildAttribution([address(1).toUpperCase().replace("0X", "0x")], labels);

  it("counts configured and labelled foundation addresses, with every reason", () => {
    expect(attribution.foundationAddresses).toEqual([
      { address: address(1), reasons: ["FOUNDATION_ADDRESSES configuration"] },
      { address: address(2), reasons: ["label: https://example.org/report"] },
    ]);
    expect(attribution.isFoundation(address(2))).toBe(true);
    expect(attribution.entityOf(address(1))).toMatchObject({ id: "foundation", kind: "foundation" });
  });

  it("groups labelled addresses and leaves unknown ones on their own", () => {
    expect(attribution.entityOf(address(3))).toMatchObject({ id: "pool", kind: "labelled" });
    // configuration wins over another label for the same address
    expect(attribution.labelledEntities).toEqual([{ entity: expect.objectContaining({ id: "pool" }), addresses: [{ address: address(3), source: "pool's site" }] }]);
    expect(attribution.entityOf(address(9).toUpperCase().replace("0X", "0x"))).toEqual({ id: address(9), name: address(9), kind: "address", simulated: false });
  });

  it("names the devnet's foundation as simulated", () => {
    expect(buildAttribution([address(1)], labels, { simulatedChain: true }).foundation).toMatchObject({ simulated: true, name: expect.stringMatching(/simulated/) });
  });
});
