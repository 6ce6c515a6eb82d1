// Runs before `npm start` and `npm test`: generates what the repo does not commit (the Prisma
// client, the compiled contracts), each only when its sources changed.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

import { generateAbiModules } from "./generate-abi-modules";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");

async function generatePrismaClient(): Promise<void> {
  const schema = await readFile(path.join(root, "prisma/schema.prisma"));
  const version = JSON.parse(await readFile(path.join(root, "node_modules/prisma/package.json"), "utf8")).version as string;
  const hash = createHash("sha256").update(schema).update(version).digest("hex");
  const stamp = path.join(root, "prisma/generated/.schema-hash");
  if (existsSync(stamp) && (await readFile(stamp, "utf8")) === hash) return;
  // Prisma 7's generate needs no engine, but its CLI looks for the schema engine before it
  // starts and would download it: point it at any existing file instead.
  await run(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
    cwd: root,
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  await writeFile(stamp, hash);
  console.log("[prepare] Prisma client generated");
}

await generatePrismaClient();
await generateAbiModules();
if (existsSync(path.join(root, "contracts/build.ts"))) {
  const { buildContracts } = await import("../contracts/build");
  await buildContracts();
}
