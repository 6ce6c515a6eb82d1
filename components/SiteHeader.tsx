import Link from "next/link";

// Only pages that exist are links; the rest of the explorer is still to come.
const sections = [
  { href: "/", label: "Overview" },
  { href: "/stake", label: "Stake" },
  { href: "/my-nodes", label: "My nodes" },
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
