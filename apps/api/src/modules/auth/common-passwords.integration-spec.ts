// A password someone chooses (an admin creating a user or resetting one, a user changing their own) is
// checked against a list of common passwords shipped with the app (no network call): 400 naming the field.
import { randomBytes } from 'node:crypto';
import type { Hub } from '@mih/contracts';
import { createTestApp, TEST_PASSWORD, TestApp } from '../../testing/test-app';

// On the list as typed, or once lower-cased ('Password123' is 'password123' with a capital).
const COMMON = ['password123', 'qwertyuiop', '1234567890', 'iloveyou12', 'Password123', 'QWERTYUIOP'];

describe('common passwords are refused', () => {
  let t: TestApp;
  let hub: Hub;

  const expectRefused = (response: { status: number; body: any }, field: string, password: string) => {
    expect({ password, status: response.status }).toEqual({ password, status: 400 });
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors).toEqual([{ field, constraints: ['notCommonPassword'], message: expect.stringMatching(/common/) }]);
    expect(JSON.stringify(response.body)).not.toContain(password);
  };

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub();
  });
  afterAll(() => t?.close());

  it.each(COMMON)('POST /api/users refuses %s, naming password', async (password) => {
    const email = `common-${randomBytes(4).toString('hex')}@common.example`;
    const response = await t.request('POST', '/api/users', {
      token: t.adminToken,
      body: { email, displayName: 'Common', role: 'staff', password, hubIds: [hub.id] },
    });
    expectRefused(response, 'password', password);
    expect(await t.sql('SELECT 1 FROM users WHERE email = $1', [email])).toEqual([]);
  });

  it('reset-password refuses a common one, naming password, and keeps the old password', async () => {
    const { user } = await t.newUser('staff', { hubIds: [hub.id] });
    const response = await t.request('POST', `/api/users/${user.id}/reset-password`, { token: t.adminToken, body: { password: 'qwertyuiop' } });
    expectRefused(response, 'password', 'qwertyuiop');
    await t.login(user.email);
  });

  it('change-password refuses a common one, naming newPassword, and keeps the old password', async () => {
    const { user, token } = await t.newUser('staff', { hubIds: [hub.id] });
    const response = await t.request('POST', '/api/auth/change-password', { token, body: { currentPassword: TEST_PASSWORD, newPassword: 'Password123' } });
    expectRefused(response, 'newPassword', 'Password123');
    await t.login(user.email);
  });

  it('accepts the demo password and the ones the tests and browser tests use', async () => {
    for (const password of ['Demo-2026!', 'Lucia-2026!', TEST_PASSWORD, 'Verde-llanura-2027', 'Mi-propia-clave-2027', 'Volume-2026!']) {
      const response = await t.request('POST', '/api/users', {
        token: t.adminToken,
        body: { email: `fine-${randomBytes(4).toString('hex')}@common.example`, displayName: 'Fine', role: 'staff', password, hubIds: [hub.id] },
      });
      expect({ password, status: response.status }).toEqual({ password, status: 201 });
    }
  });
});
