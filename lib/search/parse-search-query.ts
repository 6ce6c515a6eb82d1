/**
 * What a person typed into the header's search box, recognised by shape alone (no I/O):
 * the /search route then looks the candidate up in the database.
 */
export type SearchTarget =
  | { kind: "node-id"; id: bigint }
  | { kind: "address"; address: `0x${string}` }
  /** 0x + 32 bytes: a transaction hash */
  | { kind: "tx"; hash: `0x${string}` }
  /** 32 bytes without 0x: a node's ed25519 key, or a transaction hash pasted without its prefix */
  | { kind: "ed25519-or-tx"; ed25519: string; hash: `0x${string}` }
  /** BN254 G1 point: 0x + X (32 bytes) + Y (32 bytes) */
  | { kind: "bls"; blsPubkey: `0x${string}` }
  | { kind: "ip"; ip: string }
  | { kind: "invalid"; message: string };

const HEX = /^[0-9a-f]+$/;
// uint64 node ids: anything longer cannot be a registration id.
const MAX_NODE_ID = 2n ** 64n - 1n;

function ipv4(text: string): string | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  if (!parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number).join(".");
}

export function parseSearchQuery(raw: string): SearchTarget {
  const text = raw.trim().toLowerCase().replace(/^#/, "");
  if (text === "") return { kind: "invalid", message: "Type a node id, a public key, an address, a transaction hash or an IP address." };
  if (/^\d+$/.test(text)) {
    const id = BigInt(text);
    if (id > MAX_NODE_ID) return { kind: "invalid", message: `${text} is too large to be a node id.` };
    return { kind: "node-id", id };
  }
  const ip = ipv4(text);
  if (ip) return { kind: "ip", ip };
  const has0x = text.startsWith("0x");
  const hex = has0x ? text.slice(2) : text;
  if (!HEX.test(hex)) {
    return { kind: "invalid", message: `"${raw.trim().slice(0, 80)}" is not a node id, key, address, transaction hash or IPv4 address.` };
  }
  if (hex.length === 40) return { kind: "address", address: `0x${hex}` };
  if (hex.length === 64) return has0x ? { kind: "tx", hash: `0x${hex}` } : { kind: "ed25519-or-tx", ed25519: hex, hash: `0x${hex}` };
  if (hex.length === 128) return { kind: "bls", blsPubkey: `0x${hex}` };
  return {
    kind: "invalid",
    message: `A hex value of ${hex.length} digits is none of: address (40), transaction hash or ed25519 key (64), BLS key (128).`,
  };
}
