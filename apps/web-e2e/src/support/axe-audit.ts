// What the accessibility specs share: axe (WCAG 2.1 A/AA) on the page as it is, waiting for a page to be
// ready, the two widths, the visible-focus check, and the report that fails on serious or critical findings.
import { expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LANGUAGES, type Language } from '@mih/contracts';

export { LANGUAGES, type Language };

export const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
] as const;
export type Size = (typeof WIDTHS)[number];

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

export interface Finding {
  rule: string;
  impact: string;
  page: string;
  width: number;
  element: string;
  summary: string;
}

/** Counts the app's API calls still under way, so a page is audited once its data have been shown. */
export function trackApiCalls(page: Page): () => number {
  let pending = 0;
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (request) => isApi(request.url()) && pending++);
  page.on('requestfinished', (request) => isApi(request.url()) && pending--);
  page.on('requestfailed', (request) => isApi(request.url()) && pending--);
  return () => pending;
}

/** Ready: the heading is shown, no API call is under way and no progress bar is left. */
export async function settle(page: Page, pendingApiCalls: () => number): Promise<void> {
  await expect(page.locator('h1').first()).toBeVisible();
  await expect.poll(pendingApiCalls, { timeout: 10_000, intervals: [50] }).toBe(0);
  await expect(page.locator('mat-progress-bar, progress')).toHaveCount(0);
}

/** The navigation is beside the page on a desktop and folded away on a phone: wait for the shell to follow. */
export async function resize(page: Page, size: Size): Promise<void> {
  await page.setViewportSize(size);
  // One round trip: no sidenav (a page outside the shell), or it is shown or hidden as the width wants.
  await page.waitForFunction(
    (wide) => {
      const sidenav = document.querySelector('mat-sidenav');
      return !sidenav || (sidenav.getBoundingClientRect().width > 0 && getComputedStyle(sidenav).visibility !== 'hidden') === wide;
    },
    size.width >= 960,
    { polling: 20, timeout: 7_000 },
  );
}

/** The axe that @axe-core/playwright ships with. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js', { paths: [dirname(require.resolve('@axe-core/playwright'))] }), 'utf8');
const AXE_OPTIONS: RunOptions = { runOnly: { type: 'tag', values: WCAG_21_AA }, resultTypes: ['violations'] };

/** Audits run and time spent in axe since the last report, for the log. */
const timing = { axeMs: 0, audits: 0 };
/**
 * axe on the page as it is now. Injected once per document (it stays across the router's navigations)
 * and run directly: AxeBuilder injects its 500 kB again on every call, which took three quarters of the
 * crawl's time. Violations only: collecting every passing node is the slow part on long lists.
 */
export async function audit(page: Page, where: string, width: number): Promise<Finding[]> {
  const t0 = Date.now();
  const run = () =>
    page.evaluate((options) => {
      const axe = (window as unknown as { axe?: { run(c: Document, o: RunOptions): Promise<AxeResults> } }).axe;
      return axe ? axe.run(document, options) : null;
    }, AXE_OPTIONS);
  let results = await run();
  if (!results) {
    await page.evaluate(AXE_SOURCE);
    results = (await run())!;
  }
  const { violations } = results;
  timing.axeMs += Date.now() - t0;
  timing.audits++;
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => ({
      rule: violation.id,
      impact: node.impact ?? violation.impact ?? 'unknown',
      page: where,
      width,
      element: `${node.target.join(' ')}  ${node.html.slice(0, 160)}`,
      summary: node.failureSummary?.split('\n').slice(0, 2).join(' ') ?? violation.help,
    })),
  );
}

/** Audits at both widths, the wide one first; leaves the page at the wide one. */
export async function auditBothWidths(page: Page, where: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const size of WIDTHS) {
    await resize(page, size);
    findings.push(...(await audit(page, where, size.width)));
  }
  await resize(page, WIDTHS[0]);
  return findings;
}

/**
 * WCAG 2.4.7: Tab `presses` times and check each focused element shows where it is: an outline or a
 * box-shadow on the element or on its ::before/::after (Material's focus indicator), or the focused
 * outline of the form field around it. A failure is returned as a finding.
 */
export async function focusFindings(page: Page, where: string, presses = 3): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const shows = (style: CSSStyleDeclaration) =>
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== 'none' && style.boxShadow !== '');
      const pseudo = (p: string) => {
        const s = getComputedStyle(el, p);
        return s.content !== 'none' && s.content !== 'normal' && (shows(s) || (s.borderStyle !== 'none' && parseFloat(s.borderWidth) > 0 && s.opacity !== '0'));
      };
      const field = el.closest('.mat-mdc-form-field');
      const ok = shows(getComputedStyle(el)) || pseudo('::before') || pseudo('::after') || !!field?.classList.contains('mat-focused');
      return ok ? 'ok' : `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${Array.from(el.classList).slice(0, 3).join('.')} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    });
    if (seen && seen !== 'ok') findings.push({ rule: 'focus-visible (2.4.7)', impact: 'serious', page: where, width: page.viewportSize()?.width ?? 0, element: seen, summary: 'no outline or box-shadow when focused' });
  }
  return findings;
}

export function report(who: string, findings: Finding[]): void {
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(`${f.rule} (${f.impact})`, (byRule.get(`${f.rule} (${f.impact})`) ?? 0) + 1);
  const counts = [...byRule].map(([rule, n]) => `${rule}: ${n}`).join(', ');
  console.log(`axe ${who}: ${timing.audits} audits in ${(timing.axeMs / 1000).toFixed(1)} s, ${findings.length} finding(s)${counts ? ` — ${counts}` : ''}`);
  timing.axeMs = 0;
  timing.audits = 0;
  const blocking = findings.filter((f) => BLOCKING.has(f.impact));
  const lines = blocking.map((f) => `${f.impact} ${f.rule} on ${f.page} at ${f.width} px: ${f.element}\n    ${f.summary}`);
  if (lines.length) console.log(lines.join('\n'));
  expect(blocking, `serious or critical WCAG 2.1 A/AA violations:\n${lines.join('\n')}`).toEqual([]);
}
