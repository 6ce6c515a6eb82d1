// Where the benchmarks keep a written devnet history (anvil's state + devnet.json), so that the
// 30 minutes of writing 20,000 nodes happen once: bench:indexer writes it, bench:web reuses it.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The benchmarks' scenario seed. */
export const BENCH_SEED = "bench";

/** Changes whenever the scenario or the contracts change: a stale cached chain is never reused. */
export async function scenarioDigest(): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of ["devnet/scenario", "contracts"]) {
    for (const file of (await readdir(dir)).filter((f) => /\.(ts|sol)$/.test(f) && !f.endsWith(".test.ts")).sort()) {
      hash.update(file).update(await readFile(path.join(dir, file)));
    }
  }
  return hash.digest("hex").slice(0, 10);
}

/** `.data/bench-devnet-<seed>-<nodes>-<digest>`: the history of `nodeCount` nodes written from these sources. */
export async function benchDevnetDir(nodeCount: number, seed = BENCH_SEED): Promise<string> {
  return `.data/bench-devnet-${seed}-${nodeCount}-${await scenarioDigest()}`;
}
