// How many servers (one per Playwright worker) and where: E2E_PORT, E2E_PORT + 1, … One worker by default:
// on 2 cores, two workers made npm test 12 instead of 15 minutes, but slowed each flow by ~70 %, and an
// offline sign-out flow then failed once in three runs (E2E_WORKERS=2 for a quicker local run).
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 3100);
export const E2E_WORKERS = Math.max(1, Number(process.env['E2E_WORKERS'] ?? 1) || 1);
