// The forms on a phone (WCAG 1.4.10 reflow, 2.5.5 target size): nothing scrolls sideways at 320 px, the
// choice groups (sex, age band, channel) wrap as rows of chips, each at least 44 px tall. Screenshots of
// the visit form and the case form at 360 px go to .test-results/screenshots/.
import { expect, type Page, test } from '@playwright/test';
import { AppPage } from './pages/app.page';

const NARROWEST = { width: 320, height: 640 };
const PHONE = { width: 360, height: 740 };

/** Neither the document nor the shell's scrolling content is wider than the screen. */
async function expectNoSidewaysScroll(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('h1').first()).toBeVisible();
  const widths = await page.evaluate(() => {
    const content = document.querySelector('mat-sidenav-content');
    return { document: document.documentElement.scrollWidth, content: content ? content.scrollWidth - content.clientWidth : 0 };
  });
  expect(widths.document, `${path}: the page is ${widths.document} px wide at 320 px`).toBeLessThanOrEqual(NARROWEST.width);
  expect(widths.content, `${path}: the content scrolls ${widths.content} px sideways`).toBeLessThanOrEqual(0);
}

/** The options of a choice group: touch-sized, and several share a row (chips, not one pill per line). */
async function expectChips(page: Page, label: string): Promise<void> {
  const options = page.getByRole('radiogroup', { name: label }).getByRole('radio');
  const boxes = await options.evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()).map((r) => ({ top: r.top, height: r.height, right: r.right })));
  expect(boxes.length).toBeGreaterThan(1);
  for (const box of boxes) {
    expect(box.height, `${label}: an option is ${box.height} px tall`).toBeGreaterThanOrEqual(44);
    expect(box.right).toBeLessThanOrEqual(PHONE.width);
  }
  const rows = new Set(boxes.map((box) => Math.round(box.top))).size;
  expect(rows, `${label}: ${boxes.length} options on ${rows} rows`).toBeLessThan(boxes.length);
}

test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

test('staff forms on a phone: choices as chips, nothing scrolls sideways at 320 px', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn('staff@example.org');
  await page.goto('/visits/new');
  await expect(page.getByRole('radiogroup', { name: 'Sexo' })).toBeVisible();
  for (const label of ['Sexo', 'Edad', 'Canal']) await expectChips(page, label);
  await app.screenshot('es-phone-visit-form');

  await page.setViewportSize(NARROWEST);
  for (const path of ['/visits/new', '/outbox']) await expectNoSidewaysScroll(page, path);
});

test('counselor forms on a phone: choices as chips, nothing scrolls sideways at 320 px', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn('counselor@example.org');
  await page.goto('/cases/new');
  await expect(page.getByRole('radiogroup', { name: 'Sexo' })).toBeVisible();
  for (const label of ['Sexo', 'Edad']) await expectChips(page, label);
  await app.screenshot('es-phone-case-form');

  await page.setViewportSize(NARROWEST);
  for (const path of ['/activities/new', '/cases/new', '/outbox']) await expectNoSidewaysScroll(page, path);
});
