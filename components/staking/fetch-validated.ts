import type { z } from "zod";

/** Fetches one of the staking API routes and validates its JSON; errors carry the route's message. */
export async function fetchValidated<T extends z.ZodType>(url: string, schema: T): Promise<z.output<T>> {
  const response = await fetch(url, { cache: "no-store" });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body === "object" && "error" in body && typeof body.error === "string" ? body.error : `HTTP ${response.status}`;
    throw new Error(message);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`The server's answer is malformed: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
