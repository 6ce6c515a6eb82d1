import { z } from "zod";

/** /address/<address>: any-case 0x address, lower-cased the way the database stores addresses. */
export const addressParamSchema = z.string().trim().toLowerCase().regex(/^0x[0-9a-f]{40}$/, "an address is 0x followed by 40 hex digits");

/** /tx/<hash>: a 32-byte transaction hash. */
export const txHashParamSchema = z.string().trim().toLowerCase().regex(/^0x[0-9a-f]{64}$/, "a transaction hash is 0x followed by 64 hex digits");

export const addressTableSchema = z.enum(["nodes", "contributions", "rewards", "transfers"], { error: "table must be one of nodes, contributions, rewards, transfers" });
