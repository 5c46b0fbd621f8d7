// Two-step verification (TOTP): a new admin turns it on from the account menu (the key read from the
// page, the codes computed here with otplib, as an authenticator app would), signs in with a code, then
// with a recovery code (that step in English too); an admin resets it and the user must set it up again
// before anything else. This server forces no role (playwright.config.ts), so the spec makes its own
// admin. Screenshots in Spanish and English go to .test-results/screenshots/.
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Page, expect, test } from './support/test';
import { generate } from 'otplib';
import { AppPage, DEMO_PASSWORD } from './pages/app.page';

const PASSWORD = 'Ana-eligio-2026';
/** The code of the step after the current one: later than any code used so far, and still accepted. */
const nextCode = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

/** No serious or critical WCAG 2.1 AA violation on the page as it is now (these pages are off the nav crawl). */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
}

/** Also puts the demo admin back in Spanish (another spec may have left their account in English). */
async function demoAdminCreatesAdmin(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post('/api/auth/login', { data: { email: 'admin@example.org', password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  expect((await request.patch('/api/auth/me', { headers, data: { language: 'es' } })).status()).toBe(200);
  const created = await request.post('/api/users', {
    headers,
    data: { email, displayName: 'Ana Morales', role: 'admin', password: 'Puesta-por-admin-1' },
  });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()).id;
}

/** On the set-up page: reads the key, confirms with a code, returns the key and the recovery codes shown. */
async function setUpApp(page: Page, app: AppPage, screenshot: string, checkAccessibility = false): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page.getByRole('img', { name: 'Código QR para la aplicación de autenticación' })).toBeVisible();
  const secret = (await page.getByLabel('¿No puedes escanearlo? Escribe esta clave').inputValue()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await app.screenshot(`${screenshot}-key`);
  if (checkAccessibility) await expectAccessible(page);
  await page.getByLabel('Código de verificación').fill('12345');
  await page.getByRole('button', { name: 'Activar' }).click();
  await expect(page.getByText('Escribe los 6 dígitos del código.')).toBeVisible();
  await page.getByLabel('Código de verificación').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Activar' }).click();
  const codes = page.getByRole('list', { name: 'Códigos de recuperación' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await app.screenshot(`${screenshot}-recovery-codes`);
  if (checkAccessibility) await expectAccessible(page);
  return { secret, recoveryCodes: (await codes.allTextContents()).map((c) => c.trim()) };
}

test('an admin turns on two-step verification, then signs in with a code and with a recovery code (in English too)', async ({ page, request }) => {
  test.setTimeout(90_000);
  const app = new AppPage(page);
  const email = `ana.${Date.now().toString(36)}@example.org`;
  await demoAdminCreatesAdmin(request, email);

  // First sign-in: the admin-set password is replaced first.
  await app.signIn(email, 'Puesta-por-admin-1', undefined, /\/account\/password$/);
  await app.changePassword('Puesta-por-admin-1', PASSWORD);
  await expect(page).toHaveURL(/\/home$/);

  await page.getByRole('button', { name: /Cuenta de Ana Morales/ }).click();
  await page.getByRole('menuitem', { name: 'Verificación en dos pasos' }).click();
  await expect(page).toHaveURL(/\/account\/second-factor$/);
  await expect(page.getByText('Desactivada.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Configurar la verificación en dos pasos' }).click();
  const { secret, recoveryCodes } = await setUpApp(page, app, 'es-second-factor-setup', true);
  await page.getByRole('button', { name: 'Ya los guardé, continuar' }).click();
  await expect(page).toHaveURL(/\/home$/);
  await app.signOut(/Cuenta de Ana Morales/, 'Cerrar sesión');

  // The password alone is not enough: a code from the app. A wrong one is said, and the user stays.
  await app.signInToSecondStep(email, PASSWORD);
  await app.enterSignInCode('000000' === (await nextCode(secret)) ? '111111' : '000000');
  await expect(page.getByRole('alert')).toContainText('El código no es correcto o ya se usó.');
  await app.screenshot('es-second-factor-sign-in');
  await expectAccessible(page);
  await app.enterSignInCode(await nextCode(secret));
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('heading', { name: 'Hola, Ana' })).toBeVisible();
  await app.signOut(/Cuenta de Ana Morales/, 'Cerrar sesión');

  // In English, with a recovery code instead (each works once).
  await page.goto('/login');
  await app.chooseSignInLanguage('English');
  await app.signInToSecondStep(email, PASSWORD, { email: 'Email', password: 'Password', submit: 'Sign in', heading: 'Two-step verification' });
  await page.getByRole('button', { name: 'Use a recovery code' }).click();
  await expect(page.getByText('Type one of your recovery codes. Each code works once.')).toBeVisible();
  await app.screenshot('en-second-factor-recovery-code');
  await app.enterSignInCode(recoveryCodes[0], { code: 'Recovery code', submit: 'Verify' });
  await expect(page).toHaveURL(/\/home$/);

  const reused = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  const again = await request.post('/api/auth/login/second-factor', { data: { challengeToken: (await reused.json()).challengeToken, recoveryCode: recoveryCodes[0] } });
  expect(again.status()).toBe(401);
});

test('after an admin resets it, the user must set up two-step verification again before anything else', async ({ page, request }) => {
  test.setTimeout(90_000);
  const app = new AppPage(page);
  const email = `ana.${Date.now().toString(36)}@example.org`;
  const userId = await demoAdminCreatesAdmin(request, email);
  await app.signIn(email, 'Puesta-por-admin-1', undefined, /\/account\/password$/);
  await app.changePassword('Puesta-por-admin-1', PASSWORD);
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/account/second-factor');
  await page.getByRole('button', { name: 'Configurar la verificación en dos pasos' }).click();
  await setUpApp(page, app, 'es-second-factor-setup-again');
  await page.getByRole('button', { name: 'Ya los guardé, continuar' }).click();
  await app.signOut(/Cuenta de Ana Morales/, 'Cerrar sesión');

  // The demo admin resets it from the user's page.
  await app.signIn('admin@example.org');
  await page.goto(`/admin/users/${userId}`);
  await expect(page.getByText('Verificación en dos pasos activada')).toBeVisible();
  await page.getByRole('button', { name: 'Restablecer verificación en dos pasos' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restablecer' }).click();
  await expect(page.getByText('Verificación en dos pasos restablecida.')).toBeVisible();
  await expect(page.getByText('Sin verificación en dos pasos')).toBeVisible();
  await app.screenshot('es-user-second-factor-reset');
  await app.signOut(/Cuenta de/, 'Cerrar sesión');

  // Ana's password alone signs her in now, but only to set it up again; nothing else opens meanwhile.
  await app.signIn(email, PASSWORD, undefined, /\/account\/second-factor$/);
  await expect(page.getByRole('status').filter({ hasText: 'Tu cuenta necesita la verificación en dos pasos.' })).toBeVisible();
  await page.goto('/visits');
  await expect(page).toHaveURL(/\/account\/second-factor$/);
  await expect(page.getByRole('link', { name: 'Cancelar' })).toHaveCount(0);
  await app.screenshot('es-second-factor-forced');
  await setUpApp(page, app, 'es-second-factor-forced');
  await page.getByRole('button', { name: 'Ya los guardé, continuar' }).click();
  await expect(page).toHaveURL(/\/home$/);
});
