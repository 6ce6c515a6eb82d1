import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "../components/SiteHeader";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Session Network Explorer", template: "%s · Session Network Explorer" },
  description: "Nodes, stake, rewards and the foundation's 10% pledge on the Session Network, traced to on-chain evidence.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#content">Skip to content</a>
        <SiteHeader />
        <main id="content">{children}</main>
        <footer className="site-footer">
          Figures come from the staking contracts&apos; events and the nodes&apos; heartbeats, indexed into this explorer&apos;s database.
        </footer>
      </body>
    </html>
  );
}
