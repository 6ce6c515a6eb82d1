import { expect, it } from "vitest";
import { startDevnetFixture } from "../../test-support/devnet-fixture";

async function finalBlock(seed: string) {
  const fixture = await startDevnetFixture({ seed, nodeCount: 40, months: 2 });
  try {
    const block = await fixture.clients.public.getBlock({ blockTag: "latest" });
    return { number: block.number, hash: block.hash, stateRoot: block.stateRoot };
  } finally {
    await fixture.stop();
  }
}

it("writes the same chain, block for block, from the same seed", async () => {
  const first = await finalBlock("determinism");
  const second = await finalBlock("determinism");
  expect(first.number).toBeGreaterThan(50n);
  expect(second).toEqual(first);
  const other = await finalBlock("another seed");
  expect(other.stateRoot).not.toBe(first.stateRoot);
}, 180_000);
