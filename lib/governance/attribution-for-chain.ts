import { buildAttribution, type Attribution } from "./entity-attribution";
import { entityLabelsFor, SIMULATED_CHAIN_IDS } from "./entity-labels";

/** Who counts as whom on a chain: FOUNDATION_ADDRESSES plus that chain's labels file. */
export function attributionForChain(foundationAddresses: readonly string[], chainId: number | undefined): Attribution {
  return buildAttribution(foundationAddresses, entityLabelsFor(chainId), { simulatedChain: chainId !== undefined && SIMULATED_CHAIN_IDS.has(chainId) });
}
