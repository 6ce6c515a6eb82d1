import { defineConfig, devices } from "@playwright/test";
import { e2eStack } from "./e2e/e2e-stack";

// The end-to-end tests start the whole stack exactly as `npm start` does, on their own ports
// and data directory, so they can run beside a developer's own `npm start`.
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: e2eStack.webUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "desktop", testIgnore: "staking-after-wait.spec.ts", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } },
    // Moves the devnet's clock forward a few days: only after every other test is done.
    { name: "after-time-jump", testMatch: "staking-after-wait.spec.ts", dependencies: ["desktop"], use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } },
  ],
  webServer: {
    command: `rm -rf ${e2eStack.dataDir} && node --import tsx scripts/start.ts`,
    env: e2eStack.env,
    wait: { stdout: /Session Network Explorer: http/ },
    timeout: 8 * 60_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 30_000 },
  },
});
