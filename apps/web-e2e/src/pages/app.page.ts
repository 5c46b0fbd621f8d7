// Page objects: what a user sees and does, named in the user's words; specs read as the flow.
import { type APIRequestContext, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo-2026!';

/**
 * Gives demo accounts their Spanish back through the API. The language is kept on the account, and the
 * specs after one that switched it expect the demo users in Spanish, whether it passed or failed.
 */
export async function restoreSpanish(request: APIRequestContext, emails: readonly string[]): Promise<void> {
  for (const email of emails) {
    const login = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const changed = await request.patch('/api/auth/me', { data: { language: 'es' }, headers: { authorization: `Bearer ${accessToken}` } });
    if (!changed.ok()) throw new Error(`could not give ${email} their Spanish back: ${changed.status()}`);
  }
}
export type UiLanguage = 'Español' | 'English' | 'Français' | 'Kreyòl ayisyen';
const SCREENSHOTS = `${__dirname}/../../../../.test-results/screenshots`;

export class AppPage {
  constructor(readonly page: Page) {}

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  }

  /** Signs in and waits for the first page: home, or the change-password page when an admin set the password. */
  async signIn(
    email: string,
    password = DEMO_PASSWORD,
    labels = { email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión' },
    landing: RegExp = /\/home$/,
  ) {
    await this.page.goto('/login');
    await this.page.getByLabel(labels.email).fill(email);
    await this.page.getByLabel(labels.password).fill(password);
    await this.page.getByRole('button', { name: labels.submit }).click();
    await expect(this.page).toHaveURL(landing);
  }

  /** Email and password, then the second step (the page stays on /login until the code is right). */
  async signInToSecondStep(
    email: string,
    password = DEMO_PASSWORD,
    labels = { email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión', heading: 'Verificación en dos pasos' },
  ) {
    await this.page.goto('/login');
    await this.page.getByLabel(labels.email).fill(email);
    await this.page.getByLabel(labels.password).fill(password);
    await this.page.getByRole('button', { name: labels.submit }).click();
    await expect(this.page.getByRole('heading', { name: labels.heading })).toBeVisible();
  }

  /** On the sign-in's second step: a code from the app, or a recovery code after switching to it. */
  async enterSignInCode(code: string, labels = { code: 'Código de verificación', submit: 'Verificar' }) {
    await this.page.getByLabel(labels.code).fill(code);
    await this.page.getByRole('button', { name: labels.submit }).click();
  }

  /** On the change-password page (Spanish labels unless given). */
  async changePassword(
    current: string,
    next: string,
    labels = { current: 'Contraseña actual', next: 'Nueva contraseña', repeat: 'Repite la nueva contraseña', submit: 'Cambiar contraseña' },
  ) {
    await this.page.getByLabel(labels.current).fill(current);
    await this.page.getByLabel(labels.next, { exact: true }).fill(next);
    await this.page.getByLabel(labels.repeat).fill(next);
    await this.page.getByRole('button', { name: labels.submit }).click();
  }

  /** On the sign-in page: the four languages are buttons side by side. */
  async chooseSignInLanguage(target: UiLanguage) {
    await this.page.getByRole('group', { name: /Idioma|Language|Langue/ }).getByRole('button', { name: target }).click();
  }

  /** Chooses another language in the toolbar's menu, and waits until the account has kept it. */
  async switchLanguage(current: string, target: UiLanguage) {
    const saved = this.page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/auth/me');
    await this.page.getByRole('button', { name: new RegExp(current) }).click();
    await this.page.getByRole('menuitemradio', { name: target }).click();
    expect((await saved).ok()).toBe(true);
  }

  async signOut(accountLabel: RegExp, signOutLabel: string) {
    await this.page.getByRole('button', { name: accountLabel }).click();
    await this.page.getByRole('menuitem', { name: signOutLabel }).click();
    await expect(this.page).toHaveURL(/\/login/);
  }

  navLink(name: string) {
    return this.page.getByRole('navigation').getByRole('link', { name });
  }

  async chooseOption(selectLabel: string, option: string | RegExp) {
    await this.page.getByRole('combobox', { name: selectLabel }).click();
    await this.page.getByRole('option', { name: option }).click();
  }
}
