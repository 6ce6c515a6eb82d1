// Compiles contracts/*.sol with solc-js (the `solc` npm package: Wasm, no download) into
// contracts/artifacts/<Contract>.json = { abi, bytecode }. Skipped when the sources are unchanged.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import solc from "solc";

const contractsDir = path.resolve(import.meta.dirname);
const artifactsDir = path.join(contractsDir, "artifacts");
const hashFile = path.join(artifactsDir, ".source-hash");

export class SolidityCompileError extends Error {
  constructor(messages: string[]) {
    super(`Solidity compilation failed:\n${messages.join("\n")}`);
    this.name = "SolidityCompileError";
  }
}

async function sourceFiles(dir = contractsDir, prefix = ""): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && entry.name !== "artifacts") files.push(...(await sourceFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)));
    else if (entry.name.endsWith(".sol")) files.push(`${prefix}${entry.name}`);
  }
  return files;
}

export async function buildContracts(opts: { force?: boolean } = {}): Promise<"compiled" | "up to date"> {
  const files = await sourceFiles();
  const sources: Record<string, { content: string }> = {};
  const hash = createHash("sha256").update(solc.version());
  for (const file of files) {
    const content = await readFile(path.join(contractsDir, file), "utf8");
    sources[file] = { content };
    hash.update(file).update(content);
  }
  const digest = hash.digest("hex");
  if (!opts.force && existsSync(hashFile) && (await readFile(hashFile, "utf8")) === digest) return "up to date";

  const input = {
    language: "Solidity",
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      viaIR: true,
      evmVersion: "cancun",
      outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new SolidityCompileError(errors.map((e) => e.formattedMessage));

  await mkdir(artifactsDir, { recursive: true });
  for (const [file, contracts] of Object.entries(output.contracts)) {
    if (file.startsWith("lib/")) continue;
    for (const [name, compiled] of Object.entries(contracts)) {
      if (compiled.evm.bytecode.object === "") continue; // interfaces and abstract contracts
      await writeFile(path.join(artifactsDir, `${name}.json`), JSON.stringify({ abi: compiled.abi, bytecode: `0x${compiled.evm.bytecode.object}` }, null, 2));
    }
  }
  await writeFile(hashFile, digest);
  return "compiled";
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = Date.now();
  const result = await buildContracts({ force: process.argv.includes("--force") });
  console.log(`contracts ${result} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
