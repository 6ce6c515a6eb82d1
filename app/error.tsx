"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p className="lede">
        The explorer could not load this page{error.digest ? ` (reference ${error.digest})` : ""}. The database may be unreachable;
        the server log has the details.
      </p>
      <button type="button" onClick={reset}>Try again</button>
    </>
  );
}
