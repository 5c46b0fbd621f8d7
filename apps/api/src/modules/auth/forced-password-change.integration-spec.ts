// A password an admin set (a new account, a reset) is known to someone else: the user must choose their
// own at the next sign-in, and until then the API answers nothing but the calls needed to do so.
import { randomBytes } from 'node:crypto';
import type { Hub, User } from '@mih/contracts';
import { createTestApp, TEST_PASSWORD, TestApp, TestResponse } from '../../testing/test-app';

const REFRESH = 'mih_refresh';
const OWN_PASSWORD = 'Mi-propia-clave-2027';

describe('forced password change after an admin sets one', () => {
  let t: TestApp;
  let hub: Hub;

  const login = (email: string, password = TEST_PASSWORD) => t.request('POST', '/api/auth/login', { body: { email, password } });
  const refreshCookie = (response: TestResponse) => (response.cookies as { name: string; value: string }[]).find((c) => c.name === REFRESH)!.value;

  /** An account as an admin creates it, with the password the admin typed. */
  async function adminCreated(): Promise<User> {
    const response = await t.request<User>('POST', '/api/users', {
      token: t.adminToken,
      body: { email: `forced-${randomBytes(4).toString('hex')}@forced.example`, displayName: 'Forced Change', role: 'staff', password: TEST_PASSWORD, hubIds: [hub.id] },
    });
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub();
  });
  afterAll(() => t?.close());

  it('marks the sign-in and refresh answers of an account an admin created with mustChangePassword: true', async () => {
    const user = await adminCreated();
    const signedIn = await login(user.email);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ id: user.id, mustChangePassword: true });
    const refreshed = await t.request('POST', '/api/auth/refresh', { cookies: { [REFRESH]: refreshCookie(signedIn) } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.mustChangePassword).toBe(true);
    expect((await t.request('GET', '/api/auth/me', { token: signedIn.body.accessToken })).body.mustChangePassword).toBe(true);
  });

  it('refuses every other authenticated call with 403 password_change_required, and allows me, language, refresh, change-password and logout', async () => {
    const user = await adminCreated();
    const signedIn = await login(user.email);
    const token = signedIn.body.accessToken;
    for (const [method, url] of [
      ['GET', '/api/hubs'],
      ['GET', `/api/hubs/${hub.id}`],
      ['GET', '/api/visits'],
      ['GET', '/api/persons'],
      ['GET', '/api/notifications'],
      ['GET', `/api/users/${user.id}`],
      ['POST', '/api/visits'],
    ] as const) {
      const response = await t.request(method, url, { token, ...(method === 'POST' ? { body: {} } : {}) });
      expect({ method, url, status: response.status, code: response.body?.code }).toEqual({ method, url, status: 403, code: 'password_change_required' });
    }
    expect((await t.request('GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await t.request('PATCH', '/api/auth/me', { token, body: { language: 'en' } })).status).toBe(200);
    const refreshed = await t.request('POST', '/api/auth/refresh', { cookies: { [REFRESH]: refreshCookie(signedIn) } });
    expect(refreshed.status).toBe(200);

    expect((await t.request('POST', '/api/auth/change-password', { token, body: { currentPassword: TEST_PASSWORD, newPassword: OWN_PASSWORD } })).status).toBe(204);
    // The same session goes on, now unrestricted.
    expect((await t.request('GET', '/api/hubs', { token })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token })).body.mustChangePassword).toBeUndefined();
    const again = await login(user.email, OWN_PASSWORD);
    expect(again.body.user.mustChangePassword).toBeUndefined();
    expect((await t.request('POST', '/api/auth/logout', { cookies: { [REFRESH]: refreshCookie(again) } })).status).toBe(204);
  });

  it('forces a change again after an admin resets the password', async () => {
    const user = await adminCreated();
    const first = await login(user.email);
    await t.request('POST', '/api/auth/change-password', { token: first.body.accessToken, body: { currentPassword: TEST_PASSWORD, newPassword: OWN_PASSWORD } });
    expect((await login(user.email, OWN_PASSWORD)).body.user.mustChangePassword).toBeUndefined();

    const reset = await t.request('POST', `/api/users/${user.id}/reset-password`, { token: t.adminToken, body: { password: 'Admin-typed-it-42' } });
    expect(reset.status).toBe(204);
    const afterReset = await login(user.email, 'Admin-typed-it-42');
    expect(afterReset.body.user.mustChangePassword).toBe(true);
    expect((await t.request('GET', '/api/hubs', { token: afterReset.body.accessToken })).status).toBe(403);
  });

  it('does not force the admin created from the command line, nor the admin who set the password', async () => {
    const admin = await login('admin@test.example');
    expect(admin.body.user.mustChangePassword).toBeUndefined();
    expect((await t.request('GET', '/api/hubs', { token: admin.body.accessToken })).status).toBe(200);
  });

  it('stores the flag in the database, false unless an admin set the password', async () => {
    const user = await adminCreated();
    const [row] = await t.sql<{ must_change_password: boolean }>('SELECT must_change_password FROM users WHERE id = $1', [user.id]);
    expect(row.must_change_password).toBe(true);
    const [admin] = await t.sql<{ must_change_password: boolean }>("SELECT must_change_password FROM users WHERE email = 'admin@test.example'");
    expect(admin.must_change_password).toBe(false);
  });
});
