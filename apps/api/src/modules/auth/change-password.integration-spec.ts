// A signed-in user changes their own password: the current one is checked (a wrong one is a form error,
// 400, not 401, which would sign the client out), the user's other sign-ins end, this one goes on.
import type { Hub, User } from '@mih/contracts';
import { createTestApp, TEST_PASSWORD, TestApp, TestResponse } from '../../testing/test-app';

const REFRESH = 'mih_refresh';
const NEW_PASSWORD = 'Verde-llanura-2027';

describe('POST /api/auth/change-password', () => {
  let t: TestApp;
  let hub: Hub;

  const refreshCookie = (response: TestResponse) => (response.cookies as { name: string; value: string }[]).find((c) => c.name === REFRESH)!.value;
  const me = (token: string) => t.request('GET', '/api/auth/me', { token });
  const refresh = (cookie: string) => t.request('POST', '/api/auth/refresh', { cookies: { [REFRESH]: cookie } });
  const change = (token: string, body: unknown) => t.request('POST', '/api/auth/change-password', { token, body });

  async function signIn(email: string, password = TEST_PASSWORD): Promise<{ accessToken: string; refreshToken: string }> {
    const response = await t.request('POST', '/api/auth/login', { body: { email, password } });
    expect(response.status).toBe(200);
    return { accessToken: response.body.accessToken, refreshToken: refreshCookie(response) };
  }

  async function newStaff(): Promise<User> {
    return (await t.newUser('staff', { hubIds: [hub.id] })).user;
  }

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub();
  });
  afterAll(() => t?.close());

  it('answers 204; the new password signs in, the old one no longer does', async () => {
    const user = await newStaff();
    const session = await signIn(user.email);
    const response = await change(session.accessToken, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.status).toBe(204);
    expect((await t.request('POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } })).status).toBe(401);
    await signIn(user.email, NEW_PASSWORD);
  });

  it('keeps the session it was made from and ends every other sign-in of the user, not other users\'', async () => {
    const user = await newStaff();
    const bystander = await newStaff();
    const here = await signIn(user.email);
    const elsewhere = await signIn(user.email);
    const theirs = await signIn(bystander.email);

    expect((await change(here.accessToken, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);

    expect((await me(here.accessToken)).status).toBe(200);
    expect((await refresh(here.refreshToken)).status).toBe(200);
    expect((await me(elsewhere.accessToken)).status).toBe(401);
    expect((await refresh(elsewhere.refreshToken)).status).toBe(401);
    expect((await me(theirs.accessToken)).status).toBe(200);
    expect((await refresh(theirs.refreshToken)).status).toBe(200);
  });

  it('answers a wrong current password with 400 naming currentPassword (not 401), and changes nothing', async () => {
    const user = await newStaff();
    const here = await signIn(user.email);
    const elsewhere = await signIn(user.email);
    const response = await change(here.accessToken, { currentPassword: 'Not-my-password-9', newPassword: NEW_PASSWORD });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed' });
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expect(JSON.stringify(response.body)).not.toContain('Not-my-password-9');
    expect(JSON.stringify(response.body)).not.toContain(NEW_PASSWORD);
    expect((await me(here.accessToken)).status).toBe(200);
    expect((await me(elsewhere.accessToken)).status).toBe(200);
    await signIn(user.email); // the old password still works
  });

  it('locks after as many wrong current passwords as failed sign-ins would (429), so a borrowed session cannot guess it', async () => {
    const user = await newStaff();
    const here = await signIn(user.email);
    for (let attempt = 1; attempt <= 6; attempt++) {
      const response = await change(here.accessToken, { currentPassword: `Wrong-guess-${attempt}-x`, newPassword: NEW_PASSWORD });
      expect({ attempt, status: response.status }).toEqual({ attempt, status: 400 });
    }
    const seventh = await change(here.accessToken, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(seventh.status).toBe(429);
    expect(seventh.body.code).toBe('account_locked');
    await t.sql('DELETE FROM login_throttles');
  });

  it.each([
    ['currentPassword missing', { newPassword: NEW_PASSWORD }, 'currentPassword'],
    ['currentPassword blank', { currentPassword: '', newPassword: NEW_PASSWORD }, 'currentPassword'],
    ['currentPassword a number', { currentPassword: 12345678901, newPassword: NEW_PASSWORD }, 'currentPassword'],
    ['newPassword missing', { currentPassword: TEST_PASSWORD }, 'newPassword'],
    ['newPassword null', { currentPassword: TEST_PASSWORD, newPassword: null }, 'newPassword'],
    ['newPassword too short', { currentPassword: TEST_PASSWORD, newPassword: 'Short-1' }, 'newPassword'],
    ['newPassword too long', { currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(201) }, 'newPassword'],
    ['newPassword an array', { currentPassword: TEST_PASSWORD, newPassword: [NEW_PASSWORD] }, 'newPassword'],
    ['newPassword the same as the current one', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, 'newPassword'],
    ['an unknown field', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, userId: 'someone' }, 'userId'],
  ])('answers 400 naming the field when %s, and keeps the password', async (_, body, field) => {
    const user = await newStaff();
    const here = await signIn(user.email);
    const response = await change(here.accessToken, body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    await signIn(user.email);
  });

  it('answers 400 for a body that is not a JSON object', async () => {
    const user = await newStaff();
    const here = await signIn(user.email);
    for (const rawBody of ['[]', '"x"', '{"currentPassword":']) {
      const response = await t.request('POST', '/api/auth/change-password', { token: here.accessToken, rawBody });
      expect({ rawBody, status: response.status }).toEqual({ rawBody, status: 400 });
    }
  });

  it('requires a signed-in user', async () => {
    expect((await t.request('POST', '/api/auth/change-password', { body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } })).status).toBe(401);
  });

  it('is audited as password_change, with the sessions it ended, and no password anywhere in the trail', async () => {
    const user = await newStaff();
    const here = await signIn(user.email);
    await signIn(user.email); // with newUser's own sign-in, two others
    const wrong = 'Wrong-current-4821';
    expect((await change(here.accessToken, { currentPassword: wrong, newPassword: NEW_PASSWORD })).status).toBe(400);
    expect((await change(here.accessToken, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    const rows = await t.sql<{ action: string; actor_id: string; entity_id: string; details: Record<string, unknown> }>(
      `SELECT action, actor_id, entity_id, details FROM audit_events WHERE entity_id = $1 AND action IN ('password_change', 'password_refused') ORDER BY id`,
      [user.id],
    );
    expect(rows).toEqual([
      { action: 'password_refused', actor_id: user.id, entity_id: user.id, details: { reason: 'wrong_password' } },
      { action: 'password_change', actor_id: user.id, entity_id: user.id, details: { otherSessionsEnded: 2 } },
    ]);
    const all = JSON.stringify(await t.sql('SELECT * FROM audit_events'));
    for (const secret of [NEW_PASSWORD, wrong]) expect(all).not.toContain(secret);
  });
});
