import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { assertPortFree } from "./port-check";

export interface LocalChain {
  rpcUrl: string;
  chainId: number;
  process: ChildProcess;
  /** Stops anvil with SIGINT so it writes its state file first. */
  stop(): Promise<void>;
}

export class LocalChainError extends Error {
  constructor(message: string) {
    super(`Devnet chain: ${message}`);
    this.name = "LocalChainError";
  }
}

const platformPackages: Record<string, string> = {
  "linux-x64": "@foundry-rs/anvil-linux-amd64",
  "linux-arm64": "@foundry-rs/anvil-linux-arm64",
  "darwin-x64": "@foundry-rs/anvil-darwin-amd64",
  "darwin-arm64": "@foundry-rs/anvil-darwin-arm64",
  "win32-x64": "@foundry-rs/anvil-win32-amd64",
};

/** The anvil binary that @foundry-rs/anvil ships for this platform inside an npm package. */
export function anvilBinaryPath(): string {
  const pkg = platformPackages[`${process.platform}-${process.arch}`];
  if (!pkg) throw new LocalChainError(`anvil has no npm build for ${process.platform}-${process.arch}`);
  const require = createRequire(import.meta.url);
  try {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    return path.join(dir, "bin", process.platform === "win32" ? "anvil.exe" : "anvil");
  } catch {
    throw new LocalChainError(`${pkg} is not installed: run npm install`);
  }
}

/**
 * Starts anvil on 127.0.0.1. With `stateFile`, the chain (blocks, logs and state) is loaded
 * from it at start and written back periodically and on stop, so a restart resumes it.
 * Blocks are mined only on request (evm_mine): the scenario decides the timeline.
 */
export async function startLocalChain(opts: {
  port: number;
  chainId: number;
  stateFile?: string;
  /**
   * How often anvil writes the state file besides on stop (default every 10 minutes); false: on
   * stop only. A large chain's write takes a core for tens of seconds.
   */
  saveStateEvery?: number | false;
  /** unix seconds of the genesis block, for a reproducible chain */
  genesisTimestamp?: number;
  log?: (line: string) => void;
}): Promise<LocalChain> {
  await assertPortFree(opts.port, "Devnet chain", "DEVNET_RPC_PORT");
  const args = [
    "--host", "127.0.0.1",
    "--port", String(opts.port),
    "--chain-id", String(opts.chainId),
    "--no-mining",
    "--order", "fifo",
    // The scenario sends from hundreds of simulated operators without holding their keys.
    "--auto-impersonate",
    "--gas-limit", "1000000000",
    "--disable-code-size-limit",
    // Keep no historical states: anvil otherwise writes every old block's full state under
    // ~/.foundry/anvil/tmp, tens of GB for a long history. Nothing here calls old blocks.
    "--prune-history",
    "--silent",
  ];
  if (opts.genesisTimestamp !== undefined) args.push("--timestamp", String(opts.genesisTimestamp));
  if (opts.stateFile) {
    await mkdir(path.dirname(opts.stateFile), { recursive: true });
    args.push("--state", opts.stateFile);
    const every = opts.saveStateEvery ?? 600;
    if (every !== false) args.push("--state-interval", String(every));
  }
  const child = spawn(anvilBinaryPath(), args, { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    opts.log?.(text.trimEnd());
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const rpcUrl = `http://127.0.0.1:${opts.port}`;
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new LocalChainError(`anvil exited with code ${code}: ${output.join("").slice(-500)}`))),
  );
  // Loading a saved chain takes a while when it is large (~40 s per GB here): wait accordingly.
  const stateBytes = opts.stateFile && existsSync(opts.stateFile) ? statSync(opts.stateFile).size : 0;
  try {
    await Promise.race([waitForRpc(rpcUrl, 30_000 + Math.ceil(stateBytes / 1e9) * 120_000), exited]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    rpcUrl,
    chainId: opts.chainId,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT");
        // Writing a long history's state takes a while (GBs for the 20,000-node benchmark):
        // killing it midway would leave a truncated state file.
        setTimeout(() => child.kill("SIGKILL"), 180_000).unref();
      }),
  };
}

async function waitForRpc(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new LocalChainError(`no JSON-RPC answer at ${url} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
