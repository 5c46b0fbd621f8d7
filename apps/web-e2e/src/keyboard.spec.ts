// Keyboard first (SPEC 5 "by keyboard alone"): staff log an anonymous visit from the home page, focus at
// the top, in at most 25 keystrokes. What counts: every key press is one keystroke (a chord such as
// Alt+N is one press), and typed text counts one per character. Where focus is, is checked only as a
// screen reader user hears it: the focused element's role and accessible name.
import { expect, type Page, test } from './support/test';
import { AppPage } from './pages/app.page';

const MOST_KEYSTROKES = 25;

/** The keyboard, counting. */
class CountingKeyboard {
  count = 0;
  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    this.count += 1;
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.count += [...text].length;
    await this.page.keyboard.type(text, { delay: 20 });
  }
}

/** What a screen reader announces for the focused element. */
async function expectFocusOn(page: Page, role: Parameters<Page['getByRole']>[0], name: string | RegExp): Promise<void> {
  const focused = page.locator(':focus');
  await expect(focused).toHaveRole(role);
  await expect(focused).toHaveAccessibleName(name);
}

test(`staff log an anonymous visit by keyboard alone in at most ${MOST_KEYSTROKES} keystrokes`, async ({ page }) => {
  await new AppPage(page).signIn('staff@example.org');
  // A fresh home page: nothing focused, as after opening the app.
  await page.goto('/home');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  const keys = new CountingKeyboard(page);

  await keys.press('Alt+N');
  await expect(page).toHaveURL(/\/visits\/new$/);
  await expectFocusOn(page, 'combobox', 'Buscar persona por nombre, código o documento');
  await keys.press('Tab');
  await expectFocusOn(page, 'button', 'Nueva persona');
  await keys.press('Tab');
  await expectFocusOn(page, 'radio', 'Mujer');
  await keys.press('Space');
  await keys.press('Tab');
  await expectFocusOn(page, 'radio', /0 a 11/);
  for (let i = 0; i < 3; i++) await keys.press('ArrowRight');
  await expectFocusOn(page, 'radio', '25 a 59 años');
  await keys.press('Tab');
  // The hub's country is already chosen (a screen reader reads the combobox's value after its name).
  await expectFocusOn(page, 'combobox', 'Nacionalidad');
  await expect(page.locator(':focus')).toContainText('Guatemala');
  await keys.press('Tab');
  await expectFocusOn(page, 'combobox', 'Perfil');
  await keys.type('En t');
  await expect(page.locator(':focus')).toContainText('En tránsito');
  await keys.press('Tab');
  await expectFocusOn(page, 'combobox', 'Temas');
  await keys.type('doc');
  await expect(page.getByRole('option', { name: 'Documentos y trámites (pasaporte, visas)' })).toBeVisible();
  await keys.press('Enter');
  await expectFocusOn(page, 'combobox', 'Temas');
  await keys.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: 'Atención registrada' }).or(page.getByText('Atención registrada'))).toBeVisible();
  // Ready for the next visitor, focus back on top.
  await expectFocusOn(page, 'combobox', 'Buscar persona por nombre, código o documento');
  console.log(`anonymous visit logged in ${keys.count} keystrokes`);
  expect(keys.count, `keystrokes to log an anonymous visit`).toBeLessThanOrEqual(MOST_KEYSTROKES);
});
