// Browser tests in Debian's Chromium against the production build, served by the same launcher as
// `npm start` on a fresh database with demo data (DATABASE_URL from `npm test`, else .data/). Each worker
// has its own server and database (support/test.ts sends it there): E2E_WORKERS (default 1) servers on
// E2E_PORT (default 3100), E2E_PORT + 1, …
import { defineConfig, devices } from '@playwright/test';
import { resolve } from 'node:path';
import { E2E_PORT, E2E_WORKERS } from './src/support/servers';

const root = resolve(__dirname, '../..');
const ports = Array.from({ length: E2E_WORKERS }, (_, i) => E2E_PORT + i);

export default defineConfig({
  testDir: './src',
  outputDir: resolve(root, '.test-results/playwright-artifacts'),
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? resolve(root, '.test-results/playwright.json') }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: ports.map((port, i) => ({
    command: 'node tools/launch.mjs serve --fresh-database',
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 90_000,
    // No role is forced to set up a second factor: the specs sign in as the demo admin and supervisor
    // many times a minute, and a TOTP code is good once. second-factor.spec.ts turns one on itself.
    env: {
      PORT: String(port),
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      MFA_REQUIRED_ROLES: '',
      // Without DATABASE_URL each launcher starts an embedded PostgreSQL: one data folder each.
      ...(!process.env['DATABASE_URL'] && i > 0 ? { MIH_DATA_DIR: resolve(root, `.data/e2e-${i}`) } : {}),
    },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
