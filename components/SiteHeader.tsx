import Link from "next/link";
import { SiteNavLinks, type NavSection } from "./SiteNavLinks";

const sections: NavSection[] = [
  { href: "/", label: "Overview" },
  { href: "/nodes", label: "Nodes" },
  { href: "/distribution", label: "Distribution" },
  { href: "/operators", label: "Operators" },
  { href: "/foundation", label: "Foundation pledge" },
  { href: "/rewards", label: "Rewards" },
  { href: "/tokens", label: "Tokens" },
  { href: "/stake", label: "Stake" },
  { href: "/my-nodes", label: "My nodes" },
];

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">Session Network Explorer</Link>
        <nav className="site-nav" aria-label="Main">
          <SiteNavLinks sections={sections} />
        </nav>
        {/* A plain GET form: search works without JavaScript and adds none to the page. */}
        <form className="site-search" role="search" method="get" action="/search">
          <label htmlFor="site-search-q" className="visually-hidden">Search nodes, addresses and transactions</label>
          <input id="site-search-q" type="search" name="q" placeholder="Node id, key, address, tx or IP" required maxLength={200} />
          <button type="submit">Search</button>
        </form>
      </div>
    </header>
  );
}
