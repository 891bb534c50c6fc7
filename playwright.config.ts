import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  // Two cores: the server needs one.
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    // The production server (`next build` + `next start`) on a fresh database with the demo merchant.
    command: "npx tsx scripts/start.ts --demo --fresh",
    url: `http://localhost:${port}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATABASE_URL: "file:./.tmp/e2e/shipdeck.db",
      NEXT_TELEMETRY_DISABLED: "1",
      DEMO_ORDER_COUNT: "3000",
      // Ticks come from the tests, through the cron route as Vercel Cron calls it, so none races a test's own Import.
      AUTO_IMPORT_TICKER: "off",
      CRON_SECRET: "e2e-cron-secret",
      // The fake stores the specs connect listen on 127.0.0.1.
      ALLOW_PRIVATE_STORE_URLS: "1",
      // Nothing listens there: no test asks the real USPS; saving a location shows the no-chart message and its upload form.
      USPS_ZONE_CHART_URL: "http://127.0.0.1:9",
    },
  },
});
