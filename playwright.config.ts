import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3200);
// Debian's headless-only build of Chromium (package chromium-headless-shell) is the same engine
// without the desktop browser around it, and lighter on a two-core machine; the full browser
// does when it is not installed.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

// Browser tests run against a production build (next build + next start) in Debian's
// Chromium: Playwright cannot download its own browsers on this network.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace costs every action a DOM snapshot; `npx playwright test --trace on` records one when needed.
    trace: "off",
    launchOptions: {
      executablePath: CHROMIUM,
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-sandbox"],
    },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // `npm start` is the production server: Next behind the page cache (server.ts).
    // npm test has run tsc already (see next.config.ts).
    command: `BUILD_AFTER_TYPECHECK=1 npm run build && npm start -- -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
