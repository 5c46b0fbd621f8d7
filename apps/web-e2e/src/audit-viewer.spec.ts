// An admin reads the audit trail: a person's identifying data revealed, then the trail filtered by
// action and by user, the reveal marked (an icon and a word), the CSV downloaded and read back; a
// supervisor sees only the hubs of their scope; staff have no entry and the page sends them home.
// Screenshots in Spanish and English, and on a 360 px phone, go to .test-results/screenshots/.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from './support/test';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { AppPage } from './pages/app.page';
import { Api } from './pages/offline.page';

const ADMIN = 'admin@example.org';
const ADMIN_NAME = 'Ana Administradora';

/** Every WCAG 2.1 A/AA violation on the page, of any impact (the crawl fails on serious ones only). */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

interface PersonItem {
  id: string;
  code: string;
  consent: { given: boolean } | null;
  identifying: { givenName: string | null };
}

test('an admin finds a reveal in the audit trail by action and user, and downloads it as CSV', async ({ page, request }) => {
  test.setTimeout(90_000); // two languages, two widths, two axe runs and a download
  // A reveal by the admin: a person of the demo data with consented identifying fields.
  const api = await Api.as(request, ADMIN);
  const persons = await api.get<{ items: PersonItem[] }>('/api/persons?limit=100');
  const revealed = persons.items.find((person) => person.consent?.given && person.identifying.givenName);
  expect(revealed, 'a demo person with identifying data').toBeDefined();
  await api.post(`/api/persons/${revealed!.id}/reveal`, { reasonCode: 'referral' }, 200);
  const code = revealed!.code;

  const app = new AppPage(page);
  await app.signIn(ADMIN);
  await app.navLink('Auditoría').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registro de auditoría' })).toBeVisible();
  await expect(page.getByRole('columnheader')).toHaveText(['Fecha y hora', 'Quién', 'Acción', 'Registro', 'Centro', 'Detalles']);
  await expect(page.getByRole('row').filter({ hasText: code }).first()).toBeVisible(); // newest first: the reveal is on the first page
  await app.screenshot('es-audit-viewer-all');

  await app.chooseOption('Acción', 'Datos revelados');
  await app.chooseOption('Quién', ADMIN_NAME);
  // The filters have been applied once no other action is left (the unfiltered page also has the reveal).
  const actionCells = page.locator('tr.mat-mdc-row td.mat-column-action');
  await expect(actionCells.filter({ hasNotText: 'Datos revelados' })).toHaveCount(0);
  await expect(page.locator('mat-progress-bar')).toHaveCount(0);
  const rows = page.getByRole('row').filter({ hasText: code });
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toContainText(ADMIN_NAME);
  await expect(row).toContainText('reasonCode: referral');
  // It stands out by an icon and a bold word, not by colour alone.
  const chip = row.locator('td.mat-column-action [data-notable="true"]');
  await expect(chip).toHaveText('Datos revelados');
  await expect(chip.locator('mih-icon')).toHaveCount(1);
  // Every row the filters leave is a reveal by the admin.
  const actions = await actionCells.allInnerTexts();
  expect(actions.length).toBeGreaterThan(0);
  expect(new Set(actions.map((text) => text.trim()))).toEqual(new Set(['Datos revelados']));
  await app.screenshot('es-audit-viewer');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Exportar' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV', exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit_events-\d{4}-\d{2}-\d{2}\.csv$/);
  const records: string[][] = parse(await readFile(await download.path()), { bom: true });
  expect(records[0]).toEqual(['Fecha y hora', 'Quién', 'Acción', 'Tipo de registro', 'Código del registro', 'Id del registro', 'Código del centro', 'Dirección IP', 'Detalles']);
  expect(records.length - 1).toBe(actions.length);
  expect(records.slice(1).every((r) => r[1] === ADMIN_NAME && r[2] === 'Datos revelados')).toBe(true);
  expect(records.slice(1).map((r) => r[4])).toContain(code);

  // The export is itself in the trail, marked too.
  await app.chooseOption('Acción', 'Exportación');
  const exportRow = page.getByRole('row').filter({ hasText: 'Archivo de auditoría' }).first();
  await expect(exportRow.locator('td.mat-column-action [data-notable="true"]')).toHaveText('Exportación');

  await app.switchLanguage('Idioma', 'English');
  await app.chooseOption('Action', 'Data revealed');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: code }).locator('td.mat-column-action [data-notable="true"]')).toHaveText('Data revealed');
  await app.screenshot('en-audit-viewer');

  // On a 360 px phone the page does not scroll sideways; the table scrolls inside its own box.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.locator('mat-sidenav')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
  const widths = await page.evaluate(() => {
    const content = document.querySelector('mat-sidenav-content');
    return { document: document.documentElement.scrollWidth, content: content ? content.scrollWidth - content.clientWidth : 0 };
  });
  expect(widths.document).toBeLessThanOrEqual(360);
  expect(widths.content).toBeLessThanOrEqual(0);
  // The action folds into the first column, seen without scrolling the table.
  await expect(page.getByRole('row').filter({ hasText: code }).locator('td.mat-column-occurredAt [data-notable="true"]')).toBeVisible();
  await app.screenshot('en-audit-viewer-phone');
  expect(await axeViolations(page)).toEqual([]); // the table's scrolling box is focusable
  await app.switchLanguage('Language', 'Español');
});

test('a supervisor sees only their hubs’ events; staff have no audit entry and are sent home', async ({ page, request }) => {
  const supervisor = await Api.as(request, 'supervisor@example.org');
  const events = await supervisor.get<{ items: { hubId: string | null }[] }>('/api/audit-events?limit=200');
  const hubs = await supervisor.get<{ items: { id: string }[] }>('/api/hubs?limit=100');
  const scope = new Set(hubs.items.map((hub) => hub.id));
  expect(events.items.length).toBeGreaterThan(0);
  expect(events.items.every((event) => event.hubId !== null && scope.has(event.hubId))).toBe(true);

  const staff = await Api.as(request, 'staff@example.org');
  await staff.get('/api/audit-events', 403);

  const app = new AppPage(page);
  await app.signIn('staff@example.org');
  await expect(app.navLink('Auditoría')).toHaveCount(0);
  await page.goto('/audit');
  await expect(page).toHaveURL(/\/home$/);
});
