import { readFileSync } from "node:fs";
import path from "node:path";
import type { Abi, Hex } from "viem";

export type ContractName =
  | "SESH"
  | "ServiceNodeRewards"
  | "ServiceNodeContribution"
  | "ServiceNodeContributionFactory"
  | "RewardRatePool"
  | "TokenVestingStaking"
  | "SeshTransferBatcher";

/** A compiled contract from contracts/artifacts/ (run `npm run build:contracts` first). */
export function loadArtifact(name: ContractName): { abi: Abi; bytecode: Hex } {
  const file = path.resolve(import.meta.dirname, "artifacts", `${name}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as { abi: Abi; bytecode: Hex };
  } catch {
    throw new Error(`No compiled ${name} at ${file}: run \`npm run build:contracts\``);
  }
}
