// The closed loop of a referral: staff refer a demo person and submit; the supervisor approves it from
// the review queue; staff print the slip (PDF and picture); the provider, with no account, opens the
// slip's link, accepts, then records the outcome; the author is told and sees it completed. The provider
// works in English: its slip and page are in English while the hub's screens stay in Spanish.
// Screenshots in Spanish and English (desktop; the provider page also on a 390×844 phone) go to
// .test-results/screenshots/.
import { type Browser, expect, type Page, test } from './support/test';
import { AppPage } from './pages/app.page';
import { ProviderResponsePage, ReferralFormPage, ReferralPage } from './pages/referrals.page';

const STAFF = 'staff@example.org';
const SUPERVISOR = 'supervisor@example.org';
const SCREENSHOTS = `${__dirname}/../../../.test-results/screenshots`;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const REASON = 'Joven víctima de una oferta de empleo falsa; tiene ansiedad y pide acompañamiento psicosocial.';
const OUTCOME = 'Tres sesiones de acompañamiento; continúa en grupo de apoyo.';

/** A local date `days` from today, as a date input holds it. */
function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test.describe.configure({ mode: 'serial' });

let referralPath = '';
let personCode = '';
let providerUrl = '';

test('staff refer a person to a provider and submit the referral for review', async ({ page }) => {
  const app = new AppPage(page);
  const form = new ReferralFormPage(page);
  await app.signIn(STAFF);

  await app.navLink('Personas').click();
  await page.getByLabel('Buscar por nombre, código o documento').fill('Rosa Amalia Ixcot');
  // Wait for the search to replace the newest-first list.
  const row = page.getByRole('row').filter({ hasText: /GT-TCU-\d{6}/ });
  await expect(row).toHaveCount(1);
  personCode = (await row.getByRole('link').first().textContent())!.trim();
  await row.getByRole('link', { name: personCode }).click();
  await expect(page.getByRole('heading', { level: 1, name: personCode })).toBeVisible();

  await page.getByRole('link', { name: 'Referir' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nueva derivación' })).toBeVisible();
  await expect(page.getByText(`Persona ${personCode}`)).toBeVisible();
  // Providers come once the need is known: those meeting it where the hub is, taking referrals.
  await form.choose('Necesidad', 'Apoyo psicosocial');
  await form.choose('Proveedor de servicios', /Pop No'j/);
  await expect(form.dueOn).toHaveValue(inDays(10));
  await form.urgency('Prioritaria').click();
  await expect(form.dueOn).toHaveValue(inDays(3));
  await page.getByLabel('Motivo de la derivación').fill(REASON);

  // Consent to share is required.
  await page.getByRole('button', { name: 'Enviar a revisión' }).click();
  await expect(page.getByText('Sin el consentimiento de la persona no se puede derivar.')).toBeVisible();
  await page.getByRole('checkbox', { name: /aceptó que sus datos mínimos se compartan/ }).check();
  await app.screenshot('es-referral-form');
  await page.getByRole('button', { name: 'Enviar a revisión' }).click();

  const referral = new ReferralPage(page);
  await expect(referral.heading(personCode)).toBeVisible();
  await expect(referral.statusLine).toContainText('Por revisar');
  await expect(referral.statusLine).toContainText('Prioritaria');
  await expect(referral.timeline).toContainText('Envió a revisión');
  await expect(referral.action('Aprobar y enviar')).toHaveCount(0);
  referralPath = new URL(page.url()).pathname;

  // The person page lists it beside the visits.
  await page.getByRole('link', { name: personCode }).click();
  const referrals = page.getByRole('region', { name: /Derivaciones/ });
  await expect(referrals.getByRole('listitem').filter({ hasText: 'Apoyo psicosocial' })).toContainText('Por revisar');
  await app.screenshot('es-person-referrals');
});

test('the supervisor finds it in the review queue and approves it', async ({ page }) => {
  test.skip(!referralPath, 'needs the referral of the previous test');
  const app = new AppPage(page);
  await app.signIn(SUPERVISOR);
  await app.navLink('Derivaciones').click();
  await expect(page.getByRole('tab', { name: 'Por revisar' })).toHaveAttribute('aria-selected', 'true');
  const row = page.getByRole('row').filter({ hasText: personCode });
  await expect(row).toContainText('Apoyo psicosocial');
  await expect(row).toContainText('Por revisar');
  await app.screenshot('es-review-queue');

  await app.switchLanguage('Idioma', 'English');
  await expect(page.getByRole('tab', { name: 'Review queue' })).toBeVisible();
  await expect(row).toContainText('Psychosocial support');
  await app.screenshot('en-review-queue');
  await app.switchLanguage('Language', 'Español');

  await row.getByRole('link', { name: personCode }).click();
  const referral = new ReferralPage(page);
  await expect(referral.heading(personCode)).toBeVisible();
  await referral.action('Aprobar y enviar').click();
  await expect(page.getByText('Derivación aprobada y enviada al proveedor.')).toBeVisible();
  await expect(referral.statusLine).toContainText('Enviada al proveedor');
  await expect(referral.timeline).toContainText('Aprobó y envió al proveedor');
  await expect(referral.timeline).toContainText('Sergio Supervisor');

  // The directory, searched by need; supervisors may edit the providers of their countries.
  await app.navLink('Directorio').click();
  await new ReferralFormPage(page).choose('Necesidad', 'Apoyo psicosocial');
  const provider = page.getByRole('row').filter({ hasText: "Asociación Pop No'j" });
  await expect(provider).toContainText('Recibe derivaciones');
  await expect(page.getByRole('row').filter({ hasText: 'Ministerio de Trabajo' })).toHaveCount(0);
  await app.screenshot('es-provider-directory');
  await provider.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: /Pop No'j/ })).toBeVisible();
  await expect(page.getByLabel('Nombre')).toHaveValue(/Pop No'j/);
  await app.screenshot('es-provider-form');
  // Its slips will be in English from now on, whatever language the hub's screens speak.
  await new ReferralFormPage(page).choose('Idioma de las boletas', 'English');
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByText('Cambios guardados.')).toBeVisible();
});

test('staff print the referral slip with the provider link', async ({ page }) => {
  test.skip(!referralPath, 'needs the referral of the first test');
  const app = new AppPage(page);
  await app.signIn(STAFF);
  await page.goto(referralPath);
  await page.getByRole('link', { name: 'Imprimir boleta' }).click();
  await expect(page).toHaveURL(/\/slip$/);

  // In the provider's language (English), while the screen around it stays in Spanish.
  const slip = page.locator('article.sheet');
  await expect(slip.getByRole('heading', { name: 'Referral slip' })).toBeVisible();
  await expect(slip).toHaveAttribute('lang', 'en');
  await expect(slip).toContainText('Psychosocial support');
  await expect(slip.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimir' })).toBeVisible();
  await expect(slip).toContainText(personCode);
  await expect(slip).toContainText("Asociación Pop No'j");
  await expect(slip).toContainText('CIM Tecún Umán');
  await expect(slip).toContainText(REASON);
  // The slip says what its link is for: one answer; the outcome comes through a link handed over on accepting.
  await expect(slip.getByRole('heading', { name: 'To accept or decline this referral' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Se emitió un enlace nuevo');
  await expect(page.getByRole('status')).toContainText('La boleta está en English');
  providerUrl = (await slip.locator('.link').textContent())!.trim();
  expect(providerUrl).toMatch(/\/provider#[A-Za-z0-9_-]{20,}$/);

  await app.screenshot('referral-slip');
  await page.pdf({ path: `${SCREENSHOTS}/referral-slip.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SCREENSHOTS}/referral-slip-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('the provider opens the link without an account, accepts, then records the outcome', async ({ browser }) => {
  test.skip(!providerUrl, 'needs the link of the slip');
  const context = await browser.newContext();
  const page = await context.newPage();
  const provider = new ProviderResponsePage(page);
  await page.goto(providerUrl);

  // In the provider's language first.
  await expect(page.getByRole('heading', { level: 1, name: 'Referral received' })).toBeVisible();
  // The token does not stay in the address bar.
  expect(new URL(page.url()).hash).toBe('');
  await expect(page.getByText(personCode)).toBeVisible();
  await expect(page.getByText(REASON)).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/en-provider-page.png`, fullPage: true });
  await phoneScreenshots(browser);

  await provider.switchLanguage(/Language/, 'Español');
  await expect(page.getByRole('heading', { level: 1, name: 'Derivación recibida' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/es-provider-page.png`, fullPage: true });

  await expect(page.getByText('El nombre y el teléfono de la persona se muestran cuando acepta')).toBeVisible();
  await provider.button('Aceptar la derivación').click();
  await expect(page.getByText('La derivación quedó aceptada')).toBeVisible();
  await expect(page.getByText('Aceptada por el proveedor')).toBeVisible();
  // The slip's link is spent; the page goes on with the link for the outcome, shown to keep.
  await expect(page.getByText('Guarde este enlace')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/es-provider-accepted.png`, fullPage: true });

  await provider.answerWith('La atención se completó', 'Resultado de la atención', OUTCOME, 'Registrar el resultado');
  await expect(page.getByText('La atención quedó registrada como completada.')).toBeVisible();
  await expect(provider.button('Aceptar la derivación')).toHaveCount(0);

  // The link is used up: opening it again says so.
  await page.goto(providerUrl);
  await expect(page.getByRole('heading', { name: 'Este enlace ya no es válido' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/es-provider-link-invalid.png`, fullPage: true });
  await context.close();
});

test('the author sees the referral completed with the provider\'s outcome', async ({ page }) => {
  test.skip(!referralPath, 'needs the referral of the first test');
  const app = new AppPage(page);
  await app.signIn(STAFF);
  // The bell tells the author that the provider answered, and leads to the referral.
  await page.getByRole('button', { name: /^Notificaciones, [1-9]\d* sin leer$/ }).click();
  await page.getByRole('menuitem', { name: new RegExp(`El proveedor respondió sobre ${personCode}`) }).first().click();
  await expect(page).toHaveURL(new RegExp(`${referralPath}$`));
  const referral = new ReferralPage(page);
  await expect(referral.statusLine).toContainText('Completada');
  await expect(page.getByText(OUTCOME).first()).toBeVisible();
  await expect(referral.timeline).toContainText('El proveedor, mediante su enlace');
  await expect(referral.timeline).toContainText('Aceptada por el proveedor');
  await expect(page.getByRole('button', { name: /Atención completada|Cancelar/ })).toHaveCount(0);
  await app.screenshot('es-referral-page');

  await app.switchLanguage('Idioma', 'English');
  await expect(referral.statusLine).toContainText('Completed');
  await expect(referral.timeline).toContainText('The provider, through its link');
  await app.screenshot('en-referral-page');
  await app.switchLanguage('Language', 'Español');
  await expect(referral.statusLine).toContainText('Completada');
});

/** The provider page on a phone, in Spanish and English (viewing uses nothing up). */
async function phoneScreenshots(browser: Browser): Promise<void> {
  const context = await browser.newContext(PHONE);
  const page: Page = await context.newPage();
  await page.goto(providerUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Referral received' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/en-phone-provider-page.png`, fullPage: true });
  await new ProviderResponsePage(page).switchLanguage(/Language/, 'Español');
  await expect(page.getByRole('heading', { level: 1, name: 'Derivación recibida' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/es-phone-provider-page.png`, fullPage: true });
  await context.close();
}

test('the supervisor sees the emergency sent without review, in its own view and on the referral', async ({ page }) => {
  const app = new AppPage(page);
  await app.signIn(SUPERVISOR);
  await page.goto('/referrals?view=skipped');
  await expect(page.getByRole('tab', { name: 'Sin revisión' })).toHaveAttribute('aria-selected', 'true');
  const row = page.getByRole('row').filter({ hasText: 'Emergencia, sin revisión' }).first();
  await expect(row).toBeVisible();
  await app.screenshot('es-referrals-review-skipped');
  await row.getByRole('link').click();
  const referral = new ReferralPage(page);
  await expect(referral.statusLine).toContainText('Emergencia, sin revisión');
  await expect(referral.timeline).toContainText('Enviada al proveedor sin revisión (emergencia)');
  await app.screenshot('es-referral-review-skipped');

  await app.switchLanguage('Idioma', 'English');
  await expect(referral.statusLine).toContainText('Emergency, review skipped');
  await expect(referral.timeline).toContainText('Sent to the provider without review (emergency)');
  await app.screenshot('en-referral-review-skipped');
  await app.switchLanguage('Language', 'Español');
  await expect(referral.statusLine).toContainText('Emergencia, sin revisión');
});
