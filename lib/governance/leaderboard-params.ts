import { z } from "zod";

export const DEFAULT_LEADERBOARD_SIZE = 50;

const topSchema = z.coerce
  .number({ error: "top must be a number" })
  .int("top must be a whole number")
  .min(1, "top must be at least 1")
  .max(100_000, "top must be at most 100000");

/** `?top=` of the leaderboard (page and download alike): how many entities to list. */
export function parseLeaderboardParams(params: { get(name: string): string | null }): { ok: true; top: number } | { ok: false; error: string } {
  const raw = params.get("top");
  if (raw === null || raw === "") return { ok: true, top: DEFAULT_LEADERBOARD_SIZE };
  const parsed = topSchema.safeParse(raw);
  return parsed.success ? { ok: true, top: parsed.data } : { ok: false, error: parsed.error.issues[0]!.message };
}
