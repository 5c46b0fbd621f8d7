// WCAG 2.1 A/AA with axe on every page of the app, for each demo role: the pages are read from the
// router configuration (support/app-routes.ts), so a new page is covered without editing this spec; a
// page a role cannot open (the router sends it home) is left out for that role. Each page is audited in
// Spanish at 1280 px and at 360 px, with a visible-focus check (Tab three times); in every other
// language of LANGUAGES, each page once, by the first role that reaches it, at one width (alternating).
// The sign-in page and the provider's link page are audited in every language. Dialogs, menus and error
// states: accessibility-overlays.spec.ts. A serious or critical finding fails, printed with its rule,
// page and element; every finding is listed by rule in the log.
import { expect, type Page, test } from './support/test';
import { AppPage } from './pages/app.page';
import { addressOf, appRoutes, open, signInApi } from './support/app-routes';
import { audit, auditBothWidths, type Finding, focusFindings, LANGUAGES, type Language, report, resize, settle, trackApiCalls, WIDTHS } from './support/axe-audit';

const ROLES = ['admin@example.org', 'supervisor@example.org', 'staff@example.org', 'counselor@example.org'];
const PUBLIC = new Set(['login', 'provider']);

/** The routed component on screen: two patterns showing one component are audited once per language. */
function routedComponent(page: Page): Promise<string> {
  return page.evaluate(() => {
    const outlets = document.querySelectorAll('router-outlet');
    return outlets[outlets.length - 1]?.nextElementSibling?.tagName.toLowerCase() ?? '';
  });
}

/**
 * Chooses a language in the page's language menu and waits for its translations: the heading changes once
 * they are in (the page's `lang` changes before). The toolbar's menu then keeps it on the account: wait
 * for that too, or the test could end before it is saved.
 */
async function useLanguage(page: Page, lang: Language, trigger = page.locator('mih-language-menu button')): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  const heading = page.locator('h1').first();
  const before = await heading.textContent();
  const onAccount = (await trigger.evaluate((button) => !!button.closest('mih-language-menu')))
    ? page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/auth/me')
    : null;
  await trigger.click();
  await page.locator(`[role="menuitemradio"][lang="${lang}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(heading).not.toHaveText(before ?? '');
  if (onAccount) expect((await onAccount).ok()).toBe(true);
}

test('the sign-in page has no serious WCAG 2.1 AA violation, in every language, on a desktop or a phone', async ({ page }) => {
  const pendingApiCalls = trackApiCalls(page);
  await page.goto('/login');
  await settle(page, pendingApiCalls);
  const findings: Finding[] = [];
  for (const [i, lang] of LANGUAGES.entries()) {
    // Its translations are in once the button says "sign in" in the language.
    const submit = page.locator('button[type="submit"]');
    const before = await submit.textContent();
    await page.locator(`mih-language-choice button[lang="${lang}"]`).click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    if (lang !== 'es') await expect(submit).not.toHaveText(before ?? '');
    if (lang === 'es') findings.push(...(await auditBothWidths(page, '/login es')), ...(await focusFindings(page, '/login es')));
    else {
      await resize(page, WIDTHS[i % 2]);
      findings.push(...(await audit(page, `/login ${lang}`, WIDTHS[i % 2].width)));
    }
  }
  await page.locator('mih-language-choice button[lang="es"]').click();
  report('sign-in', findings);
});

test("the provider's link page has no serious WCAG 2.1 AA violation, in every language", async ({ page, request }) => {
  const token = await signInApi(request, 'admin@example.org');
  const address = await addressOf(request, token, 'referrals/:id/slip');
  const link = await request.post(`/api${address!.replace(/\/slip$/, '')}/provider-link`, { headers: { authorization: `Bearer ${token}` } });
  expect(link.ok()).toBe(true);
  const pendingApiCalls = trackApiCalls(page);
  await page.goto(((await link.json()) as { path: string }).path);
  await settle(page, pendingApiCalls);
  const findings: Finding[] = [];
  for (const [i, lang] of LANGUAGES.entries()) {
    await useLanguage(page, lang, page.locator('.top-bar button.language'));
    if (lang === 'es') findings.push(...(await auditBothWidths(page, '/provider es')), ...(await focusFindings(page, '/provider es')));
    else {
      await resize(page, WIDTHS[i % 2]);
      findings.push(...(await audit(page, `/provider ${lang}`, WIDTHS[i % 2].width)));
    }
  }
  report('provider link', findings);
});

/** Pages already audited in a language other than Spanish (by an earlier role), by pattern and component. */
const auditedIn = new Map<Language, Set<string>>(LANGUAGES.map((lang) => [lang, new Set<string>()]));

for (const email of ROLES) {
  test(`every page ${email} can open has no serious WCAG 2.1 AA violation, in every language`, async ({ page, request }) => {
    test.setTimeout(600_000);
    const pendingApiCalls = trackApiCalls(page);
    await page.setViewportSize(WIDTHS[0]);
    await new AppPage(page).signIn(email);
    const token = await signInApi(request, email);
    const findings: Finding[] = [];
    const reachable: { pattern: string; address: string; key: string }[] = [];
    const skipped: string[] = [];
    try {
      // Spanish, both widths, and the visible focus: every page the role can open.
      for (const { pattern } of appRoutes().filter((r) => !PUBLIC.has(r.pattern))) {
        const address = await addressOf(request, token, pattern);
        if (!address || !(await open(page, address))) {
          skipped.push(pattern);
          continue;
        }
        await settle(page, pendingApiCalls);
        reachable.push({ pattern, address, key: `${pattern} ${await routedComponent(page)}` });
        findings.push(...(await auditBothWidths(page, `${pattern} es`)));
        // Last: leaving a required field empty shows its error.
        findings.push(...(await focusFindings(page, `${pattern} es`)));
      }
      // Every other language: the pages no earlier role has shown in it, at one width (set once per
      // language: the router's navigations keep it).
      for (const [i, lang] of LANGUAGES.entries()) {
        if (lang === 'es') continue;
        const size = WIDTHS[i % 2];
        await open(page, '/home');
        await useLanguage(page, lang);
        await resize(page, size);
        for (const { pattern, address, key } of reachable.filter((r) => !auditedIn.get(lang)!.has(r.key))) {
          auditedIn.get(lang)!.add(key);
          expect(await open(page, address)).toBe(true);
          await settle(page, pendingApiCalls);
          findings.push(...(await audit(page, `${pattern} ${lang}`, size.width)));
        }
        await resize(page, WIDTHS[0]);
      }
    } finally {
      // The language is kept on the account: give the role its Spanish back for the other specs.
      await open(page, '/home');
      await useLanguage(page, 'es');
    }
    console.log(`${email}: ${reachable.length} pages; not for this role: ${skipped.join(', ')}`);
    expect(reachable.length).toBeGreaterThan(3);
    report(email, findings);
  });
}
