import { describe, expect, it } from "vitest";
import { parseNodeListQuery } from "../nodes/node-list-query";
import { canonicalPageUrl } from "./canonical-page-url";

const canonical = (url: string) => {
  const u = new URL(url, "http://x");
  return canonicalPageUrl(u.pathname, u.searchParams);
};

describe("canonicalPageUrl", () => {
  it("serves the overview from one entry whatever the query string", () => {
    expect(canonical("/")).toBe("/");
    expect(canonical("/?utm_source=x")).toBe("/");
  });

  it("gives equivalent node lists one URL: order, defaults, case, blanks and unknown parameters do not count", () => {
    const key = "/nodes?sort=stake&status=active&country=US";
    expect(canonical("/nodes?status=active&country=US&sort=stake&page=1")).toBe(key);
    expect(canonical("/nodes?sort=stake&dir=desc&country=us&status=active&size=50")).toBe(key);
    // What the filter form submits: every field, most of them empty.
    expect(canonical("/nodes?q=&status=active&country=US&provider=&version=&contributors=&foundation=&operator=&size=50&sort=stake&dir=desc&utm=1")).toBe(key);
    expect(canonical("/nodes")).toBe("/nodes");
    expect(canonical("/nodes?page=1&size=50&sort=id&dir=asc")).toBe("/nodes");
    // A repeated parameter counts by its first value, as the page reads it.
    expect(canonical("/nodes?status=active&status=exited")).toBe("/nodes?status=active");
  });

  it("keeps views that differ apart, and the canonical URL reads back as the same view", () => {
    const urls = ["/nodes?page=2", "/nodes?sort=stake&dir=asc", "/nodes?q=1.2.3.4", "/nodes?provider=Hetzner%20Online%20GmbH", "/nodes?size=100", "/nodes?q=a%2Fb%26c"];
    const keys = urls.map(canonical);
    expect(new Set(keys).size).toBe(urls.length);
    for (const [i, url] of urls.entries()) {
      const u = new URL(keys[i]!, "http://x");
      expect(parseNodeListQuery(u.searchParams)).toEqual(parseNodeListQuery(new URL(url, "http://x").searchParams));
      expect(canonical(keys[i]!)).toBe(keys[i]);
    }
  });

  it("does not cache a list whose filters cannot be read: its page names the bad parameters, per request", () => {
    expect(canonical("/nodes?page=0")).toBeNull();
    expect(canonical("/nodes?status=happy&sort=stake")).toBeNull();
    expect(canonical("/nodes?size=7")).toBeNull();
  });

  it("caches node pages by canonical id and the two uptime windows only", () => {
    expect(canonical("/nodes/42")).toBe("/nodes/42");
    expect(canonical("/nodes/0042?days=30&utm=1")).toBe("/nodes/42");
    expect(canonical("/nodes/42?days=90&days=30")).toBe("/nodes/42?days=90");
    expect(canonical("/nodes/42?days=7")).toBeNull();
    expect(canonical("/nodes/42?days=")).toBeNull();
    expect(canonical("/nodes/abc")).toBeNull();
    expect(canonical(`/nodes/${2n ** 64n}`)).toBeNull();
  });

  it("leaves every other page, the wallet pages and the API alone", () => {
    for (const url of ["/stake", "/my-nodes", "/api/nodes?status=active", "/api/health", "/api/overview?table=daily", "/nodes/42/extra", "/distribution", "/search?q=1", "/_next/static/x.js"]) {
      expect(canonical(url)).toBeNull();
    }
  });
});
