import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const inputs = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "tsconfig.json"];
const stampFile = path.join(root, ".next", "source-hash.txt");

async function hashInputs(): Promise<string> {
  const hash = createHash("sha256");
  const visit = async (rel: string): Promise<void> => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    const entries = await readdir(abs, { withFileTypes: true }).catch(() => undefined);
    if (!entries) {
      hash.update(rel).update(await readFile(abs));
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === "node_modules" || entry.name.endsWith(".test.ts")) continue;
      await visit(path.join(rel, entry.name));
    }
  };
  for (const input of inputs) await visit(input);
  return hash.digest("hex");
}

/** Runs `next build` unless the last build was made from exactly these sources. */
export async function ensureWebBuild(log: (line: string) => void): Promise<"built" | "up to date"> {
  const hash = await hashInputs();
  if (existsSync(stampFile) && (await readFile(stampFile, "utf8")) === hash) return "up to date";
  log("building the web app (next build): about a minute on 2 cores");
  try {
    await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Web: next build failed:\n${(e.stdout ?? "").slice(-3_000)}${(e.stderr ?? "").slice(-3_000) || e.message}`);
  }
  await writeFile(stampFile, hash);
  return "built";
}
