import { describe, expect, it } from "vitest";
import { findNetworkOwner, ipv4ToNumber, parseAsnRanges } from "./asn-ranges";

const csv = [
  '16777216,16777471,13335,"Cloudflare, Inc."',
  "16778240,16779263,38803,Gtelecom Pty Ltd",
  "garbage line",
  `${ipv4ToNumber("95.216.0.0")},${ipv4ToNumber("95.217.255.255")},24940,Hetzner Online GmbH`,
  `${ipv4ToNumber("116.202.0.0")},${ipv4ToNumber("116.203.255.255")},24940,Hetzner Online GmbH`,
  "",
].join("\n");

describe("ASN ranges", () => {
  it("parses ranges, quoted names included, and counts lines it could not use", () => {
    const ranges = parseAsnRanges(csv);
    expect(ranges.skipped).toBe(1);
    expect(ranges.starts.length).toBe(4);
    // a name shared by several ranges is kept once
    expect(ranges.orgNames).toEqual(["Cloudflare, Inc.", "Gtelecom Pty Ltd", "Hetzner Online GmbH"]);
    expect([...ranges.orgOf]).toEqual([0, 1, 2, 2]);
  });

  it("finds the AS of an address, and none in gaps or for malformed input", () => {
    const ranges = parseAsnRanges(csv);
    expect(findNetworkOwner(ranges, "1.0.0.1")).toEqual({ asn: 13335, provider: "Cloudflare, Inc." });
    expect(findNetworkOwner(ranges, "95.216.33.113")).toEqual({ asn: 24940, provider: "Hetzner Online GmbH" });
    expect(findNetworkOwner(ranges, "1.0.2.0")).toBeUndefined();
    expect(findNetworkOwner(ranges, "0.0.0.1")).toBeUndefined();
    expect(findNetworkOwner(ranges, "300.1.1.1")).toBeUndefined();
    expect(findNetworkOwner(ranges, "::1")).toBeUndefined();
  });
});
