// The page cache in front of `next start`: PORT (3000), HOST (127.0.0.1), UPSTREAM_URL (the web
// app, e.g. http://127.0.0.1:3001), PAGE_CACHE_MB (64). `npm start` runs it; see README
// "Explorer pages".
import { ConfigError } from "../lib/config/env-schemas";
import { readPageCacheConfig } from "../lib/config/page-cache-config";
import { startPageCacheServer } from "./page-cache-server";

try {
  const server = await startPageCacheServer(readPageCacheConfig());
  console.log(`page cache on ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `page cache: ${(error as Error).message}`);
  process.exit(1);
}
