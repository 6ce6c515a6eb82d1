/**
 * A read shared for a few seconds: concurrent requests for the same figures wait on one database
 * round trip instead of fifty, and repeat requests within `ttlMs` reuse its answer. The indexer
 * moves in 5 s blocks and 30 s heartbeat polls, so a few seconds never hide anything the freshness
 * panel would not show. A failed read is not kept.
 */
interface Entry<T> {
  at: number;
  value: Promise<T>;
}

const MAX_ENTRIES = 5_000;
const entries = new Map<string, Entry<unknown>>();

export function cachedRead<T>(key: string, ttlMs: number, read: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  const hit = entries.get(key) as Entry<T> | undefined;
  if (hit && now() - hit.at < ttlMs) return hit.value;
  if (entries.size >= MAX_ENTRIES) entries.clear();
  const value = read();
  entries.set(key, { at: now(), value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** How long the explorer's pages reuse a read. */
export const PAGE_READ_TTL_MS = 5_000;
