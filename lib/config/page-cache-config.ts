import { z } from "zod";
import { parseEnv, positiveIntSchema, urlSchema } from "./env-schemas";

const pageCacheEnvSchema = z.object({
  PORT: positiveIntSchema(65_535).default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  /** `next start` behind the cache */
  UPSTREAM_URL: urlSchema(["http"]),
  /** memory for cached pages, in MB */
  PAGE_CACHE_MB: positiveIntSchema(4_096).default(64),
});

/** The page cache in front of the web app (web-cache/main.ts). */
export function readPageCacheConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(pageCacheEnvSchema, env);
  return { port: parsed.PORT, host: parsed.HOST, upstream: parsed.UPSTREAM_URL, maxBytes: parsed.PAGE_CACHE_MB * 1024 * 1024 };
}
