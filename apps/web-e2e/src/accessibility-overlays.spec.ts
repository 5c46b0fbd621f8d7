// WCAG 2.1 A/AA with axe on what a page crawl does not show: the toolbar's menus, the main dialogs
// (person create, reveal, merge, referral return/reject/cancel, a confirm dialog), forms submitted empty
// with their field errors, and an API error banner; as the admin, in Spanish, at 1280 px and at 360 px.
// Every dialog is closed with Escape: nothing is changed.
import { expect, type Locator, type Page, test } from './support/test';
import { AppPage } from './pages/app.page';
import { addressOf, open, signInApi } from './support/app-routes';
import { auditBothWidths, type Finding, report, settle, trackApiCalls } from './support/axe-audit';

const ADMIN = 'admin@example.org';

/** Opening animations and fading-in errors done: axe measures colours as they end up (none run under reduced motion, but the crawl does not assume it). */
function animationsDone(page: Page): Promise<unknown> {
  return page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** Opens what `trigger` opens (a dialog or a menu), audits it at both widths, and closes it with Escape. */
async function auditOverlay(page: Page, trigger: Locator, where: string, opened = page.locator('mat-dialog-container, .mat-mdc-menu-panel')): Promise<Finding[]> {
  await trigger.click();
  await expect(opened.first()).toBeVisible();
  await animationsDone(page);
  const findings = await auditBothWidths(page, where);
  await page.keyboard.press('Escape');
  await expect(opened).toHaveCount(0);
  return findings;
}

test('menus, dialogs, field errors and an API error have no serious WCAG 2.1 AA violation', async ({ page, request }) => {
  test.setTimeout(90_000);
  const pendingApiCalls = trackApiCalls(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await new AppPage(page).signIn(ADMIN);
  const token = await signInApi(request, ADMIN);
  await settle(page, pendingApiCalls);
  const findings: Finding[] = [];

  // The toolbar's menus.
  findings.push(...(await auditOverlay(page, page.locator('mih-language-menu button'), 'language menu')));
  findings.push(...(await auditOverlay(page, page.locator('.account-trigger'), 'account menu')));

  // A form submitted empty: the field errors; then the person dialog, submitted empty too.
  await open(page, '/visits/new');
  await settle(page, pendingApiCalls);
  await page.getByRole('button', { name: 'Guardar atención' }).click();
  await expect(page.locator('mat-error').first()).toBeVisible();
  await animationsDone(page);
  findings.push(...(await auditBothWidths(page, '/visits/new submitted empty')));
  await page.getByRole('button', { name: 'Nueva persona' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Crear persona' }).click();
  await expect(dialog.locator('mat-error').first()).toBeVisible();
  await animationsDone(page);
  findings.push(...(await auditBothWidths(page, 'person create dialog submitted empty')));
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // A person: reveal and merge.
  await open(page, (await addressOf(request, token, 'persons/:id'))!);
  await settle(page, pendingApiCalls);
  findings.push(...(await auditOverlay(page, page.getByRole('button', { name: 'Mostrar datos' }), 'reveal dialog')));
  findings.push(...(await auditOverlay(page, page.getByRole('button', { name: 'Fusionar duplicado' }), 'merge dialog')));

  // A submitted referral: the review actions that ask for a comment or a confirmation.
  await open(page, (await addressOf(request, token, 'referrals/:id'))!);
  await settle(page, pendingApiCalls);
  for (const name of ['Devolver al autor', 'Rechazar', 'Cancelar la derivación']) {
    const action = page.getByRole('button', { name, exact: true });
    if (await action.count()) findings.push(...(await auditOverlay(page, action, `referral ${name} dialog`)));
  }

  // A confirm dialog.
  await open(page, (await addressOf(request, token, 'admin/hubs/:id'))!);
  await settle(page, pendingApiCalls);
  findings.push(...(await auditOverlay(page, page.getByRole('button', { name: 'Cerrar centro' }), 'confirm dialog')));

  // The API answers with an error: the list says so.
  await page.route('**/api/visits?**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"statusCode":500,"message":"Internal server error"}' }));
  await open(page, '/visits');
  await expect(page.locator('.notice.error[role="alert"]')).toBeVisible();
  await expect.poll(pendingApiCalls).toBe(0);
  findings.push(...(await auditBothWidths(page, '/visits API error')));
  await page.unroute('**/api/visits?**');

  report('menus, dialogs and errors', findings);
});
