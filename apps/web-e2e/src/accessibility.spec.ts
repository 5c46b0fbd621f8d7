// WCAG 2.1 A/AA with axe on every page each demo role's navigation offers, plus the sign-in page, in
// Spanish, at 1280 px and on a 360 px phone. The pages are read from the shell's navigation in the page,
// so a new page is covered without editing this spec. A serious or critical violation fails the test and
// is printed with its rule, page and element; every violation found is listed by rule in the log.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { AppPage } from './pages/app.page';

const ROLES = ['admin@example.org', 'supervisor@example.org', 'staff@example.org', 'counselor@example.org'];
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
];
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

interface Finding {
  rule: string;
  impact: string;
  page: string;
  width: number;
  element: string;
  summary: string;
}

/** The shell's navigation, as the signed-in user gets it: every link's path, once. */
async function navigationPaths(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('#app-nav nav a[href]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

/** Counts the app's API calls still under way, so a page is audited once its data have been shown. */
function trackApiCalls(page: Page): () => number {
  let pending = 0;
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (request) => isApi(request.url()) && pending++);
  page.on('requestfinished', (request) => isApi(request.url()) && pending--);
  page.on('requestfailed', (request) => isApi(request.url()) && pending--);
  return () => pending;
}

/** Ready: the heading is shown, no API call is under way and no progress bar is left. */
async function settle(page: Page, pendingApiCalls: () => number): Promise<void> {
  await expect(page.locator('h1').first()).toBeVisible();
  await expect.poll(pendingApiCalls, { timeout: 10_000, intervals: [50] }).toBe(0);
  await expect(page.locator('mat-progress-bar, progress')).toHaveCount(0);
}

/** The navigation is beside the page on a desktop and folded away on a phone: wait for the shell to follow. */
async function resize(page: Page, size: (typeof WIDTHS)[number]): Promise<void> {
  await page.setViewportSize(size);
  const sidenav = page.locator('mat-sidenav');
  if (!(await sidenav.count())) return;
  if (size.width < 960) await expect(sidenav).toBeHidden();
  else await expect(sidenav).toBeVisible();
}

async function audit(page: Page, path: string, width: number): Promise<Finding[]> {
  // Violations only: axe skips collecting every passing node, the slow part on long lists. (`options`
  // replaces all options, so it comes before `withTags`.)
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG_21_AA).analyze();
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => ({
      rule: violation.id,
      impact: node.impact ?? violation.impact ?? 'unknown',
      page: path,
      width,
      element: `${node.target.join(' ')}  ${node.html.slice(0, 160)}`,
      summary: node.failureSummary?.split('\n').slice(0, 2).join(' ') ?? violation.help,
    })),
  );
}

/** Each page at both widths: reached through its link as a user would (no reload), checked wide, then narrow. */
async function auditPages(page: Page, paths: string[], pendingApiCalls: () => number): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const path of paths) {
    await resize(page, WIDTHS[0]);
    await page.locator(`#app-nav nav a[href="${path}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await settle(page, pendingApiCalls);
    for (const size of WIDTHS) {
      await resize(page, size);
      findings.push(...(await audit(page, path, size.width)));
    }
  }
  return findings;
}

function report(who: string, findings: Finding[]): void {
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(`${f.rule} (${f.impact})`, (byRule.get(`${f.rule} (${f.impact})`) ?? 0) + 1);
  const counts = [...byRule].map(([rule, n]) => `${rule}: ${n}`).join(', ');
  console.log(`axe ${who}: ${findings.length} violation(s)${counts ? ` — ${counts}` : ''}`);
  const blocking = findings.filter((f) => BLOCKING.has(f.impact));
  const lines = blocking.map((f) => `${f.impact} ${f.rule} on ${f.page} at ${f.width} px: ${f.element}\n    ${f.summary}`);
  expect(blocking, `serious or critical WCAG 2.1 A/AA violations:\n${lines.join('\n')}`).toEqual([]);
}

test('the sign-in page has no serious WCAG 2.1 AA violation on a desktop or a phone', async ({ page }) => {
  const pendingApiCalls = trackApiCalls(page);
  await page.goto('/login');
  await settle(page, pendingApiCalls);
  const findings: Finding[] = [];
  for (const size of WIDTHS) {
    await resize(page, size);
    findings.push(...(await audit(page, '/login', size.width)));
  }
  report('sign-in', findings);
});

for (const email of ROLES) {
  test(`every page ${email} can reach has no serious WCAG 2.1 AA violation on a desktop or a phone`, async ({ page }) => {
    test.setTimeout(90_000);
    const pendingApiCalls = trackApiCalls(page);
    await page.setViewportSize(WIDTHS[0]);
    await new AppPage(page).signIn(email);
    const paths = await navigationPaths(page);
    expect(paths.length).toBeGreaterThan(3);
    report(email, await auditPages(page, paths, pendingApiCalls));
  });
}
