import { z } from "zod";

/** /nodes/<id>: a uint64 registration id. */
export const nodeIdSchema = z.string().regex(/^\d{1,20}$/, "a node id is a whole number").transform((s) => BigInt(s)).refine((n) => n < 2n ** 64n, "a node id fits in 64 bits");

/** ?days= of the uptime timeline. */
export const uptimeDaysSchema = z.enum(["30", "90"], { error: 'days must be 30 or 90' }).default("30").transform(Number);

/** ?table= of a node's downloads. */
export const nodeTableSchema = z.enum(["contributors", "events", "state-changes", "uptime", "rewards"], { error: "table must be one of contributors, events, state-changes, uptime, rewards" });

export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "invalid parameter";
}
