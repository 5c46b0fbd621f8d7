// Sign-in, refresh-token rotation, sign-out, lockout and the caller's own profile, over HTTP.
import { createHash } from 'node:crypto';
import type { Hub, User } from '@mih/contracts';
import { createTestApp, TEST_PASSWORD, TestApp, TestResponse } from '../../testing/test-app';

interface Cookie {
  name: string;
  value: string;
  path?: string;
  httpOnly?: boolean;
  sameSite?: string;
  secure?: boolean;
  maxAge?: number;
  expires?: Date;
}

const REFRESH = 'mih_refresh';
const refreshCookie = (response: TestResponse): Cookie | undefined =>
  (response.cookies as Cookie[]).find((cookie) => cookie.name === REFRESH);
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('auth', () => {
  let t: TestApp;
  let hub: Hub;
  let staff: User;
  let locked: User;
  let inactive: User;
  let polyglot: User;
  let audited: User;

  const login = (email: string, password: string) => t.request('POST', '/api/auth/login', { body: { email, password } });
  const refresh = (token?: string) => t.request('POST', '/api/auth/refresh', token === undefined ? {} : { cookies: { [REFRESH]: token } });
  const me = (token: string) => t.request('GET', '/api/auth/me', { token });

  /** A fresh sign-in: its access token and refresh cookie value. */
  async function signIn(email: string): Promise<{ accessToken: string; refreshToken: string }> {
    const response = await login(email, TEST_PASSWORD);
    expect(response.status).toBe(200);
    return { accessToken: response.body.accessToken, refreshToken: refreshCookie(response)!.value };
  }

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub();
    [staff, locked, inactive, polyglot, audited] = await Promise.all(
      ['staff', 'staff', 'staff', 'counselor', 'staff'].map(async (role) => {
        const response = await t.request<User>('POST', '/api/users', {
          token: t.adminToken,
          body: { email: `${role}-${Math.random().toString(36).slice(2, 10)}@auth.example`, displayName: `Auth ${role}`, role, password: TEST_PASSWORD, hubIds: [hub.id] },
        });
        expect(response.status).toBe(201);
        await t.passwordChosen(response.body.id);
        return response.body;
      }),
    );
    const deactivated = await t.request('PATCH', `/api/users/${inactive.id}`, { token: t.adminToken, body: { version: inactive.version, active: false } });
    expect(deactivated.status).toBe(200);
  });
  afterAll(() => t?.close());

  describe('POST /api/auth/login', () => {
    it('accepts the email with surrounding spaces and in another case, as users type it', async () => {
      const response = await login(`  ${staff.email.toUpperCase()} `, TEST_PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body.user.id).toBe(staff.id);
    });

    it('answers 200 with accessToken, expiresIn and the user, and sets the refresh token in an httpOnly SameSite=Strict cookie on /api/auth', async () => {
      const response = await login(staff.email, TEST_PASSWORD);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        expiresIn: 600,
        user: {
          id: staff.id,
          email: staff.email,
          displayName: staff.displayName,
          role: 'staff',
          language: 'es',
          hubIds: [hub.id],
          countryCodes: [],
        },
      });
      const cookie = refreshCookie(response);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
      expect(cookie!.value.length).toBeGreaterThanOrEqual(32);
      expect(cookie!.value).not.toBe(response.body.accessToken);
      const header = String(response.headers['set-cookie']);
      expect(header).toMatch(/HttpOnly/i);
      expect(header).toMatch(/SameSite=Strict/i);
      expect(header).toMatch(/Path=\/api\/auth(;|$)/);
      // The access token works.
      expect((await me(response.body.accessToken)).status).toBe(200);
    });

    it('matches the email case-insensitively', async () => {
      expect((await login(staff.email.toUpperCase(), TEST_PASSWORD)).status).toBe(200);
    });

    it('takes about as long for an unknown email as for a wrong password (both run argon2)', async () => {
      const time = async (email: string) => {
        const started = process.hrtime.bigint();
        for (let i = 0; i < 3; i++) expect((await login(email, `wrong-${i}-password`)).status).toBe(401);
        return Number(process.hrtime.bigint() - started);
      };
      try {
        await time(staff.email); // warm-up
        const wrongPassword = await time(staff.email);
        const unknownEmail = await time(`nobody-${Date.now()}@nowhere.example`);
        // Without the dummy hash an unknown email answers ~20x faster; allow wide noise on a busy machine.
        expect(unknownEmail / wrongPassword).toBeGreaterThan(0.4);
        expect(unknownEmail / wrongPassword).toBeLessThan(2.5);
      } finally {
        await t.sql('DELETE FROM login_throttles'); // six failures just locked the account
      }
    });

    it('answers a wrong password and an unknown email with the same 401 body and no cookie', async () => {
      const wrongPassword = await login(staff.email, 'Not-the-password-1');
      const unknownEmail = await login('nobody-here@auth.example', 'Not-the-password-1');
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(wrongPassword.body).toEqual({ statusCode: 401, code: 'unauthorized', message: expect.any(String) });
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(refreshCookie(wrongPassword)).toBeUndefined();
      expect(refreshCookie(unknownEmail)).toBeUndefined();
    });

    it.each([
      ['email missing', { password: TEST_PASSWORD }, 'email'],
      ['email blank', { email: '', password: TEST_PASSWORD }, 'email'],
      ['email a number', { email: 42, password: TEST_PASSWORD }, 'email'],
      ['email an array', { email: ['a@b.example'], password: TEST_PASSWORD }, 'email'],
      ['password missing', { email: 'a@b.example' }, 'password'],
      ['password blank', { email: 'a@b.example', password: '' }, 'password'],
      ['password a number', { email: 'a@b.example', password: 1234567890 }, 'password'],
      ['password null', { email: 'a@b.example', password: null }, 'password'],
      ['an unknown field', { email: 'a@b.example', password: TEST_PASSWORD, remember: true }, 'remember'],
    ])('answers 400 naming the field, not 401, when %s', async (_, body, field) => {
      const response = await t.request('POST', '/api/auth/login', { body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 400 when the body is not a JSON object', async () => {
      for (const rawBody of ['[]', '"admin"', '{"email":']) {
        const response = await t.request('POST', '/api/auth/login', { rawBody });
        expect({ rawBody, status: response.status }).toEqual({ rawBody, status: 400 });
      }
    });

    it('refuses an inactive user with 401, the same answer as a wrong password', async () => {
      const response = await login(inactive.email, TEST_PASSWORD);
      expect(response.status).toBe(401);
      expect(response.body).toEqual((await login('nobody-else@auth.example', TEST_PASSWORD)).body);
    });

    it('locks an email after 6 failed sign-ins: the 7th attempt answers 429 account_locked even with the right password', async () => {
      for (let attempt = 1; attempt <= 6; attempt++) {
        const response = await login(locked.email, `Wrong-password-${attempt}`);
        expect({ attempt, status: response.status }).toEqual({ attempt, status: 401 });
      }
      const seventh = await login(locked.email, TEST_PASSWORD);
      expect(seventh.status).toBe(429);
      expect(seventh.body).toEqual({ statusCode: 429, code: 'account_locked', message: expect.any(String) });
      expect(refreshCookie(seventh)).toBeUndefined();
      // The lock is per (normalised) email, not per spelling, and does not touch other accounts.
      expect((await login(locked.email.toUpperCase(), TEST_PASSWORD)).status).toBe(429);
      expect((await login(staff.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('locks an email with no account the same way, so a lockout reveals nothing', async () => {
      const ghost = 'ghost-account@auth.example';
      for (let attempt = 1; attempt <= 6; attempt++) {
        expect((await login(ghost, `Wrong-password-${attempt}`)).status).toBe(401);
      }
      const seventh = await login(ghost, TEST_PASSWORD);
      expect(seventh.status).toBe(429);
      const real = await login(locked.email, TEST_PASSWORD);
      expect(real.status).toBe(429);
      expect(seventh.body).toEqual(real.body);
    });
  });

  describe('POST /api/auth/refresh', () => {
    it('rotates the refresh token: a new cookie and a working access token', async () => {
      const session = await signIn(staff.email);
      const rotated = await refresh(session.refreshToken);
      expect(rotated.status).toBe(200);
      expect(rotated.body).toEqual({ accessToken: expect.any(String), expiresIn: 600, user: expect.objectContaining({ id: staff.id }) });
      const cookie = refreshCookie(rotated);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
      expect(cookie!.value).not.toBe(session.refreshToken);
      expect((await me(rotated.body.accessToken)).status).toBe(200);
      // The rotated token rotates again.
      const again = await refresh(cookie!.value);
      expect(again.status).toBe(200);
      expect(refreshCookie(again)!.value).not.toBe(cookie!.value);
    });

    it('treats a used refresh token presented again as theft: 401, and the whole family is revoked', async () => {
      const session = await signIn(staff.email);
      const rotated = await refresh(session.refreshToken);
      expect(rotated.status).toBe(200);
      const newest = refreshCookie(rotated)!.value;

      const reuse = await refresh(session.refreshToken);
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('unauthorized');

      expect((await refresh(newest)).status).toBe(401);
      expect((await me(rotated.body.accessToken)).status).toBe(401);
      expect((await me(session.accessToken)).status).toBe(401);
      const [event] = await t.sql('SELECT actor_id FROM audit_events WHERE action = $1 AND actor_id = $2', ['token_reuse', staff.id]);
      expect(event).toBeDefined();
    });

    it('does not touch other sessions of the same user when one family is revoked', async () => {
      const other = await signIn(staff.email);
      const victim = await signIn(staff.email);
      await refresh(victim.refreshToken);
      expect((await refresh(victim.refreshToken)).status).toBe(401);
      expect((await me(other.accessToken)).status).toBe(200);
      expect((await refresh(other.refreshToken)).status).toBe(200);
    });

    it('answers 401 without a cookie or with an unknown one', async () => {
      expect((await refresh()).status).toBe(401);
      expect((await refresh('not-a-token-we-issued')).status).toBe(401);
    });

    it('answers 401 once the session has been idle past its expiry', async () => {
      const session = await signIn(staff.email);
      const updated = await t.sql("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1 RETURNING id", [
        sha256(session.refreshToken),
      ]);
      expect(updated).toHaveLength(1);
      expect((await refresh(session.refreshToken)).status).toBe(401);
    });
  });

  describe('absolute session lifetime (SESSION_MAX_HOURS, 12 by default)', () => {
    /** Moves the start of the sign-in that issued this refresh token back in time. */
    const ageSession = (refreshToken: string, interval: string) =>
      t.sql(
        `UPDATE refresh_tokens SET session_started_at = session_started_at - $2::interval
          WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) RETURNING id`,
        [sha256(refreshToken), interval],
      );

    it('keeps the start of the sign-in through every refresh instead of extending it', async () => {
      const session = await signIn(staff.email);
      const rotated = await refresh(session.refreshToken);
      expect(rotated.status).toBe(200);
      const rows = await t.sql<{ started: Date; first: Date }>(
        `SELECT session_started_at AS started, min(created_at) OVER () AS first FROM refresh_tokens
          WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
        [sha256(session.refreshToken)],
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row.started.getTime()).toBe(rows[0].first.getTime());
    });

    it('still refreshes a sign-in just under 12 hours old, and ends it once it is older, whatever the refreshes', async () => {
      const session = await signIn(staff.email);
      const rotated = await refresh(session.refreshToken);
      expect(rotated.status).toBe(200);
      expect(await ageSession(refreshCookie(rotated)!.value, '11 hours 58 minutes')).toHaveLength(2);
      const late = await refresh(refreshCookie(rotated)!.value);
      expect(late.status).toBe(200);
      expect((await me(late.body.accessToken)).status).toBe(200);

      await ageSession(refreshCookie(late)!.value, '3 minutes');
      const over = await refresh(refreshCookie(late)!.value);
      expect(over.status).toBe(401);
      expect(over.body.code).toBe('unauthorized');
      // The access token of that sign-in stops working too, not only its refresh.
      expect((await me(late.body.accessToken)).status).toBe(401);
    });

    it('leaves the same user\'s newer sign-ins alone', async () => {
      const old = await signIn(staff.email);
      const fresh = await signIn(staff.email);
      await ageSession(old.refreshToken, '13 hours');
      expect((await refresh(old.refreshToken)).status).toBe(401);
      expect((await refresh(fresh.refreshToken)).status).toBe(200);
    });

    it('never gives a refresh token a life beyond the end of its sign-in', async () => {
      const session = await signIn(staff.email);
      await ageSession(session.refreshToken, '11 hours 50 minutes');
      const rotated = await refresh(session.refreshToken);
      expect(rotated.status).toBe(200);
      const [row] = await t.sql<{ left: number }>(
        `SELECT extract(epoch FROM expires_at - now()) AS left FROM refresh_tokens WHERE token_hash = $1`,
        [sha256(refreshCookie(rotated)!.value)],
      );
      expect(Number(row.left)).toBeLessThanOrEqual(10 * 60 + 5); // not the full idle hour
    });
  });

  describe('POST /api/auth/logout', () => {
    it('answers 204; afterwards the access token and the refresh token answer 401', async () => {
      const session = await signIn(staff.email);
      expect((await me(session.accessToken)).status).toBe(200);
      const response = await t.request('POST', '/api/auth/logout', { cookies: { [REFRESH]: session.refreshToken } });
      expect(response.status).toBe(204);
      // The cookie is cleared.
      const cleared = refreshCookie(response);
      expect(cleared).toBeDefined();
      expect(cleared!.value).toBe('');
      expect((await me(session.accessToken)).status).toBe(401);
      expect((await refresh(session.refreshToken)).status).toBe(401);
    });

    it('answers 204 without a cookie', async () => {
      expect((await t.request('POST', '/api/auth/logout')).status).toBe(204);
    });
  });

  describe('/api/auth/me', () => {
    it('GET answers the signed-in user without secrets', async () => {
      const { accessToken } = await signIn(staff.email);
      const response = await me(accessToken);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: staff.id,
        email: staff.email,
        displayName: staff.displayName,
        role: 'staff',
        language: 'es',
        hubIds: [hub.id],
        countryCodes: [],
      });
    });

    it('PATCH {language: "fr"} persists: me, the next sign-in and the reference-list labels are French', async () => {
      const { accessToken } = await signIn(polyglot.email);
      const before = await t.request('GET', '/api/reference-lists', { token: accessToken });
      expect(before.body.sexes.find((s: { code: string }) => s.code === 'female').label).toBe('Mujer');

      const response = await t.request('PATCH', '/api/auth/me', { token: accessToken, body: { language: 'fr' } });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: polyglot.id, language: 'fr', role: 'counselor' });
      expect((await me(accessToken)).body.language).toBe('fr');
      const lists = await t.request('GET', '/api/reference-lists', { token: accessToken });
      expect(lists.body.sexes.find((s: { code: string }) => s.code === 'female').label).toBe('Femme');
      expect((await login(polyglot.email, TEST_PASSWORD)).body.user.language).toBe('fr');
    });

    it.each([
      ['an unsupported language', { language: 'de' }, 'language'],
      ['a null language', { language: null }, 'language'],
      ['a role (not self-service)', { role: 'admin' }, 'role'],
      ['an email', { email: 'new@auth.example' }, 'email'],
    ])('PATCH with %s answers 400 and changes nothing', async (_, body, field) => {
      const { accessToken } = await signIn(staff.email);
      const response = await t.request('PATCH', '/api/auth/me', { token: accessToken, body });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect((await me(accessToken)).body).toMatchObject({ role: 'staff', language: 'es', email: staff.email });
    });

    it('requires a token', async () => {
      expect((await t.request('PATCH', '/api/auth/me', { body: { language: 'en' } })).status).toBe(401);
    });
  });

  describe('audit trail', () => {
    it('records login, login_failed and logout without any password or token in it', async () => {
      const wrongPassword = 'Wrong-secret-8472';
      expect((await login(audited.email, wrongPassword)).status).toBe(401);
      const first = await login(audited.email, TEST_PASSWORD);
      const rotated = await refresh(refreshCookie(first)!.value);
      expect(rotated.status).toBe(200);
      const secrets = [TEST_PASSWORD, wrongPassword, first.body.accessToken, refreshCookie(first)!.value, rotated.body.accessToken, refreshCookie(rotated)!.value];
      expect((await t.request('POST', '/api/auth/logout', { cookies: { [REFRESH]: refreshCookie(rotated)!.value } })).status).toBe(204);

      const rows = await t.sql<{ action: string; actor_id: string | null; entity_id: string | null; details: unknown }>(
        'SELECT action, actor_id, entity_id, details FROM audit_events WHERE actor_id = $1 OR entity_id = $1 ORDER BY id',
        [audited.id],
      );
      const actions = rows.map((r) => r.action);
      expect(actions).toEqual(expect.arrayContaining(['login_failed', 'login', 'logout']));
      expect(rows.find((r) => r.action === 'login_failed')).toMatchObject({ actor_id: null, entity_id: audited.id, details: { reason: 'wrong_password' } });
      expect(rows.find((r) => r.action === 'login')).toMatchObject({ actor_id: audited.id, entity_id: audited.id });
      expect(rows.find((r) => r.action === 'logout')).toMatchObject({ actor_id: audited.id });

      // Nothing secret anywhere in the trail (every row, not only this user's).
      const all = JSON.stringify(await t.sql('SELECT * FROM audit_events'));
      for (const secret of secrets) expect(all).not.toContain(secret);
      expect(all).not.toContain(sha256(refreshCookie(first)!.value));
    });
  });
});
