// The TOTP second factor (issue 14, gap 6): required for admins and supervisors here
// (MFA_REQUIRED_ROLES), optional for staff; sign-in in two steps; codes good once; recovery codes
// single-use; an admin's reset audited and followed by a new enrolment.
import { generate } from 'otplib';
import type { Hub } from '@mih/contracts';
import { createTestApp, TEST_PASSWORD, TestApp, TestResponse } from '../../../testing/test-app';

const REFRESH = 'mih_refresh';
const ADMIN = 'admin@test.example';
/** A code of the time step `offsetSteps` from now (the server accepts one step either way). */
const codeAt = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
const fieldsOf = (response: Pick<TestResponse, 'body'>) => (response.body.errors ?? []).map((e: { field: string }) => e.field);

describe('second factor (TOTP)', () => {
  let t: TestApp;
  let hub: Hub;
  let adminSecret: string;
  let adminRecoveryCodes: string[];

  /** Over Fastify's inject, from a given client address (the lockout counts per source). */
  const post = async (url: string, payload: Record<string, unknown>, remoteAddress = '127.0.0.1') => {
    const response = await t.app.inject({ method: 'POST', url, remoteAddress, payload });
    return { status: response.statusCode, body: response.json(), cookies: response.cookies };
  };
  const login = (email: string, password = TEST_PASSWORD, remoteAddress?: string) => post('/api/auth/login', { email, password }, remoteAddress);
  const secondStep = (body: Record<string, unknown>, remoteAddress?: string) => post('/api/auth/login/second-factor', body, remoteAddress);
  const audit = (action: string, entityId: string) =>
    t.sql<{ actor_id: string | null; details: Record<string, unknown> }>('SELECT actor_id, details FROM audit_events WHERE action = $1 AND entity_id = $2 ORDER BY occurred_at', [action, entityId]);

  /** Sets up a second factor with the session's token; returns the secret and the recovery codes. */
  async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const started = await t.request('POST', '/api/auth/second-factor/enrol', { token });
    expect(started.status).toBe(200);
    const confirmed = await t.request('POST', '/api/auth/second-factor/confirm', { token, body: { code: await codeAt(started.body.secret) } });
    expect(confirmed.status).toBe(200);
    return { secret: started.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'admin,supervisor' });
  });
  afterAll(() => t?.close());

  it('makes an admin without one set it up before anything else, and shows the recovery codes once', async () => {
    const signedIn = await login(ADMIN);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.mustEnrolSecondFactor).toBe(true);
    const token = t.adminToken;
    const refused = await t.request('GET', '/api/hubs', { token });
    expect([refused.status, refused.body.code]).toEqual([403, 'second_factor_enrolment_required']);
    expect((await t.request('GET', '/api/auth/me', { token })).body.mustEnrolSecondFactor).toBe(true);
    expect((await t.request('GET', '/api/auth/second-factor', { token })).body).toEqual({ enrolled: false, required: true, recoveryCodesLeft: 0 });

    const started = await t.request('POST', '/api/auth/second-factor/enrol', { token });
    expect(started.status).toBe(200);
    const secret: string = started.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(started.body.otpauthUri).toBe(`otpauth://totp/MIH:${encodeURIComponent(ADMIN)}?secret=${secret}&issuer=MIH`);

    const malformed = await t.request('POST', '/api/auth/second-factor/confirm', { token, body: { code: '12 345' } });
    expect([malformed.status, fieldsOf(malformed)]).toEqual([400, ['code']]);
    const wrong = await t.request('POST', '/api/auth/second-factor/confirm', { token, body: { code: (await codeAt(secret)) === '000000' ? '111111' : '000000' } });
    expect([wrong.status, fieldsOf(wrong)]).toEqual([400, ['code']]);

    const confirmed = await t.request('POST', '/api/auth/second-factor/confirm', { token, body: { code: await codeAt(secret) } });
    expect(confirmed.status).toBe(200);
    adminSecret = secret;
    adminRecoveryCodes = confirmed.body.recoveryCodes;
    expect(new Set(adminRecoveryCodes).size).toBe(10);
    for (const code of adminRecoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);

    // The same session goes on, unrestricted; nothing answers the secret or the codes again.
    expect((await t.request('GET', '/api/hubs', { token })).status).toBe(200);
    expect((await t.request('POST', '/api/auth/second-factor/enrol', { token })).status).toBe(409);
    expect((await t.request('GET', '/api/auth/second-factor', { token })).body).toEqual({ enrolled: true, required: true, recoveryCodesLeft: 10 });
    const [stored] = await t.sql<Record<string, string>>("SELECT second_factor_secret FROM users WHERE email = $1", [ADMIN]);
    expect(stored.second_factor_secret).not.toContain(secret);
    const hashes = await t.sql<{ code_hash: string }>('SELECT code_hash FROM user_recovery_codes');
    expect(hashes.map((h) => h.code_hash).some((h) => adminRecoveryCodes.some((c) => h.includes(c.replace('-', ''))))).toBe(false);
    const me = await t.request('GET', '/api/auth/me', { token });
    expect(JSON.stringify(me.body)).not.toContain(secret);
    expect(me.body.mustEnrolSecondFactor).toBeUndefined();
    expect(await audit('mfa_enrolled', me.body.id)).toEqual([{ actor_id: me.body.id, details: { recoveryCodes: 10 } }]);
    hub = await t.newHub();
  });

  it('signs in with a challenge, then a code that cannot be used twice', async () => {
    const first = await login(ADMIN);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ secondFactor: 'totp', challengeToken: expect.any(String), expiresIn: 300 });
    expect(first.cookies).toEqual([]); // no session yet
    expect((await t.request('GET', '/api/hubs', { token: first.body.challengeToken })).status).toBe(401);

    // The step after the one the enrolment used: always later than it, and within the tolerance.
    const code = await codeAt(adminSecret, 1);
    const second = await secondStep({ challengeToken: first.body.challengeToken, code });
    expect(second.status).toBe(200);
    expect(second.body.user.email).toBe(ADMIN);
    expect(second.cookies.map((c) => c.name)).toContain(REFRESH);
    expect((await t.request('GET', '/api/hubs', { token: second.body.accessToken })).status).toBe(200);

    const again = await login(ADMIN);
    const replayed = await secondStep({ challengeToken: again.body.challengeToken, code });
    expect([replayed.status, replayed.body.code]).toEqual([401, 'unauthorized']);
    const earlier = await secondStep({ challengeToken: again.body.challengeToken, code: await codeAt(adminSecret, -1) });
    expect(earlier.status).toBe(401);
    const reasons = (await audit('login_failed', second.body.user.id)).map((row) => row.details['reason']);
    expect(reasons).toEqual(['replayed_code', 'replayed_code']);
    // An access token is no challenge.
    expect((await secondStep({ challengeToken: second.body.accessToken, code: await codeAt(adminSecret) })).status).toBe(401);
  });

  it('answers 400 naming the field for malformed second steps', async () => {
    const { body } = await login(ADMIN);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ challengeToken: body.challengeToken }, ['code']],
      [{ challengeToken: body.challengeToken, code: '12ab56' }, ['code']],
      [{ challengeToken: body.challengeToken, code: 123456 }, ['code']],
      [{ challengeToken: body.challengeToken, recoveryCode: 'xyz' }, ['recoveryCode']],
      [{ challengeToken: body.challengeToken, code: '123456', recoveryCode: 'abcde-fghij' }, ['recoveryCode']],
      [{ code: '123456' }, ['challengeToken']],
      [{ challengeToken: body.challengeToken, code: '123456', extra: 1 }, ['extra']],
    ];
    for (const [request, fields] of cases) {
      const response = await secondStep(request);
      expect({ request, status: response.status, fields: fieldsOf(response) }).toEqual({ request, status: 400, fields });
    }
  });

  it('signs in with a recovery code, once', async () => {
    const [code] = adminRecoveryCodes;
    const first = await login(ADMIN);
    const used = await secondStep({ challengeToken: first.body.challengeToken, recoveryCode: code.toUpperCase().replace('-', '') });
    expect(used.status).toBe(200);
    const again = await login(ADMIN);
    expect((await secondStep({ challengeToken: again.body.challengeToken, recoveryCode: code })).status).toBe(401);
    expect(await audit('mfa_recovery_used', used.body.user.id)).toEqual([{ actor_id: used.body.user.id, details: { left: 9 } }]);
    expect((await t.request('GET', '/api/auth/second-factor', { token: used.body.accessToken })).body.recoveryCodesLeft).toBe(9);
  });

  it('leaves it optional for staff, who may turn it on and off with a code; an admin may not turn theirs off', async () => {
    const { user, token } = await t.newUser('staff', { hubIds: [hub.id] });
    expect((await t.request('GET', '/api/hubs', { token })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/second-factor', { token })).body).toEqual({ enrolled: false, required: false, recoveryCodesLeft: 0 });
    const { secret } = await enrol(token);
    expect((await login(user.email)).body.challengeToken).toEqual(expect.any(String));

    const malformed = await t.request('POST', '/api/auth/second-factor/disable', { token, body: {} });
    expect([malformed.status, fieldsOf(malformed)]).toEqual([400, ['code']]);
    expect((await t.request('POST', '/api/auth/second-factor/disable', { token, body: { code: await codeAt(secret) } })).status).toBe(204);
    expect(await audit('mfa_disabled', user.id)).toHaveLength(1);
    expect((await login(user.email)).body.accessToken).toEqual(expect.any(String));

    const adminOff = await t.request('POST', '/api/auth/second-factor/disable', { token: t.adminToken, body: { code: await codeAt(adminSecret) } });
    expect(adminOff.status).toBe(403);
  });

  it('counts wrong codes towards the sign-in lockout', async () => {
    const { user, token } = await t.newUser('staff', { hubIds: [hub.id] });
    const { secret } = await enrol(token);
    const source = '10.9.0.1';
    const { body } = await login(user.email, TEST_PASSWORD, source);
    const wrong = (await codeAt(secret, 1)) === '000000' ? '111111' : '000000';
    for (let i = 0; i < 6; i++) expect((await secondStep({ challengeToken: body.challengeToken, code: wrong }, source)).status).toBe(401);
    // The audit says which failure locked it: the sixth, not every one.
    expect((await audit('login_failed', user.id)).map((row) => row.details['locked'])).toEqual([false, false, false, false, false, true]);
    // Locked from there: the right code and the right password alike.
    expect((await secondStep({ challengeToken: body.challengeToken, code: await codeAt(secret, 1) }, source)).status).toBe(429);
    expect((await login(user.email, TEST_PASSWORD, source)).status).toBe(429);
  });

  it('lets an admin reset a second factor: audited, the sign-ins end, and the user sets one up again', async () => {
    const { user, token } = await t.newUser('supervisor', { hubIds: [hub.id] });
    expect((await t.request('GET', '/api/hubs', { token })).body.code).toBe('second_factor_enrolment_required');
    await enrol(token);
    expect((await t.request('GET', `/api/users/${user.id}`, { token: t.adminToken })).body.secondFactor).toBe(true);
    const staff = await t.newUser('staff', { hubIds: [hub.id] });
    expect((await t.request('POST', `/api/users/${user.id}/reset-second-factor`, { token: staff.token })).status).toBe(403);

    expect((await t.request('POST', `/api/users/${user.id}/reset-second-factor`, { token: t.adminToken })).status).toBe(204);
    const [admin] = await t.sql<{ id: string }>('SELECT id FROM users WHERE email = $1', [ADMIN]);
    expect(await audit('mfa_reset', user.id)).toEqual([{ actor_id: admin.id, details: { hadSecondFactor: true } }]);
    expect((await t.request('GET', '/api/hubs', { token })).status).toBe(401);
    expect((await t.request('GET', `/api/users/${user.id}`, { token: t.adminToken })).body.secondFactor).toBe(false);
    const again = await login(user.email);
    expect(again.body.user.mustEnrolSecondFactor).toBe(true);
    expect((await t.sql('SELECT 1 FROM user_recovery_codes WHERE user_id = $1', [user.id])).length).toBe(0);
  });
});
