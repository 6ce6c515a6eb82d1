import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import maxmind, { type Reader, type Response } from "maxmind";
import { findNetworkOwner, parseAsnRanges } from "../../lib/network/asn-ranges";

export interface IpLocation {
  /** ISO 3166 alpha-2 */
  country: string | null;
  asn: number | null;
  provider: string | null;
}

export type IpLocator = (ip: string) => IpLocation;

let shared: Promise<IpLocator> | undefined;

/**
 * Offline IP databases shipped in npm packages (ip-location-db: country by RIR whois and ASN,
 * ASN ranges from RouteViews): no lookups leave the machine. Loaded once per process, about a
 * second: the heartbeat poller and the governance step share one copy (~30 MB of ranges).
 */
export function loadIpLocator(): Promise<IpLocator> {
  shared ??= openIpLocator();
  shared.catch(() => (shared = undefined));
  return shared;
}

async function openIpLocator(): Promise<IpLocator> {
  const require = createRequire(import.meta.url);
  const dir = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));
  const countries: Reader<Response & { country_code?: string }> = await maxmind.open(
    path.join(dir("@ip-location-db/geo-whois-asn-country-mmdb"), "geo-whois-asn-country-ipv4.mmdb"),
  );
  const ranges = parseAsnRanges(await readFile(path.join(dir("@ip-location-db/asn"), "asn-ipv4-num.csv"), "utf8"));
  return (ip) => {
    const owner = findNetworkOwner(ranges, ip);
    let country: string | null = null;
    try {
      country = countries.get(ip)?.country_code ?? null;
    } catch {
      country = null; // not an address the database can read
    }
    return { country, asn: owner?.asn ?? null, provider: owner?.provider ?? null };
  };
}
