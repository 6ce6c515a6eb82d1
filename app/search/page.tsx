import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { resolveSearch } from "../../lib/db/search-queries";
import { parseSearchQuery } from "../../lib/search/parse-search-query";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

/** Resolves the header's search box: straight to the page found, or says why nothing was. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const target = parseSearchQuery(q.slice(0, 300));
  const result = target.kind === "invalid" ? { notFound: target.message } : await resolveSearch(target);
  if ("href" in result) redirect(result.href);
  return (
    <>
      <h1>Search</h1>
      <div className="notice notice-warning" role="status" data-testid="search-message">{result.notFound}</div>
      <p className="section-note">
        The search box takes a node id (<code>1234</code>), a node&apos;s ed25519 key (64 hex digits) or BLS key (128), an address (<code>0x</code> + 40),
        a transaction hash (<code>0x</code> + 64) or a node&apos;s IPv4 address. To search by country, provider or operator, use the <Link href="/nodes">node list&apos;s filters</Link>.
      </p>
    </>
  );
}
