// npx tsx e2e/screenshot.ts <url> [name]: full-page PNGs at phone and desktop widths into
// .data/screenshots/, to look at pages as a person would.
import { mkdir } from "node:fs/promises";
import { chromium } from "@playwright/test";

export const chromiumLaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

const url = process.argv[2] ?? "http://127.0.0.1:3000/";
const name = process.argv[3] ?? (new URL(url).pathname.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "overview");
await mkdir(".data/screenshots", { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);
for (const [width, height, label, scheme] of [[390, 844, "phone", "light"], [1440, 900, "desktop", "light"], [1440, 900, "desktop-dark", "dark"]] as const) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
  await page.goto(url, { waitUntil: "networkidle" });
  const file = `.data/screenshots/${name}-${label}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
  await page.close();
}
await browser.close();
