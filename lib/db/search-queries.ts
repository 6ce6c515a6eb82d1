import type { SearchTarget } from "../search/parse-search-query";
import { prisma } from "./prisma-client";

/** Where a search lands: one page, a filtered node list, or nothing with the reason. */
export type SearchResolution = { href: string } | { notFound: string };

/** Looks a recognised query up: node ids and keys must exist; addresses and transactions are pages of their own. */
export async function resolveSearch(target: Exclude<SearchTarget, { kind: "invalid" }>): Promise<SearchResolution> {
  const db = prisma();
  switch (target.kind) {
    case "node-id": {
      const node = await db.serviceNode.findUnique({ where: { id: target.id }, select: { id: true } });
      return node ? { href: `/nodes/${node.id}` } : { notFound: `No node has id ${target.id}.` };
    }
    case "address":
      return { href: `/address/${target.address}` };
    case "tx": {
      const event = await db.chainEvent.findFirst({ where: { txHash: target.hash }, select: { txHash: true } });
      return event ? { href: `/tx/${target.hash}` } : { notFound: `No indexed event comes from transaction ${target.hash}.` };
    }
    case "ed25519-or-tx": {
      const node = await db.serviceNode.findFirst({ where: { ed25519Pubkey: target.ed25519 }, orderBy: { id: "desc" }, select: { id: true } });
      if (node) return { href: `/nodes/${node.id}` };
      const event = await db.chainEvent.findFirst({ where: { txHash: target.hash }, select: { txHash: true } });
      return event ? { href: `/tx/${target.hash}` } : { notFound: `No node has ed25519 key ${target.ed25519}, and no transaction has that hash.` };
    }
    case "bls": {
      const node = await db.serviceNode.findFirst({ where: { blsPubkey: target.blsPubkey }, orderBy: { id: "desc" }, select: { id: true } });
      return node ? { href: `/nodes/${node.id}` } : { notFound: `No node has BLS key ${target.blsPubkey.slice(0, 18)}….` };
    }
    case "ip": {
      const nodes = await db.nodeHeartbeat.findMany({ where: { publicIp: target.ip, serviceNodeId: { not: null } }, select: { serviceNodeId: true }, take: 2 });
      if (nodes.length === 0) return { notFound: `No node reports IP ${target.ip}.` };
      // Several nodes often share one server.
      return nodes.length === 1 ? { href: `/nodes/${nodes[0]!.serviceNodeId}` } : { href: `/nodes?q=${encodeURIComponent(target.ip)}` };
    }
  }
}
