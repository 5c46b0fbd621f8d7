// The forms on a phone (WCAG 1.4.10 reflow, 2.5.5 target size): nothing scrolls sideways at 320 px, the
// choice groups (sex, age band, channel) wrap as rows of chips, each at least 44 px tall. Screenshots of
// the visit form and the case form at 360 px go to .test-results/screenshots/.
import { expect, type Page, test } from './support/test';
import { AppPage } from './pages/app.page';
import { addressOf, appRoutes, open, signInApi } from './support/app-routes';
import { settle, trackApiCalls } from './support/axe-audit';

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

/**
 * The interactive elements a thumb has to hit, at least 44×44 px (WCAG 2.5.5): buttons, toggles, selects,
 * links that look like buttons, and text fields (the whole outlined field takes the tap). Inline links in
 * running text are exempt, as WCAG allows.
 */
async function smallTargets(page: Page, path: string): Promise<string[]> {
  const small = await page.locator('mat-toolbar, main').evaluateAll((roots) => {
    const found: string[] = [];
    const selector = 'button, a[href], [role="radio"], [role="checkbox"], [role="combobox"], [role="switch"], input:not([type="hidden"]), textarea, select';
    for (const root of roots) {
      for (const el of Array.from(root.querySelectorAll<HTMLElement>(selector))) {
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || el.closest('[aria-hidden="true"], .visually-hidden, .cdk-visually-hidden')) continue;
        if (el.tagName === 'A' && style.display === 'inline') continue;
        // A field's input is tapped through the whole field around it; a checkbox through its label row.
        const target = el.closest('.mat-mdc-text-field-wrapper, .mat-mdc-checkbox, .mat-mdc-slide-toggle') ?? el;
        const box = target.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (box.height < 44 || box.width < 44) {
          const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
          found.push(`${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 2).join('.')} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
        }
      }
    }
    return found;
  });
  return small.map((target) => `${path}: ${target}`);
}

test('the main flows on a phone: every button, field and choice is at least 44×44 px', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn('staff@example.org');
  const small: string[] = [];
  for (const path of ['/home', '/visits/new', '/visits', '/referrals']) {
    await page.goto(path);
    await expect(page.locator('h1').first()).toBeVisible();
    await expect(page.locator('mat-progress-bar')).toHaveCount(0);
    small.push(...(await smallTargets(page, path)));
  }
  await app.screenshot('es-phone-touch-targets-referrals');
  expect(small, 'targets under 44×44 px').toEqual([]);
});

test.describe('reflow at 320 px and at 200 % zoom (WCAG 1.4.10), on every page', () => {
  // 200 % zoom of a 1280 px window: 640 CSS px on a twice-as-dense screen.
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, isMobile: false, hasTouch: false });
  const SIZES = [{ width: 640, height: 400 }, NARROWEST];

  /** Each size in turn; the document and the shell's content fit the width. */
  async function expectReflow(page: Page, where: string): Promise<void> {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // Polled: the dashboard's charts follow a new width a moment later.
      const overflow = () =>
        page.evaluate(() => {
          const content = document.querySelector('mat-sidenav-content');
          return Math.max(document.documentElement.scrollWidth - innerWidth, content ? content.scrollWidth - content.clientWidth : 0);
        });
      await expect.poll(overflow, { message: `${where} scrolls sideways at ${size.width} px`, timeout: 3_000 }).toBeLessThanOrEqual(0);
    }
  }

  for (const email of ['admin@example.org', 'counselor@example.org']) {
    test(`nothing scrolls sideways on the pages ${email} can open`, async ({ page, request }) => {
      test.setTimeout(60_000);
      const pendingApiCalls = trackApiCalls(page);
      await page.goto('/login');
      await expect(page.locator('h1').first()).toBeVisible();
      await expectReflow(page, '/login');
      await new AppPage(page).signIn(email);
      const token = await signInApi(request, email);
      for (const { pattern } of appRoutes().filter((r) => r.pattern !== 'login' && r.pattern !== 'provider')) {
        const address = await addressOf(request, token, pattern);
        if (!address || !(await open(page, address))) continue;
        await settle(page, pendingApiCalls);
        await expectReflow(page, pattern);
      }
    });
  }
});
