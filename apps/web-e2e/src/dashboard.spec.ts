// A supervisor reads the figures of their country: key figures, charts with their tables, another period;
// screenshots in Spanish, English and French.
import { expect, type Page, test } from '@playwright/test';
import { AppPage } from './pages/app.page';

const SUPERVISOR = 'supervisor@example.org';

/** The numbers of a figure's table, read the way a screen reader user would. */
async function tableNumbers(page: Page, figure: string): Promise<number[]> {
  const card = page.getByRole('region', { name: figure });
  await card.getByText(/Ver las cifras|Show the figures|Voir les chiffres/).click();
  const cells = await card.getByRole('table').locator('tbody td').allInnerTexts();
  return cells.map((text) => Number(text.replace(/\D/g, '')));
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

  // The tables under the charts add up to the key figures.
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  expect(sum(await tableNumbers(page, 'Personas por sexo'))).toBe(people);
  expect(sum(await tableNumbers(page, 'Canales (atenciones)'))).toBe(consultations);
  const months = await tableNumbers(page, 'Mes a mes'); // consultations and people, month by month
  expect(sum(months.filter((_, i) => i % 2 === 0))).toBe(consultations);
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
