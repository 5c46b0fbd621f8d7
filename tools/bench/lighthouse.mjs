// Lighthouse (mobile, simulated slow 4G: its default mobile config) on the built app, as a phone on a
// border-town link sees it: the sign-in page, and the home page after sign-in, each a cold first load
// (browser cache, service worker and its caches cleared; the session cookie kept). Goals of issue 11:
// performance ≥ 90 and script transferred ≤ 150 kB on first load.
//   npm run bench -- --only lighthouse        (or: node tools/bench/lighthouse.mjs)
// Starts `node tools/launch.mjs serve --fresh-database` (the e2e tests' server, demo data) on a free port.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { freePort } from '../db/embedded-postgres.mjs';

const root = resolve(import.meta.dirname, '../..');
export const LIGHTHOUSE_GOALS = { performance: 90, scriptKb: 150 };
const DEMO_USER = { email: 'staff@example.org', password: process.env.DEMO_PASSWORD ?? 'Demo-2026!' };
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Runs both pages; answers one row per page. */
export async function benchLighthouse({ log = (m) => console.error(`[lighthouse] ${m}`) } = {}) {
  if (!existsSync(resolve(root, 'dist/apps/web/browser/index.html'))) throw new Error('Build first: npm run build');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [resolve(root, 'tools/launch.mjs'), 'serve', '--fresh-database'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let chrome;
  let browser;
  try {
    await waitHealthy(base, server);
    chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const page = await browser.newPage();
    const rows = [];

    log('sign-in page (cold load)');
    rows.push(summarise('sign-in page', await run(`${base}/login`, page)));

    // Signed in as the browser would be: the refresh cookie set by the login call; the app restores the
    // session from it at start.
    const login = await page.evaluate(async (user) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) })).status, DEMO_USER);
    if (login !== 200) throw new Error(`sign-in as ${DEMO_USER.email} answered ${login}`);
    log('home page after sign-in (cold load, session cookie kept)');
    const home = await run(`${base}/home`, page);
    if (!home.finalDisplayedUrl.endsWith('/home')) throw new Error(`the home page was not reached (ended on ${home.finalDisplayedUrl})`);
    rows.push(summarise('home page, signed in', home));
    return rows;
  } finally {
    await browser?.disconnect();
    await chrome?.kill();
    server.kill('SIGTERM');
    await new Promise((done) => (server.exitCode !== null ? done() : server.once('exit', done)));
  }
}

async function run(url, page) {
  const result = await lighthouse(url, { output: 'html', logLevel: 'error', onlyCategories: ['performance'] }, undefined, page);
  if (!result?.lhr) throw new Error(`Lighthouse gave no result for ${url}`);
  if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
  // The full reports, to see what is heavy: .test-results/lighthouse-<page>.html and .json.
  const reports = resolve(root, '.test-results');
  const name = `lighthouse-${new URL(url).pathname.replace(/\W+/g, '') || 'root'}`;
  mkdirSync(reports, { recursive: true });
  writeFileSync(resolve(reports, `${name}.html`), result.report);
  writeFileSync(resolve(reports, `${name}.json`), JSON.stringify(result.lhr));
  return result.lhr;
}

function summarise(label, lhr) {
  const requests = lhr.audits['network-requests'].details.items;
  // Requests of the page itself; the service worker's background download of the other pages for
  // offline use is counted apart (it starts once the page is idle).
  const byPage = requests.filter((r) => r.sessionTargetType !== 'worker');
  const scriptBytes = (items) => items.filter((r) => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  const performance = Math.round(lhr.categories.performance.score * 100);
  const scriptKb = scriptBytes(byPage) / 1024;
  return {
    label,
    performance,
    lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
    fcpMs: lhr.audits['first-contentful-paint'].numericValue,
    tbtMs: lhr.audits['total-blocking-time'].numericValue,
    scriptKb,
    scriptRequests: byPage.filter((r) => r.resourceType === 'Script').length,
    workerScriptKb: scriptBytes(requests.filter((r) => r.sessionTargetType === 'worker')) / 1024,
    totalKb: byPage.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024,
    pass: performance >= LIGHTHOUSE_GOALS.performance && scriptKb <= LIGHTHOUSE_GOALS.scriptKb,
  };
}

export function renderLighthouseRows(rows) {
  if (rows.length === 0) return '';
  const lines = [
    '',
    '## Lighthouse (issue 11)',
    '',
    `Lighthouse ${lighthouseVersion()}, mobile, simulated slow 4G (its default mobile config), Debian's Chromium; each page a cold first load. Goals: performance ≥ ${LIGHTHOUSE_GOALS.performance}, script ≤ ${LIGHTHOUSE_GOALS.scriptKb} kB.`,
    '',
    '| page | performance | LCP s | FCP s | TBT ms | script kB (requests) | all kB | result |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | ${r.performance} | ${(r.lcpMs / 1000).toFixed(1)} | ${(r.fcpMs / 1000).toFixed(1)} | ${r.tbtMs.toFixed(0)} | ${r.scriptKb.toFixed(0)} (${r.scriptRequests}) | ${r.totalKb.toFixed(0)} | ${r.pass ? 'pass' : '**fail**'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function lighthouseVersion() {
  return JSON.parse(readFileSync(resolve(root, 'node_modules/lighthouse/package.json'), 'utf8')).version;
}

async function waitHealthy(base, server) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before it was healthy`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`${base} was not healthy within 90 s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchLighthouse();
  console.log(renderLighthouseRows(rows));
  process.exit(rows.every((r) => r.pass) ? 0 : 1);
}
