// Kreyòl ayisyen on a 360×740 phone: a staff member switches the UI to Kreyòl and logs a visit in it; a
// counselor's choice of Kreyòl is kept on their account (a fresh browser opens their home in Kreyòl);
// then, with the UI back in Spanish, staff note that a person speaks Kreyòl, refer them, and print the
// referral slip in Kreyòl for the person to carry away. Screenshots of the Kreyòl screens go to
// .test-results/screenshots/ (ht-phone-*). The demo users end in Spanish: other specs expect it.
import { type Browser, expect, type Page, test } from './support/test';
import { AppPage, restoreSpanish } from './pages/app.page';
import { ReferralFormPage, ReferralPage } from './pages/referrals.page';
import { VisitFormPage } from './pages/visits.page';

const STAFF = 'staff@example.org';
const COUNSELOR = 'counselor@example.org';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const REASON = 'Llegó anoche desde Haití con su hija; no tiene dónde dormir.';

test.describe.configure({ mode: 'serial' });
test.use(PHONE);

// Whatever happened above, the demo users speak Spanish again: the language is kept on the account.
test.afterAll(({ request }) => restoreSpanish(request, [STAFF, COUNSELOR]));

/** The page scrolls inside the shell, so a full-page screenshot shows what is in view: start from the top. */
async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('mat-sidenav-content')?.scrollTo(0, 0));
}

async function toKreyol(app: AppPage): Promise<void> {
  await app.switchLanguage('Idioma', 'Kreyòl ayisyen');
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'ht');
}

async function backToSpanish(app: AppPage): Promise<void> {
  await app.switchLanguage('Lang', 'Español');
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'es');
}

test('staff switch the UI to Kreyòl and log a visit in it', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn(STAFF);
  await toKreyol(app);
  await expect(page.getByRole('heading', { level: 1, name: /Bonjou/ })).toBeVisible();

  await page.goto('/visits/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvo konsiltasyon' })).toBeVisible();
  const form = new VisitFormPage(page);
  const radio = (group: string, name: string) => page.getByRole('radiogroup', { name: group }).getByRole('radio', { name });
  await expect(radio('Mwayen kontak', 'An pèsòn')).toHaveAttribute('aria-checked', 'true');
  await radio('Sèks', 'Fi').click();
  await radio('Laj', '25 a 59 an').click();
  await app.chooseOption('Pwofil', 'An tranzit');
  const topics = page.getByRole('combobox', { name: 'Sijè' });
  await topics.click();
  await form.typeToFilter(topics, 'sante', 'Sante');
  await page.keyboard.press('Enter');
  await expect(form.chips('Sijè')).toHaveText(['Sante']);
  await scrollToTop(page);
  await app.screenshot('ht-phone-visit-form');

  await page.getByRole('button', { name: 'Anrejistre konsiltasyon an' }).click();
  await expect(page.getByText('Konsiltasyon an anrejistre')).toBeVisible();

  await backToSpanish(app);
  await expect(page.getByRole('heading', { level: 1, name: 'Nueva atención' })).toBeVisible();
});

test("a counselor's Kreyòl is kept on their account: another browser opens their home in Kreyòl", async ({ page, browser }) => {
  const app = new AppPage(page);
  await app.signIn(COUNSELOR);
  await toKreyol(app);
  await expect(page.getByText('Kisa ou fè nan kominote a jodi a?')).toBeVisible();

  const other = await phone(browser);
  try {
    await other.app.signIn(COUNSELOR); // the sign-in page of a fresh browser speaks Spanish
    await expect(other.page.locator('html')).toHaveAttribute('lang', 'ht');
    await expect(other.page.getByText('Kisa ou fè nan kominote a jodi a?')).toBeVisible();
    await expect(other.page.getByRole('link', { name: /Anrejistre yon aktivite/ })).toBeVisible();
    await expect(other.page.getByRole('link', { name: /Voye yon ka/ })).toBeVisible();
    await other.app.screenshot('ht-phone-counselor-home');
    await backToSpanish(other.app);
  } finally {
    await other.context.close();
  }
});

test("with the UI in Spanish, staff print the person's referral slip in Kreyòl", async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn(STAFF);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  // The person speaks Kreyòl: noted on their record.
  await page.goto('/persons');
  await page.getByLabel('Buscar por nombre, código o documento').fill('Pedro Antonio Fuentes');
  const row = page.getByRole('row').filter({ hasText: /GT-TCU-\d{6}/ });
  await expect(row).toHaveCount(1);
  const personCode = (await row.getByRole('link').first().textContent())!.trim();
  await row.getByRole('link', { name: personCode }).click();
  await expect(page.getByRole('heading', { level: 1, name: personCode })).toBeVisible();
  await page.getByRole('button', { name: 'Editar' }).click();
  await app.chooseOption('Idioma preferido', 'Criollo haitiano');
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByText('Cambios guardados.')).toBeVisible();

  // Their referral takes the language from the record; an emergency goes to the provider at once.
  await page.getByRole('link', { name: 'Referir' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nueva derivación' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Idioma de la persona' })).toContainText('Criollo haitiano');
  const form = new ReferralFormPage(page);
  await form.choose('Necesidad', 'Albergue');
  // The only shelter where the hub is: chosen by itself.
  await expect(page.getByRole('combobox', { name: 'Proveedor de servicios' })).toContainText('Casa del Migrante Tecún Umán');
  await form.urgency('Emergencia').click();
  await page.getByLabel('Motivo de la derivación').fill(REASON);
  await page.getByRole('checkbox', { name: /aceptó que sus datos mínimos se compartan/ }).check();
  await page.getByRole('button', { name: 'Enviar al proveedor' }).click();
  const referral = new ReferralPage(page);
  await expect(referral.heading(personCode)).toBeVisible();
  await expect(referral.statusLine).toContainText('Enviada al proveedor');

  await page.getByRole('link', { name: 'Imprimir boleta' }).click();
  await expect(page).toHaveURL(/\/slip$/);
  const slip = page.locator('article.sheet');
  // The sheet in Kreyòl, texts and reference labels alike; the screen around it in Spanish.
  await expect(slip).toHaveAttribute('lang', 'ht');
  await expect(slip.getByRole('heading', { name: 'Fich referans' })).toBeVisible();
  await expect(slip).toContainText('Abri'); // the need, from the reference list in Kreyòl
  await expect(slip).toContainText('Ijans');
  await expect(slip.getByRole('heading', { name: 'Pou aksepte oswa refize referans sa a' })).toBeVisible();
  await expect(slip).toContainText(personCode);
  await expect(page.getByRole('button', { name: 'Imprimir' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Kreyòl ayisyen (idioma de la persona)' })).toBeChecked();
  // Its dates as in French, with the months in Kreyòl.
  await expect(slip).toContainText(/\d{1,2} (janvye|fevriye|mas|avril|me|jen|jiyè|out|septanm|oktòb|novanm|desanm) 20\d\d/);
  await page.getByRole('button', { name: 'Aceptar' }).click(); // the form's message, not part of the slip
  await page.screenshot({ path: `${__dirname}/../../../.test-results/screenshots/ht-phone-referral-slip.png`, fullPage: true });

  // Printed in Spanish instead, if the staff member chooses so.
  await page.getByRole('radio', { name: /Español/ }).check();
  await expect(slip).toHaveAttribute('lang', 'es');
  await expect(slip.getByRole('heading', { name: 'Boleta de derivación' })).toBeVisible();
  await expect(slip).toContainText('Albergue');
});

async function phone(browser: Browser) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  return { context, page, app: new AppPage(page) };
}
