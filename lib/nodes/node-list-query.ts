import { z } from "zod";

/**
 * The /nodes view as URL parameters: validated here, shared by the page and its download route
 * so a shared link, the table and the CSV always mean the same rows.
 */
export const NODE_STATUSES = ["active", "decommissioned", "exit_requested", "no_heartbeat", "exited", "liquidated"] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const NODE_SORTS = ["id", "stake", "registered", "status", "country", "provider", "version", "contributors", "operator", "uptime_proof"] as const;
export type NodeSort = (typeof NODE_SORTS)[number];

export const PAGE_SIZES = [25, 50, 100] as const;

const address = z.string().trim().toLowerCase().regex(/^0x[0-9a-f]{40}$/, "must be a 0x address of 40 hex digits");
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).optional();

const nodeListSchema = z.object({
  page: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be 1 or more").max(100_000, "is too large").default(1),
  size: z.coerce.number().pipe(z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>], { error: `must be one of ${PAGE_SIZES.join(", ")}` })).default(50),
  sort: z.enum(NODE_SORTS, { error: `must be one of ${NODE_SORTS.join(", ")}` }).default("id"),
  dir: z.enum(["asc", "desc"], { error: 'must be "asc" or "desc"' }).optional(),
  status: z.enum(NODE_STATUSES, { error: `must be one of ${NODE_STATUSES.join(", ")}` }).optional(),
  operator: address.optional(),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "must be a two-letter country code").optional(),
  provider: optionalText(200),
  version: z.string().trim().regex(/^[0-9A-Za-z.+-]{1,40}$/, "must be a version such as 11.4.0").optional(),
  contributors: z.enum(["solo", "multi"], { error: 'must be "solo" or "multi"' }).optional(),
  foundation: z.enum(["yes", "no"], { error: 'must be "yes" or "no"' }).optional(),
  q: optionalText(200),
});

export type NodeListQuery = Omit<z.infer<typeof nodeListSchema>, "dir"> & { dir: "asc" | "desc" };

export class NodeListQueryError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid node list parameters: ${issues.join("; ")}`);
    this.name = "NodeListQueryError";
  }
}

// Numbers and dates read best largest/newest first; names alphabetically.
const DESC_BY_DEFAULT: ReadonlySet<NodeSort> = new Set(["stake", "registered", "contributors", "uptime_proof"]);

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function toRecord(params: ParamSource): Record<string, string> {
  const out: Record<string, string> = {};
  // A repeated parameter counts once, by its first value (as a page's searchParams give it), so
  // the page, its cache key and the download read the same view.
  const entries = params instanceof URLSearchParams ? [...new Set(params.keys())].map((k) => [k, params.get(k)!] as const) : Object.entries(params);
  for (const [key, value] of entries) {
    const v = Array.isArray(value) ? value[0] : value;
    // An empty form field means "no filter".
    if (v !== undefined && v.trim() !== "" && key !== "format") out[key] = v;
  }
  return out;
}

export function parseNodeListQuery(params: ParamSource): NodeListQuery {
  const parsed = nodeListSchema.safeParse(toRecord(params));
  if (!parsed.success) throw new NodeListQueryError(parsed.error.issues.map((i) => `${i.path.join(".") || "query"} ${i.message}`));
  const { dir, ...rest } = parsed.data;
  return { ...rest, dir: dir ?? (DESC_BY_DEFAULT.has(rest.sort) ? "desc" : "asc") };
}

const DEFAULTS = { page: 1, size: 50, sort: "id" } as const;

/** The URL query of a view, without defaults, so shared links stay short. */
export function nodeListSearch(query: NodeListQuery, changes: Partial<NodeListQuery> = {}): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    if (key in DEFAULTS && DEFAULTS[key as keyof typeof DEFAULTS] === value) continue;
    if (key === "dir" && value === (DESC_BY_DEFAULT.has(merged.sort) ? "desc" : "asc")) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
