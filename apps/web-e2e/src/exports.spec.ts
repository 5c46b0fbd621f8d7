// A supervisor takes the figures out of the app: the visits list as CSV with its filter, the dashboard
// as Excel (both read back), and the identifying export of persons behind a reason; the export menu
// in Spanish and English.
import { expect, type Download, type Page, test } from './support/test';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { AppPage } from './pages/app.page';

const SUPERVISOR = 'supervisor@example.org';

/** Clicks a menu entry of the export menu and waits for the file. */
async function exportAs(page: Page, entry: string, menu = 'Exportar'): Promise<Download> {
  await page.getByRole('button', { name: menu }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: entry, exact: true }).click()]);
  return download;
}

/** Waits until the open menu has finished appearing (for a clean screenshot). */
async function menuShown(page: Page): Promise<void> {
  await page.getByRole('menu').evaluate((menu) => Promise.all(menu.getAnimations({ subtree: true }).map((animation) => animation.finished)));
}

async function sheetOf(download: Download): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

test('a supervisor downloads the visits list as CSV and the dashboard as Excel', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn(SUPERVISOR);
  await app.navLink('Atenciones').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Atenciones' })).toBeVisible();
  await app.chooseOption('Canal', 'Presencial');

  await page.getByRole('button', { name: 'Exportar' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['CSV', 'Excel (XLSX)']); // no identifying export of visits
  await menuShown(page);
  await app.screenshot('es-export-menu');
  await page.keyboard.press('Escape');

  const csv = await exportAs(page, 'CSV');
  expect(csv.suggestedFilename()).toMatch(/^visits-\d{4}-\d{2}-\d{2}\.csv$/);
  const records: string[][] = parse(await readFile(await csv.path()), { bom: true });
  expect(records[0]).toEqual([
    'Fecha y hora', 'Código del centro', 'Centro', 'País del centro', 'Registrada por', 'Canal', 'Código de la persona', 'Sexo', 'Grupo de edad',
    'Nacionalidad', 'Perfil', 'Temas informados', 'Necesidades', 'Vulnerabilidades', 'Seguimiento el', 'Seguimiento hecho',
  ]);
  const rows = records.slice(1);
  expect(rows.length).toBeGreaterThan(0); // the demo hubs of Guatemala have weeks of consultations
  expect(new Set(rows.map((row) => row[3]))).toEqual(new Set(['Guatemala'])); // the supervisor's country only
  expect(new Set(rows.map((row) => row[5]))).toEqual(new Set(['Presencial'])); // the list's filter
  expect(rows.every((row) => row[6] === '' || /^GT-[A-Z0-9]+-\d{6}$/.test(row[6]))).toBe(true); // codes, never names

  await app.navLink('Panel').click();
  const kpis = page.getByRole('list', { name: 'Cifras clave' });
  await expect(kpis).toBeVisible();
  const consultations = Number((await kpis.getByRole('listitem').filter({ hasText: 'Atenciones' }).locator('.kpi-value').innerText()).replace(/\D/g, ''));
  const excel = await exportAs(page, 'Excel (XLSX)');
  expect(excel.suggestedFilename()).toMatch(/^dashboard-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = await sheetOf(excel);
  expect(sheet.name).toBe('Cifras');
  expect(sheet.getRow(1).values).toEqual([undefined, 'Sección', 'Código', 'Etiqueta', 'Cantidad']);
  expect(sheet.getRow(2).values).toEqual([undefined, 'Atenciones: totales', 'consultations', 'Atenciones', consultations >= 5 ? consultations : '<5']);
  // Small counts are "<5" (the median of days to acceptance counts no one).
  const counts: unknown[] = [];
  sheet.eachRow((row, n) => n > 1 && row.getCell(2).value !== 'medianDaysToAcceptance' && counts.push(row.getCell(4).value));
  expect(counts.filter((count) => typeof count === 'number' && count > 0 && count < 5)).toEqual([]);
  expect(counts).toContain('<5');
});

test('a supervisor exports persons with identifying data only after giving a reason; the menu in English', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn(SUPERVISOR);
  await app.navLink('Personas').click();
  await app.switchLanguage('Idioma', 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Persons' })).toBeVisible();

  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menuitem')).toHaveText(['CSV', 'Excel (XLSX)', 'CSV with identifying data', 'Excel with identifying data']);
  await menuShown(page);
  await app.screenshot('en-export-menu');
  await page.getByRole('menuitem', { name: 'Excel with identifying data' }).click();

  const dialog = page.getByRole('dialog', { name: 'Export with identifying data' });
  await dialog.getByRole('button', { name: 'Download' }).click();
  await expect(dialog.getByText('This field is required.')).toBeVisible();
  await dialog.getByLabel('Reason').fill('Follow-up list for the protection office');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Download started. The export was recorded with its reason.')).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/^persons-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheet = await sheetOf(download);
  expect(sheet.name).toBe('Persons');
  expect((sheet.getRow(1).values as unknown[]).slice(-5)).toEqual(['Given name', 'Family name', 'Date of birth', 'Document number', 'Phone']);
  await app.switchLanguage('Language', 'Español');
});

test('staff are told their visits file is coarsened, and get days, pseudonyms and no sensitive vulnerabilities', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn('staff@example.org');
  await app.navLink('Atenciones').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Atenciones' })).toBeVisible();
  await page.getByRole('button', { name: 'Exportar' }).click();
  const note = page.getByText('Para su rol, el archivo lleva menos detalle');
  await expect(note).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'CSV', exact: true })).toHaveAccessibleDescription(/menos detalle/);
  await menuShown(page);
  const axe = await new AxeBuilder({ page }).include('.mat-mdc-menu-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]); // the note sits in the menu without breaking it
  await app.screenshot('es-export-menu-staff');
  await page.keyboard.press('Escape');

  const records: string[][] = parse(await readFile(await (await exportAs(page, 'CSV')).path()), { bom: true });
  expect(records[0][0]).toBe('Fecha');
  expect(records[0][6]).toBe('Persona (seudónimo de este archivo)');
  const rows = records.slice(1);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row[0]))).toBe(true); // the day, no time
  expect(rows.every((row) => row[6] === '' || /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(row[6]))).toBe(true); // no person code
  expect(rows.map((row) => row[13]).join('\n')).not.toMatch(/trata|violencia|LGBTIQ/);

  await app.switchLanguage('Idioma', 'English');
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByText('For your role the file has less detail')).toBeVisible();
  await menuShown(page);
  await app.screenshot('en-export-menu-staff');
  await page.keyboard.press('Escape');
  await app.switchLanguage('Language', 'Español');
});
