// npm run abi:sync [-- <dir>]: copies Session's deployed ABIs (default ../shared/reference/abis)
// into lib/abi/reference/, the repo's own copy, and regenerates the typed modules.
import { copyFile, readdir } from "node:fs/promises";
import path from "node:path";
import { generateAbiModules } from "./generate-abi-modules";

const root = path.resolve(import.meta.dirname, "..");
const source = process.argv[2] ?? path.resolve(root, "../shared/reference/abis");
for (const file of (await readdir(source)).filter((f) => f.endsWith(".json"))) {
  await copyFile(path.join(source, file), path.join(root, "lib/abi/reference", file));
}
console.log(`${await generateAbiModules()} reference ABIs synced`);
