import { createServer } from "node:net";
import { expect, it } from "vitest";
import { assertPortFree, findFreePort, PortInUseError } from "./port-check";

it("names the part and the variable to change when a port is taken", async () => {
  const port = await findFreePort();
  await expect(assertPortFree(port, "Web", "PORT")).resolves.toBeUndefined();
  const server = createServer();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  try {
    const error = await assertPortFree(port, "Web", "PORT").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toBe(
      `Web: port ${port} on 127.0.0.1 is already in use. Stop whatever listens there (is another \`npm start\` running?) or choose another port with PORT=<port>.`,
    );
  } finally {
    server.close();
  }
});
