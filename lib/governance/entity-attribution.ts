import type { EntityLabels } from "./entity-labels";

export const FOUNDATION_ENTITY_ID = "foundation";

export interface AttributedEntity {
  /** "foundation", a labelled entity's id, or the address itself for an unlabelled address */
  id: string;
  name: string;
  kind: "foundation" | "labelled" | "address";
  simulated: boolean;
}

/** An address counted as the foundation, with every reason it is. */
export interface FoundationAddress {
  address: string;
  reasons: string[];
}

export interface Attribution {
  entityOf(address: string): AttributedEntity;
  isFoundation(address: string): boolean;
  foundation: AttributedEntity;
  foundationAddresses: FoundationAddress[];
  /** labelled entities other than the foundation, with their addresses and sources */
  labelledEntities: { entity: AttributedEntity; addresses: { address: string; source: string }[] }[];
  labelsDescription: string;
}

/**
 * Groups addresses into entities: the configured foundation addresses (FOUNDATION_ADDRESSES),
 * the entities of the chain's labels file, and every other address on its own. Nothing is
 * inferred from behaviour: an address is grouped only when configuration or a sourced label says so.
 */
export function buildAttribution(foundationAddresses: readonly string[], labels: EntityLabels, opts: { simulatedChain?: boolean } = {}): Attribution {
  const simulated = opts.simulatedChain ?? false;
  const foundation: AttributedEntity = {
    id: FOUNDATION_ENTITY_ID,
    name: simulated ? "Foundation (simulated on the devnet)" : "Session Technology Foundation",
    kind: "foundation",
    simulated,
  };
  const reasons = new Map<string, string[]>();
  for (const address of foundationAddresses) {
    reasons.set(address.toLowerCase(), [simulated ? "FOUNDATION_ADDRESSES, set from the devnet scenario's simulated foundation" : "FOUNDATION_ADDRESSES configuration"]);
  }
  const byAddress = new Map<string, AttributedEntity>();
  const labelledEntities: Attribution["labelledEntities"] = [];
  for (const labelled of labels.entities) {
    if (labelled.id === FOUNDATION_ENTITY_ID) {
      for (const { address, source } of labelled.addresses) reasons.set(address, [...(reasons.get(address) ?? []), `label: ${source}`]);
      continue;
    }
    const entity: AttributedEntity = { id: labelled.id, name: labelled.name, kind: "labelled", simulated: labelled.simulated };
    const addresses = labelled.addresses.filter((a) => !reasons.has(a.address));
    for (const { address } of addresses) byAddress.set(address, entity);
    if (addresses.length > 0) labelledEntities.push({ entity, addresses });
  }
  for (const address of reasons.keys()) byAddress.set(address, foundation);
  return {
    entityOf(address) {
      const key = address.toLowerCase();
      return byAddress.get(key) ?? { id: key, name: key, kind: "address", simulated: false };
    },
    isFoundation: (address) => reasons.has(address.toLowerCase()),
    foundation,
    foundationAddresses: [...reasons].map(([address, why]) => ({ address, reasons: why })).sort((a, b) => a.address.localeCompare(b.address)),
    labelledEntities,
    labelsDescription: labels.description,
  };
}
