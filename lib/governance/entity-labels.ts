import { z } from "zod";
import { addressSchema } from "../config/env-schemas";
import devnetLabels from "./entity-labels/31337.json";
import arbitrumOneLabels from "./entity-labels/42161.json";
import arbitrumSepoliaLabels from "./entity-labels/421614.json";

/** Chains whose labels describe a simulated network: their labels must say so. */
export const SIMULATED_CHAIN_IDS = new Set([31337]);

const labelledAddressSchema = z.object({
  address: addressSchema,
  /** why this address belongs to the entity: a URL, a document, an on-chain fact */
  source: z.string().trim().min(3, "every label needs a source"),
});

const entitySchema = z.object({
  /** stable id used in URLs and downloads; "foundation" is the Session Technology Foundation */
  id: z.string().regex(/^[a-z0-9-]+$/, "entity ids are lower-case words joined by '-'"),
  name: z.string().trim().min(1),
  /** true for entities invented by the devnet scenario: never a real organisation */
  simulated: z.boolean().default(false),
  addresses: z.array(labelledAddressSchema).min(1, "an entity needs at least one address"),
});

export const entityLabelsSchema = z
  .object({
    chainId: z.number().int().positive(),
    /** what this file covers and where its labels come from */
    description: z.string().trim().min(1),
    entities: z.array(entitySchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, string>();
    for (const [i, entity] of file.entities.entries()) {
      if (SIMULATED_CHAIN_IDS.has(file.chainId) && !entity.simulated) {
        ctx.addIssue({ code: "custom", path: ["entities", i, "simulated"], message: `chain ${file.chainId} is a devnet: its entity "${entity.id}" must be marked simulated` });
      }
      if (SIMULATED_CHAIN_IDS.has(file.chainId) && entity.id === "foundation") {
        ctx.addIssue({ code: "custom", path: ["entities", i, "id"], message: "a devnet labels file must not claim addresses as the real foundation; the devnet's foundation comes from FOUNDATION_ADDRESSES" });
      }
      for (const { address } of entity.addresses) {
        const other = seen.get(address);
        if (other !== undefined) ctx.addIssue({ code: "custom", path: ["entities", i], message: `${address} is labelled as both "${other}" and "${entity.id}"` });
        seen.set(address, entity.id);
      }
    }
  });

export type EntityLabels = z.output<typeof entityLabelsSchema>;
export type LabelledEntity = EntityLabels["entities"][number];

export class EntityLabelsError extends Error {
  constructor(chainId: number, issues: string[]) {
    super(`lib/governance/entity-labels/${chainId}.json is invalid:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EntityLabelsError";
  }
}

/** Validates a labels file's contents; every problem is named with its path. */
export function parseEntityLabels(raw: unknown, chainId: number): EntityLabels {
  const result = entityLabelsSchema.safeParse(raw);
  if (!result.success) throw new EntityLabelsError(chainId, result.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`));
  if (result.data.chainId !== chainId) throw new EntityLabelsError(chainId, [`chainId is ${result.data.chainId}, expected ${chainId}`]);
  return result.data;
}

const labelFiles: Record<number, unknown> = { 31337: devnetLabels, 42161: arbitrumOneLabels, 421614: arbitrumSepoliaLabels };

/** The versioned labels of a chain; a chain without a file has no labelled entities. */
export function entityLabelsFor(chainId: number | undefined): EntityLabels {
  if (chainId === undefined || !(chainId in labelFiles)) {
    return { chainId: chainId ?? 0, description: "No labels file for this chain: only configured foundation addresses are attributed.", entities: [] };
  }
  return parseEntityLabels(labelFiles[chainId], chainId);
}
