// A supervisor reads the figures of their country: key figures, charts with their tables, another period;
// screenshots in Spanish, English and French.
import { expect, type Page, test } from './support/test';
import { AppPage } from './pages/app.page';

const SUPERVISOR = 'supervisor@example.org';

/** The cells of a figure's table, read the way a screen reader user would: numbers, or the marks of hidden counts ("<5", "x"). */
async function tableNumbers(page: Page, figure: string): Promise<(number | string)[]> {
  const card = page.getByRole('region', { name: figure });
  await card.getByText(/Ver las cifras|Show the figures|Voir les chiffres/).click();
  const cells = await card.getByRole('table').locator('tbody td').allInnerTexts();
  return cells.map((text) => (/^(<5|x)$/.test(text.trim()) ? text.trim() : Number(text.replace(/\D/g, ''))));
}

/**
 * A breakdown against its total, as a supervisor sees it (counts suppressed, complementary "x" beside
 * a "<5"): with nothing hidden the cells add up to the total; otherwise the hidden ones make up the
 * rest, each at least 1, and never one alone (it would be the total minus the others).
 */
function expectAddsUp(cells: (number | string)[], total: number): void {
  const shown = cells.filter((c): c is number => typeof c === 'number').reduce((a, b) => a + b, 0);
  const hidden = cells.filter((c) => typeof c === 'string').length;
  if (hidden === 0) expect(shown).toBe(total);
  else expect(total - shown).toBeGreaterThanOrEqual(hidden);
  expect(hidden).not.toBe(1);
}

test('a supervisor reads the quarter of their country and every figure adds up', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn(SUPERVISOR);
  await app.navLink('Panel').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Panel' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Periodo' })).toContainText('Este trimestre');

  const kpis = page.getByRole('list', { name: 'Cifras clave' });
  await expect(kpis).toBeVisible();
  const kpi = async (label: string) => Number((await kpis.getByRole('listitem').filter({ hasText: label }).locator('.kpi-value').innerText()).replace(/\D/g, ''));
  const consultations = await kpi('Atenciones');
  const people = await kpi('Personas alcanzadas');
  expect(consultations).toBeGreaterThan(0); // the demo hubs of Guatemala have weeks of consultations
  expect(people).toBeLessThanOrEqual(consultations);

  // The tables under the charts add up to the key figures (the hidden counts making up the rest).
  expectAddsUp(await tableNumbers(page, 'Personas por sexo'), people);
  expectAddsUp(await tableNumbers(page, 'Canales (atenciones)'), consultations);
  const months = await tableNumbers(page, 'Mes a mes'); // consultations and people, month by month
  expectAddsUp(months.filter((_, i) => i % 2 === 0), consultations);
  await expect(page.locator('mih-chart-card svg').first()).toBeVisible(); // the charts are drawn
  await app.screenshot('es-dashboard');

  await app.chooseOption('Periodo', 'Año pasado');
  await expect(kpis.getByRole('listitem').filter({ hasText: 'Atenciones' })).toContainText('0');
  await expect(page.getByText('Sin datos en este periodo.').first()).toBeVisible();

  await app.chooseOption('Periodo', 'Este trimestre');
  await app.switchLanguage('Idioma', 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'People by sex' })).toBeVisible();
  await app.screenshot('en-dashboard');
  await app.switchLanguage('Language', 'Français');
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Personnes par sexe' })).toBeVisible();
  await app.screenshot('fr-dashboard');
  await app.switchLanguage('Langue', 'Español');
  await expect(page.getByRole('heading', { level: 1, name: 'Panel' })).toBeVisible();
});

test('a supervisor prints the quarter in numbers, in Spanish and in English', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn(SUPERVISOR);
  await app.navLink('Panel').click();
  const people = await page.getByRole('list', { name: 'Cifras clave' }).getByRole('listitem').filter({ hasText: 'Personas alcanzadas' }).locator('.kpi-value').innerText();

  await page.getByRole('link', { name: 'El trimestre en cifras' }).click();
  await expect(page).toHaveURL(/\/reports\/quarter$/);
  // The demo's weeks of work are in this quarter (the page opens on the last one that ended).
  const quarter = Math.floor(new Date().getMonth() / 3) + 1;
  await app.chooseOption('Trimestre', `Trimestre ${quarter}`);
  const sheet = page.getByRole('article');
  await expect(sheet.getByRole('heading', { name: 'El trimestre en cifras' })).toBeVisible();
  await expect(sheet.getByRole('listitem').filter({ hasText: /personas alcanzadas por \S+ centros/ }).locator('strong')).toHaveText(people);
  await expect(sheet.getByText('Guatemala').first()).toBeVisible();
  await expect(sheet.getByText('se muestran como <5 y sin porcentaje')).toBeVisible();

  await app.chooseOption('Idioma del resumen', 'English');
  await expect(sheet.getByRole('heading', { name: 'The quarter in numbers' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimir o guardar en PDF' })).toBeVisible(); // the screen keeps the UI's language
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Imprimir o guardar en PDF' })).toBeHidden();
  await page.pdf({ path: `${__dirname}/../../../.test-results/screenshots/quarter-summary-en.pdf`, format: 'A4' });
  await app.screenshot('en-quarter-summary-print');
  await page.emulateMedia({ media: 'screen' });
  await app.chooseOption('Idioma del resumen', 'Español');
  await expect(sheet.getByRole('heading', { name: 'El trimestre en cifras' })).toBeVisible();
  await app.screenshot('es-quarter-summary');
});
