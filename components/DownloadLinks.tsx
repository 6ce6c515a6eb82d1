/** "Download CSV · JSON" for a table or chart; `href` is its API route with the same filters as the page. */
export function DownloadLinks({ href, label }: { href: string; label: string }) {
  const withFormat = (format: "csv" | "json") => `${href}${href.includes("?") ? "&" : "?"}format=${format}`;
  return (
    <p className="download-links">
      Download {label}:{" "}
      <a href={withFormat("csv")} download data-testid="download-csv">CSV</a>
      {" · "}
      <a href={withFormat("json")} data-testid="download-json">JSON</a>
    </p>
  );
}
