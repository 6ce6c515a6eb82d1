import type { Freshness } from "../lib/db/overview-queries";
import { formatAge } from "../lib/format/relative-time";
import { PAGE_EXPIRE_SECONDS } from "../lib/page-cache/canonical-page-url";

const when = (at: Date | null, now: Date) =>
  at ? <time dateTime={at.toISOString()} title={at.toISOString()}>{formatAge(at, now)}</time> : "never";

export function FreshnessPanel({ freshness, now }: { freshness: Freshness; now: Date }) {
  return (
    <section className="card" aria-labelledby="freshness-heading">
      <h2 id="freshness-heading">Data freshness</h2>
      <dl className="facts">
        <dt>Last indexed block</dt>
        <dd>
          <span data-testid="last-indexed-block">{freshness.lastIndexedBlock?.toLocaleString("en-US") ?? "none yet"}</span>
          {freshness.lastIndexedBlockTime ? <> (mined {when(freshness.lastIndexedBlockTime, now)})</> : null}
        </dd>
        <dt>Chain head</dt>
        <dd>{freshness.headBlock?.toLocaleString("en-US") ?? "unknown"}, checked {when(freshness.chainCheckedAt, now)}</dd>
        <dt>Last heartbeat poll</dt>
        <dd data-testid="last-heartbeat">{when(freshness.lastHeartbeatAt, now)}{freshness.heartbeatHeight !== null ? `, Session height ${freshness.heartbeatHeight.toLocaleString("en-US")}` : ""}</dd>
        <dt>This page</dt>
        {/* The page is cached for a few seconds: its ages are as of this moment, not the reader's. */}
        <dd data-testid="page-read-at">
          read from the database at <time dateTime={now.toISOString()}>{now.toISOString().slice(11, 19)} UTC</time> (pages are kept up to {PAGE_EXPIRE_SECONDS} s)
        </dd>
        <dt>Indexer errors</dt>
        <dd>
          chain {freshness.chainErrorCount}, heartbeats {freshness.heartbeatErrorCount}
          {freshness.chainLastError || freshness.heartbeatLastError ? (
            <>
              <br />
              <span className="stat-hint">last: {freshness.heartbeatLastError ?? freshness.chainLastError}</span>
            </>
          ) : null}
        </dd>
      </dl>
    </section>
  );
}
