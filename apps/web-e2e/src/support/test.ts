// The specs' `test`: Playwright's, with each worker sent to its own server (playwright.config.ts starts
// one per worker, each on its own fresh database with demo data), so two files that change the demo
// accounts or close a quarter never meet.
import { test as base } from '@playwright/test';
import { E2E_PORT } from './servers';

export * from '@playwright/test';

export const test = base.extend({
  baseURL: async ({}, use, testInfo) => use(`http://localhost:${E2E_PORT + testInfo.parallelIndex}`),
});
