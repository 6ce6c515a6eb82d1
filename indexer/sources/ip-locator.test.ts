import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { loadIpLocator } from "./ip-locator";

it("places real Session node IPs by country and hosting provider, offline", async () => {
  const locate = await loadIpLocator();
  expect(locate("95.216.33.113")).toMatchObject({ country: "FI", asn: 24940 });
  expect(locate("95.216.33.113").provider).toMatch(/Hetzner/);
  expect(locate("not an ip")).toEqual({ country: null, asn: null, provider: null });

  const sample = JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, "../../lib/oxend/fixtures/get_service_nodes.active_only.mainnet.2026-01-22.json"), "utf8"),
  ) as { service_node_states: { public_ip: string }[] };
  const located = sample.service_node_states.map((s) => locate(s.public_ip));
  expect(located.filter((l) => l.country !== null).length / located.length).toBeGreaterThan(0.98);
  expect(located.filter((l) => l.asn !== null).length / located.length).toBeGreaterThan(0.98);
  // As on real networks, a few providers host a large share.
  const perProvider = new Map<string, number>();
  for (const l of located) if (l.provider) perProvider.set(l.provider, (perProvider.get(l.provider) ?? 0) + 1);
  const top = Math.max(...perProvider.values()) / located.length;
  expect(top).toBeGreaterThan(0.1);
});
