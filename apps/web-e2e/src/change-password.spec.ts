// Passwords: a user whose password an admin set must choose their own before anything else (common and
// wrong ones are refused under their field), and anyone can change theirs from the account menu.
// Screenshots in Spanish and English go to .test-results/screenshots/.
import { type APIRequestContext, expect, test } from './support/test';
import { AppPage, DEMO_PASSWORD } from './pages/app.page';

async function adminCreatesStaff(request: APIRequestContext, email: string, password: string): Promise<void> {
  const login = await request.post('/api/auth/login', { data: { email: 'admin@example.org', password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const hubs = await (await request.get('/api/hubs?limit=100', { headers })).json();
  const created = await request.post('/api/users', {
    headers,
    data: { email, displayName: 'Marta Quiroa', role: 'staff', password, hubIds: [hubs.items[0].id] },
  });
  expect(created.status(), await created.text()).toBe(201);
}

test('an admin-set password is replaced at the first sign-in; the account menu leads to the same page, in English too', async ({ page, request }) => {
  const app = new AppPage(page);
  const email = `marta.${Date.now().toString(36)}@example.org`;
  await adminCreatesStaff(request, email, 'Puesta-por-admin-1');

  // Straight to the change-password page, and nowhere else until it is done.
  await app.signIn(email, 'Puesta-por-admin-1', undefined, /\/account\/password$/);
  await expect(page.getByRole('heading', { name: 'Cambiar contraseña' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Un administrador estableció tu contraseña' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cancelar' })).toHaveCount(0);
  // No navigation offers pages the user cannot open yet.
  await expect(page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link')).toHaveCount(0);
  await page.goto('/visits');
  await expect(page).toHaveURL(/\/account\/password$/);
  await app.screenshot('es-change-password-forced');

  // A wrong current password, then a common new one: each said under its field; the user stays.
  await app.changePassword('No-es-la-clave-1', 'Marta-eligio-2026');
  await expect(page.getByText('No es tu contraseña actual.')).toBeVisible();
  await app.changePassword('Puesta-por-admin-1', 'password123');
  await expect(page.getByText('Esta contraseña es demasiado común y fácil de adivinar. Elige otra.')).toBeVisible();
  await expect(page).toHaveURL(/\/account\/password$/);
  await app.screenshot('es-change-password-errors');

  await app.changePassword('Puesta-por-admin-1', 'Marta-eligio-2026');
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByText('Contraseña cambiada. Se cerró tu sesión en los demás dispositivos.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hola, Marta' })).toBeVisible();
  await expect(app.navLink('Atenciones')).toBeVisible();

  // Later, from the account menu; in English.
  await page.getByRole('button', { name: /Marta Quiroa/ }).click();
  await page.getByRole('menuitem', { name: 'Cambiar contraseña' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole('status').filter({ hasText: 'Un administrador' })).toHaveCount(0);
  await app.switchLanguage('Idioma', 'English');
  await expect(page.getByRole('heading', { name: 'Change password' })).toBeVisible();
  await expect(page.getByLabel('Current password')).toBeVisible();
  await expect(page.getByLabel('Repeat the new password')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cancel' })).toBeVisible();
  await app.screenshot('en-change-password');

  // The new password is the one that signs in now.
  const again = await request.post('/api/auth/login', { data: { email, password: 'Marta-eligio-2026' } });
  expect(again.status()).toBe(200);
  expect((await again.json()).user.mustChangePassword).toBeUndefined();
});
