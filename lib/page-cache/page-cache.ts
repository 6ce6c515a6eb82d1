/** A rendered response as the page cache keeps it. */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** HIT: fresh copy; STALE: older than fresh, served while one request renders it again; MISS: waited for a render. */
export type PageCacheState = "HIT" | "STALE" | "MISS";

export interface PageCacheOptions {
  /** a copy younger than this is served as is */
  freshMs: number;
  /** a copy at least this old is never served: the request waits for a render */
  expireMs: number;
  /** bodies, headers and keys kept, in bytes at most; the least recently used go first */
  maxBytes: number;
  /** which responses may be kept (the others are handed to the requests that waited for them, then dropped) */
  cacheable: (response: CachedResponse) => boolean;
  now?: () => number;
}

interface Rendered {
  response: CachedResponse;
  /** when the render that made it started: its data is at least this old */
  at: number;
}

interface Entry {
  /** when the render that made it started: its data is at least this old */
  at: number;
  response: CachedResponse;
  bytes: number;
}

/**
 * Full rendered pages for a few seconds, so that concurrent and repeated requests for one page
 * cost one render: single-flight (one render per key at a time, every request for the key waits
 * on it), stale-while-revalidate up to `expireMs`, bounded memory. A failed render is never kept:
 * the stale copy stays until it expires, then requests see the failure.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>(); // in order of last use
  private readonly renders = new Map<string, Promise<Rendered>>();
  private bytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The page for `key`, how it was answered, and `at`: when the render that made it started. */
  async get(key: string, render: () => Promise<CachedResponse>): Promise<Rendered & { state: PageCacheState }> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.at : Infinity;
    if (entry && age < this.options.expireMs) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (age < this.options.freshMs) return { response: entry.response, at: entry.at, state: "HIT" };
      this.render(key, render).catch(() => {}); // the stale copy stays; the next request tries again
      return { response: entry.response, at: entry.at, state: "STALE" };
    }
    return { ...(await this.render(key, render)), state: "MISS" };
  }

  /** bytes and entries held now */
  size(): { bytes: number; entries: number } {
    return { bytes: this.bytes, entries: this.entries.size };
  }

  private render(key: string, render: () => Promise<CachedResponse>): Promise<Rendered> {
    const pending = this.renders.get(key);
    if (pending) return pending;
    const at = this.now();
    const promise = render()
      .then((response) => {
        if (this.options.cacheable(response)) this.store(key, { at, response, bytes: sizeOf(key, response) });
        return { response, at };
      })
      .finally(() => this.renders.delete(key));
    this.renders.set(key, promise);
    return promise;
  }

  private store(key: string, entry: Entry): void {
    this.remove(key);
    if (entry.bytes > this.options.maxBytes) return;
    for (const [oldest] of this.entries) {
      if (this.bytes + entry.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.bytes;
  }
}

function sizeOf(key: string, response: CachedResponse): number {
  let bytes = key.length + response.body.length;
  for (const [name, value] of Object.entries(response.headers)) bytes += name.length + value.length;
  return bytes;
}
