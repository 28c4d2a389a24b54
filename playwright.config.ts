import { defineConfig } from '@playwright/test';
import { findChromium } from './tests/browser.ts';

const PORT = Number(process.env.E2E_PORT ?? 4329);
const found = findChromium();

export default defineConfig({
  testDir: 'tests/e2e',
  // Finds or installs a Chromium before the tests; the config below only looks for one.
  globalSetup: './tests/e2e/setup.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    // Read again in each worker, after the global setup: by then a Chromium is there. A worker runs
    // one page at a time, so its contexts can share one renderer process instead of starting one
    // per test (about a quarter of a short test's time on 2 cores).
    launchOptions: { ...found, args: [...(found?.args ?? []), '--renderer-process-limit=1'] },
  },
  // Tests run against the built site (`npm run build` first), served like production.
  webServer: {
    command: 'node scripts/serve.mjs',
    env: { PORT: String(PORT) },
    url: `http://localhost:${PORT}/zh-cn/`,
    reuseExistingServer: false,
  },
});
