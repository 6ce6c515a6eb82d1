"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavSection {
  href: string;
  label: string;
}

/** The header's links, marking the section the reader is in (aria-current) for screen readers and the eye. */
export function SiteNavLinks({ sections }: { sections: NavSection[] }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <ul>
      {sections.map((s) => (
        <li key={s.href}>
          <Link href={s.href} aria-current={isCurrent(s.href) ? "page" : undefined}>{s.label}</Link>
        </li>
      ))}
    </ul>
  );
}
