import Link from "next/link";

// Only pages that exist are links; the rest of the explorer is still to come.
const sections = [
  { href: "/", label: "Overview" },
  { href: "/rewards", label: "Rewards" },
  { href: "/tokens", label: "Tokens" },
];

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">Session Network Explorer</Link>
        <nav className="site-nav" aria-label="Main">
          <ul>
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href} aria-current="page">{s.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
