// An admin signs in, switches language, creates a hub and a staff user for it; that user then signs in
// and sees only that hub. Screenshots in Spanish and English go to .test-results/screenshots/.
import { expect, test } from './support/test';
import { AppPage, restoreSpanish } from './pages/app.page';

// The first test switches the admin to English, which the account keeps.
test.afterAll(({ request }) => restoreSpanish(request, ['admin@example.org']));

test('admin creates a hub and a staff member, who sees only that hub', async ({ page }) => {
  const app = new AppPage(page);
  const suffix = Date.now().toString(36).slice(-4).toUpperCase();
  const hubName = `CIM Coatepeque ${suffix}`;
  const staffEmail = `lucia.${suffix.toLowerCase()}@example.org`;

  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Inicia sesión para continuar' })).toBeVisible();
  await app.screenshot('es-login');

  await app.signIn('admin@example.org');
  await expect(page.getByRole('heading', { name: 'Hola, Ana' })).toBeVisible();
  await expect(app.navLink('Centros')).toBeVisible();
  await expect(app.navLink('Usuarios')).toBeVisible();
  await app.screenshot('es-home-admin');

  // The language switch is remembered for the user: it survives a reload (the session is restored).
  await app.switchLanguage('Idioma', 'English');
  await expect(page.getByRole('heading', { name: 'Hello, Ana' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Hello, Ana' })).toBeVisible();

  // Create a hub.
  await app.navLink('Hubs').click();
  await expect(page.getByRole('heading', { name: 'Hubs', exact: true })).toBeVisible();
  await expect(page.getByText('CIM Tecún Umán')).toBeVisible();
  await app.screenshot('en-hub-list');
  await page.getByRole('link', { name: 'New hub' }).or(page.getByRole('button', { name: 'New hub' })).first().click();
  await page.getByRole('button', { name: 'Create hub' }).click();
  await expect(page.getByText('This field is required.').first()).toBeVisible();
  await page.getByLabel('Code').fill(`C${suffix}`);
  await page.getByLabel('Name', { exact: true }).fill(hubName);
  await app.chooseOption('Country', 'Guatemala');
  await page.getByLabel('Department / state / province').fill('Quetzaltenango');
  await page.getByLabel('Municipality').fill('Coatepeque');
  await page.getByLabel('Latitude').fill('14.7039');
  await page.getByLabel('Longitude').fill('-91.8631');
  await app.screenshot('en-hub-form');
  await page.getByRole('button', { name: 'Create hub' }).click();
  await expect(page.getByText('Hub created.')).toBeVisible();

  // Create a staff member for it.
  await app.navLink('Users').click();
  await page.getByRole('link', { name: 'New user' }).or(page.getByRole('button', { name: 'New user' })).first().click();
  await page.getByLabel('Email').fill(staffEmail);
  await page.getByLabel('Name', { exact: true }).fill('Lucía Ramírez');
  await app.chooseOption('Role', /^Hub staff|^Staff/);
  await page.getByRole('combobox', { name: 'Hubs' }).click();
  await page.getByRole('option', { name: new RegExp(hubName) }).click();
  await page.keyboard.press('Escape');
  await page.getByLabel('Initial password').fill('Lucia-2026!');
  await app.screenshot('en-user-form');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText('User created.')).toBeVisible();

  // The new staff member signs in (in Spanish, their default), must first replace the password the admin
  // typed, then sees exactly that hub, and no admin pages.
  await app.signOut(/account/, 'Sign out');
  await app.chooseSignInLanguage('Español');
  await app.signIn(staffEmail, 'Lucia-2026!', undefined, /\/account\/password$/);
  await expect(page.getByText('Un administrador estableció tu contraseña. Elige una propia para continuar.')).toBeVisible();
  await app.changePassword('Lucia-2026!', 'Lucia-eligio-esta-2026');
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('heading', { name: 'Hola, Lucía' })).toBeVisible();
  const cards = page.getByRole('heading', { level: 3 });
  await expect(cards).toHaveCount(1);
  await expect(cards).toHaveText(hubName);
  await expect(app.navLink('Centros')).toHaveCount(0);
  await expect(app.navLink('Usuarios')).toHaveCount(0);
  await app.screenshot('es-home-staff');
  await page.goto('/admin/hubs');
  await expect(page).toHaveURL(/\/home$/);
});

test('wrong credentials show a message and keep the user on the sign-in page', async ({ page }) => {
  const app = new AppPage(page);
  await page.goto('/login');
  await page.getByLabel('Correo electrónico').fill('admin@example.org');
  await page.getByLabel('Contraseña').fill('not-the-password');
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(page.getByRole('alert')).toHaveText('El correo o la contraseña no son correctos.');
  await expect(page).toHaveURL(/\/login/);
  await app.screenshot('es-login-error');
});

test('on a phone-sized screen the navigation folds into a menu', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.signIn('supervisor@example.org');
  await expect(page.getByRole('heading', { name: 'Hola, Sergio' })).toBeVisible();
  // A Guatemala supervisor sees the Guatemalan hubs only.
  await expect(page.getByRole('heading', { level: 3, name: 'CIM Tecún Umán' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'CIM Upala' })).toHaveCount(0);
  await app.screenshot('es-phone-home-supervisor');
  await page.getByRole('button', { name: 'Menú de navegación' }).click();
  await expect(app.navLink('Inicio')).toBeVisible();
  await app.screenshot('es-phone-menu');
  await context.close();
});
