import { createServer } from "node:net";

export class PortInUseError extends Error {
  constructor(part: string, port: number, envVar: string) {
    super(
      `${part}: port ${port} on 127.0.0.1 is already in use. Stop whatever listens there ` +
        `(is another \`npm start\` running?) or choose another port with ${envVar}=<port>.`,
    );
    this.name = "PortInUseError";
  }
}

/** Fails with a message naming the part and the variable to change when `port` is taken. */
export async function assertPortFree(port: number, part: string, envVar: string): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
  if (!free) throw new PortInUseError(part, port, envVar);
}

/** A port the OS reports free right now, for tests that start their own servers. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
