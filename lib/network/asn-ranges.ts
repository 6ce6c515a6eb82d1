/** IPv4 ranges announced by each autonomous system, sorted by start, for binary search. */
export interface AsnRanges {
  starts: Uint32Array;
  ends: Uint32Array;
  asns: Uint32Array;
  /** per range, an index into `orgNames` */
  orgOf: Uint32Array;
  /** each AS name once: ~350,000 ranges share ~80,000 names */
  orgNames: string[];
}

export interface NetworkOwner {
  asn: number;
  /** the AS's registered name: the hosting provider for a server */
  provider: string;
}

/**
 * Parses ip-location-db's `asn-ipv4-num.csv` ("start,end,asn,org", org quoted when it holds a
 * comma). Lines that do not parse are skipped and counted.
 */
export function parseAsnRanges(csv: string): AsnRanges & { skipped: number } {
  const lines = csv.split("\n");
  const starts = new Uint32Array(lines.length);
  const ends = new Uint32Array(lines.length);
  const asns = new Uint32Array(lines.length);
  const orgOf = new Uint32Array(lines.length);
  const orgNames: string[] = [];
  const orgIndex = new Map<string, number>();
  let n = 0;
  let skipped = 0;
  for (const line of lines) {
    if (line.trim() === "") continue;
    const first = line.indexOf(",");
    const second = line.indexOf(",", first + 1);
    const third = line.indexOf(",", second + 1);
    const start = Number(line.slice(0, first));
    const end = Number(line.slice(first + 1, second));
    const asn = Number(line.slice(second + 1, third));
    let org = line.slice(third + 1).trim();
    if (first < 0 || second < 0 || third < 0 || !Number.isInteger(start) || !Number.isInteger(end) || !Number.isInteger(asn) || end < start) {
      skipped++;
      continue;
    }
    if (org.startsWith('"') && org.endsWith('"')) org = org.slice(1, -1).replace(/""/g, '"');
    let index = orgIndex.get(org);
    if (index === undefined) {
      index = orgNames.length;
      // A slice of the 21 MB file would keep the whole file alive: store a copy of its own.
      orgNames.push(JSON.parse(JSON.stringify(org)) as string);
      orgIndex.set(org, index);
    }
    starts[n] = start;
    ends[n] = end;
    asns[n] = asn;
    orgOf[n] = index;
    n++;
  }
  // The file is sorted by start; keep that order (checked by the caller's tests).
  return { starts: starts.slice(0, n), ends: ends.slice(0, n), asns: asns.slice(0, n), orgOf: orgOf.slice(0, n), orgNames, skipped };
}

export function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** The AS announcing `ip`, if any range holds it. */
export function findNetworkOwner(ranges: AsnRanges, ip: string): NetworkOwner | undefined {
  const value = ipv4ToNumber(ip);
  if (value === undefined) return undefined;
  let lo = 0;
  let hi = ranges.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges.starts[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0 || ranges.ends[found]! < value) return undefined;
  return { asn: ranges.asns[found]!, provider: ranges.orgNames[ranges.orgOf[found]!]! };
}
