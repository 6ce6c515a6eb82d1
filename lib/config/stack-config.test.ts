import { expect, it } from "vitest";
import { ConfigError } from "./env-schemas";
import { readStackConfig } from "./stack-config";

it("runs the devnet by default and none when RPC_URL points at a chain", () => {
  const local = readStackConfig({});
  expect(local).toMatchObject({ webPort: 3000, postgresPort: 54329, dataDir: ".data", devnet: { nodeCount: 2_000, months: 6, seed: "session-devnet" } });
  expect(readStackConfig({ RPC_URL: "https://arb1.example", PORT: "8080" })).toMatchObject({ webPort: 8080, devnet: undefined });
});

it("rejects bad ports and sizes with the variable's name", () => {
  expect(() => readStackConfig({ PORT: "http", DEVNET_NODES: "0" })).toThrow(ConfigError);
  expect(() => readStackConfig({ PORT: "70000" })).toThrow(/PORT="70000": must be at most 65535/);
  expect(() => readStackConfig({ DEVNET_FOUNDATION_SHARE: "0.5" })).toThrow(/DEVNET_FOUNDATION_SHARE="0.5": must be below 0.2/);
});
