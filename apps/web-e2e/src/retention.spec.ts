// An admin sets how long a country's closed records are kept before they are anonymised, and sees what
// the next run will anonymise. Screenshots in Spanish and English.
import { expect, test } from './support/test';
import { AppPage } from './pages/app.page';

test('an admin sets the retention period of a country and reads the next run preview', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn('admin@example.org');
  await app.navLink('Anonimización').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conservación de datos' })).toBeVisible();

  const periods = page.getByRole('region', { name: 'Plazo por país' });
  const guatemala = periods.getByRole('row', { name: /Guatemala \(GT\)/ });
  await expect(guatemala).toContainText('plazo por defecto');
  const years = guatemala.getByLabel('Años (GT)');
  await expect(years).toHaveValue('5');

  await years.fill('31');
  await guatemala.getByRole('button', { name: 'Guardar el plazo de Guatemala (GT)' }).click();
  await expect(guatemala).toContainText('El valor máximo es 30.');

  await years.fill('10');
  await guatemala.getByRole('button', { name: 'Guardar el plazo de Guatemala (GT)' }).click();
  await expect(page.getByText('Plazo de Guatemala (GT) guardado.')).toBeVisible();
  await expect(guatemala).not.toContainText('plazo por defecto');
  await expect(years).toHaveValue('10');

  // The demo's records are recent: nothing is due.
  await expect(page.getByRole('region', { name: 'Próxima ejecución' })).toContainText('No hay nada que anonimizar en la próxima ejecución.');
  await app.screenshot('es-retention');
  await expect(page.getByText('Plazo de Guatemala (GT) guardado.')).toBeHidden();

  await app.switchLanguage('Idioma', 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Data retention' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Period per country' }).getByRole('row', { name: /Guatemala \(GT\)/ }).getByLabel('Years (GT)')).toHaveValue('10');
  const preview = page.getByRole('region', { name: 'Next run' });
  await expect(preview).toContainText('Nothing is due for anonymisation in the next run.');
  await preview.scrollIntoViewIfNeeded();
  await app.screenshot('en-retention');
  await app.switchLanguage('Language', 'Español');
  await expect(page.getByRole('heading', { level: 1, name: 'Conservación de datos' })).toBeVisible();
});
