import { spawn, type ChildProcess } from "node:child_process";

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** resolves with the exit code when the process ends */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Spawns a part of the stack with its output prefixed by its name, so one terminal shows
 * which part said what. `quiet` keeps only stderr (and stdout lines matching `keep`).
 */
export function startManagedProcess(opts: {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  quiet?: boolean;
  keep?: RegExp;
}): ManagedProcess {
  const child = spawn(opts.command, opts.args, { env: opts.env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream, filter?: RegExp) => {
    let rest = "";
    stream?.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) if (line.trim() && (!filter || filter.test(line))) out.write(`[${opts.name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout, opts.quiet ? (opts.keep ?? /^$/) : undefined);
  prefix(child.stderr, process.stderr);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    name: opts.name,
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
