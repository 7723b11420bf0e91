import { defineConfig } from '@playwright/test';
// Plain JS helper shared with scripts/test-all.mjs (which runs before TypeScript tooling exists).
import { chromiumPath } from './scripts/find-chromium.mjs';

const executablePath = chromiumPath() ?? undefined;
const port = Number(process.env.CERTSCOPE_E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  // Playwright empties its output folder at start: keep it apart from the other reports.
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    headless: true,
    // Recording a trace of every test (to keep only failures') cost about a third of the browser
    // tests' time on 2 cores; CI keeps only the log, so `npm test` (CI=1) records none. Run
    // `npx playwright test` directly to get traces of failures.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    // Service workers are blocked except in the PWA spec, so specs stay deterministic.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // Serves the built dist/ at / and at /tools/certscope/ (sub-path hosting check).
    command: `node scripts/serve-dist.mjs --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
