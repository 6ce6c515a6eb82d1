import { NodeListQueryError, nodeListSearch, parseNodeListQuery } from "../nodes/node-list-query";
import { nodeIdSchema, uptimeDaysSchema } from "../nodes/node-page-params";

/**
 * The canonical URL of a cacheable explorer page (overview, node list, node page), or null when
 * the request must be rendered per request: every other page, the wallet pages, the API, and any
 * URL whose parameters cannot be read (a bad filter, `?days=7`), so that its page names the bad
 * parameter and nothing is cached for it.
 *
 * Everything the page reads from its URL is in the canonical URL, so equivalent URLs (parameters
 * in another order, defaults spelled out, blanks, unknown parameters, `/nodes/007`) share one
 * cache entry and one render, and the page is rendered from the canonical URL itself: whatever a
 * first visitor typed never reaches the next visitor's copy.
 */
export function canonicalPageUrl(pathname: string, search: URLSearchParams): string | null {
  if (pathname === "/") return "/";
  if (pathname === "/nodes") {
    try {
      return `/nodes${nodeListSearch(parseNodeListQuery(search))}`;
    } catch (error) {
      if (error instanceof NodeListQueryError) return null;
      throw error;
    }
  }
  const node = /^\/nodes\/([^/]+)$/.exec(pathname);
  if (node) {
    const id = nodeIdSchema.safeParse(node[1]);
    const days = uptimeDaysSchema.safeParse(search.get("days") ?? undefined);
    if (!id.success || !days.success) return null;
    return `/nodes/${id.data}${days.data === 30 ? "" : `?days=${days.data}`}`;
  }
  return null;
}

/**
 * How old a cached page may be: fresh for 5 s (the indexer's block time), then served while one
 * request renders it again, never past 10 s (an older copy makes the next reader wait for a
 * fresh render).
 */
export const PAGE_FRESH_SECONDS = 5;
export const PAGE_EXPIRE_SECONDS = 10;
