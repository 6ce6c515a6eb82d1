import { describe, expect, it } from "vitest";
import { ConfigError } from "./env-schemas";
import { readIndexerConfig } from "./indexer-config";

const valid = {
  DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/explorer",
  RPC_URL: "http://127.0.0.1:8545",
  CHAIN_ID: "42161",
  SESH_ADDRESS: "0x10Ea9E5303670331Bdddfa66A4cEA47dae4fcF3b",
  SERVICE_NODE_REWARDS_ADDRESS: "0xC2B9fC251aC068763EbDfdecc792E3352E351c00",
  START_BLOCK: "330000000",
  OXEND_RPC_URL: "http://127.0.0.1:22023/json_rpc",
  FOUNDATION_ADDRESSES: "0x00000000000000000000000000000000000000aA, 0x00000000000000000000000000000000000000AA,",
};

describe("readIndexerConfig", () => {
  it("parses a production-like environment with defaults", () => {
    const config = readIndexerConfig(valid);
    expect(config.chainId).toBe(42161);
    expect(config.startBlock).toBe(330_000_000n);
    expect(config.contracts.sesh).toBe("0x10ea9e5303670331bdddfa66a4cea47dae4fcf3b");
    expect(config.foundationAddresses).toEqual(["0x00000000000000000000000000000000000000aa"]);
    expect(config.finalityDepth).toBe(64);
    expect(config.contracts.vesting).toEqual([]);
    expect(config.logConcurrency).toBe(4);
    expect(config.rangesPerCommit).toBe(64);
  });

  it("takes LOG_CONCURRENCY from 1 to 32 and refuses anything else by name", () => {
    expect(readIndexerConfig({ ...valid, LOG_CONCURRENCY: "1" }).logConcurrency).toBe(1);
    expect(readIndexerConfig({ ...valid, LOG_CONCURRENCY: "32" }).logConcurrency).toBe(32);
    expect(() => readIndexerConfig({ ...valid, LOG_CONCURRENCY: "0" })).toThrow(/LOG_CONCURRENCY="0": must be at least 1/);
    expect(() => readIndexerConfig({ ...valid, LOG_CONCURRENCY: "33" })).toThrow(/LOG_CONCURRENCY="33": must be at most 32/);
    expect(() => readIndexerConfig({ ...valid, LOG_CONCURRENCY: "2.5" })).toThrow(/LOG_CONCURRENCY="2.5": must be a whole number/);
    expect(readIndexerConfig({ ...valid, RANGES_PER_COMMIT: "1" }).rangesPerCommit).toBe(1);
    expect(() => readIndexerConfig({ ...valid, RANGES_PER_COMMIT: "257" })).toThrow(/RANGES_PER_COMMIT="257": must be at most 256/);
  });

  it("takes an optional http(s) alert webhook and refuses anything else", () => {
    expect(readIndexerConfig(valid).alertWebhookUrl).toBeUndefined();
    expect(readIndexerConfig({ ...valid, ALERT_WEBHOOK_URL: "https://hooks.example/pledge" }).alertWebhookUrl).toBe("https://hooks.example/pledge");
    expect(() => readIndexerConfig({ ...valid, ALERT_WEBHOOK_URL: "mailto:desk@example.org" })).toThrow(/ALERT_WEBHOOK_URL="mailto:desk@example.org": must be a http or https URL/);
  });

  it("names every bad or missing variable in one error", () => {
    const env = { ...valid, RPC_URL: "ftp://x", START_BLOCK: "-3", FOUNDATION_ADDRESSES: "0x12,nope" } as Record<string, string | undefined>;
    delete env.SESH_ADDRESS;
    try {
      readIndexerConfig(env);
      expect.unreachable("config should be rejected");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('RPC_URL="ftp://x": must be a http or https URL');
      expect(message).toContain("START_BLOCK=\"-3\": must be a block number");
      expect(message).toContain("SESH_ADDRESS is required");
      expect(message).toContain("not 0x addresses: 0x12, nope");
    }
  });
});
