import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { abiModuleFile } from "../../scripts/generate-abi-modules";

const dir = path.resolve(import.meta.dirname);

it.each(readdirSync(path.join(dir, "reference")).filter((f) => f.endsWith(".json")))(
  "lib/abi's typed module for %s is exactly the reference ABI",
  async (file) => {
    const reference = JSON.parse(readFileSync(path.join(dir, "reference", file), "utf8"));
    const abiModule = (await import(path.join(dir, abiModuleFile(file.replace(/\.json$/, ""))))) as Record<string, unknown>;
    const exported = Object.values(abiModule);
    expect(exported).toHaveLength(1);
    expect(exported[0]).toEqual(reference);
  },
);
