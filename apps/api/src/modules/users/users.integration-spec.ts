// User accounts as an admin manages them: create with a role and its hubs or countries, versioned
// updates, deactivation and password resets that end sessions, and list filters. Scope per role is in
// modules/scope.integration-spec.ts.
import { randomBytes } from 'node:crypto';
import type { ApiError, Hub, User } from '@mih/contracts';
import { createTestApp, TEST_PASSWORD, TestApp } from '../../testing/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('users', () => {
  let t: TestApp;
  let hubA: Hub;
  let hubB: Hub;
  let adminId: string;

  const email = (tag = 'user') => `${tag}-${randomBytes(4).toString('hex')}@users.example`;
  const create = (body: Record<string, unknown>) => t.request<User & Partial<ApiError>>('POST', '/api/users', { token: t.adminToken, body });
  const patch = (id: string, body: Record<string, unknown>) => t.request<User & Partial<ApiError>>('PATCH', `/api/users/${id}`, { token: t.adminToken, body });
  const get = (id: string) => t.request<User>('GET', `/api/users/${id}`, { token: t.adminToken });
  const login = (address: string, password = TEST_PASSWORD) => t.request('POST', '/api/auth/login', { body: { email: address, password } });
  const me = (token: string) => t.request('GET', '/api/auth/me', { token });
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const staffBody = (overrides: Record<string, unknown> = {}) => ({
    email: email(),
    displayName: 'Staff Member',
    role: 'staff',
    password: TEST_PASSWORD,
    hubIds: [hubA.id],
    ...overrides,
  });
  async function createOk(overrides: Record<string, unknown> = {}): Promise<User> {
    const response = await create(staffBody(overrides));
    expect(response.status).toBe(201);
    return response.body;
  }
  async function signIn(address: string): Promise<{ accessToken: string; refreshToken: string }> {
    const response = await login(address);
    expect(response.status).toBe(200);
    return { accessToken: response.body.accessToken, refreshToken: response.cookies.find((c) => c.name === 'mih_refresh')!.value };
  }

  beforeAll(async () => {
    t = await createTestApp();
    [hubA, hubB] = [await t.newHub(), await t.newHub()];
    adminId = (await me(t.adminToken)).body.id;
  });
  afterAll(() => t?.close());

  describe('POST /api/users', () => {
    it('creates a staff member with hubIds: 201, the full user, no password or hash in the answer', async () => {
      const body = staffBody({ email: `  Nueva.Persona-${randomBytes(2).toString('hex')}@Users.Example `, displayName: 'Nueva Persona' });
      const response = await create(body);
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        email: (body.email as string).trim().toLowerCase(),
        displayName: 'Nueva Persona',
        role: 'staff',
        language: 'es',
        active: true,
        hubIds: [hubA.id],
        countryCodes: [],
        secondFactor: false,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const text = JSON.stringify(response.body);
      expect(text).not.toContain(TEST_PASSWORD);
      expect(text).not.toMatch(/password|\$argon2/i);
      expect((await get(response.body.id)).body).toEqual(response.body);
      // The stored password is a hash, and it works for sign-in.
      const [row] = await t.sql('SELECT password_hash FROM users WHERE id = $1', [response.body.id]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect((await login(response.body.email)).status).toBe(200);
    });

    it('answers 409 naming email for an email that exists in another case', async () => {
      const existing = await createOk();
      const response = await create(staffBody({ email: existing.email.toUpperCase() }));
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('conflict');
      expect(fields(response.body)).toEqual(['email']);
    });

    it('answers 400 naming password when it is shorter than 10 characters', async () => {
      const response = await create(staffBody({ password: 'Short-123' }));
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['password']);
    });

    it.each([
      ['without hubIds', { hubIds: undefined }],
      ['with hubIds []', { hubIds: [] }],
    ])('answers 400 naming hubIds for a staff member %s', async (_, overrides) => {
      const response = await create(staffBody(overrides));
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['hubIds']);
    });

    it.each(['staff', 'counselor'])('answers 400 naming countryCodes for a %s assigned a country', async (role) => {
      const response = await create(staffBody({ role, countryCodes: ['GT'] }));
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['countryCodes']);
    });

    it('creates a supervisor by country', async () => {
      const response = await create({ email: email('sup'), displayName: 'Supervisora', role: 'supervisor', password: TEST_PASSWORD, countryCodes: ['gt', 'HN'] });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ role: 'supervisor', countryCodes: ['GT', 'HN'], hubIds: [] });
    });

    it('answers 400 naming hubIds for a supervisor with neither hubs nor countries', async () => {
      const response = await create({ email: email('sup'), displayName: 'Supervisor', role: 'supervisor', password: TEST_PASSWORD });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['hubIds']);
    });

    it('creates an admin without hubs or countries, whatever was sent', async () => {
      const response = await create({ email: email('adm'), displayName: 'Admin 2', role: 'admin', password: TEST_PASSWORD, hubIds: [hubA.id] });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ role: 'admin', hubIds: [], countryCodes: [] });
    });

    it.each([
      ['hubIds', { hubIds: ['00000000-0000-4000-8000-000000000000'] }],
      ['hubIds', { hubIds: ['not-a-uuid'] }],
      ['hubIds', { hubIds: 'x' }],
      ['countryCodes', { role: 'supervisor', countryCodes: ['ZZ'] }],
      ['email', { email: 'not-an-email' }],
      ['email', { email: undefined }],
      ['displayName', { displayName: '' }],
      ['role', { role: 'root' }],
      ['language', { language: 'de' }],
      ['password', { password: undefined }],
      ['passwordHash', { passwordHash: 'x' }],
    ])('answers 400 naming %s for %j', async (field, overrides) => {
      const body = staffBody(overrides);
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
      if (typeof body.email === 'string') expect(await t.sql('SELECT 1 FROM users WHERE email = $1', [body.email])).toEqual([]);
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('changes role and hubs with the version read, and ends the sessions of a user whose role changed', async () => {
      const user = await createOk();
      const { accessToken } = await signIn(user.email);
      const response = await patch(user.id, { version: 1, role: 'counselor', hubIds: [hubB.id] });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: user.id, role: 'counselor', hubIds: [hubB.id], version: 2 });
      expect((await get(user.id)).body).toEqual(response.body);
      expect((await me(accessToken)).status).toBe(401);
      expect((await signIn(user.email)).accessToken).toBeTruthy();

      const [event] = await t.sql("SELECT details FROM audit_events WHERE action = 'update' AND entity_type = 'user' AND entity_id = $1", [user.id]);
      expect(event.details.changes).toEqual({ role: { from: 'staff', to: 'counselor' }, hubIds: { from: [hubA.id], to: [hubB.id] } });
    });

    it('drops the countries of a supervisor who becomes staff, without the client having to clear them', async () => {
      const supervisor = (await create(staffBody({ role: 'supervisor', hubIds: [], countryCodes: ['GT'] }))).body;
      const response = await patch(supervisor.id, { version: 1, role: 'staff', hubIds: [hubA.id] });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ role: 'staff', hubIds: [hubA.id], countryCodes: [] });
    });

    it('applies a hub change to the next request of a signed-in user', async () => {
      const user = await createOk();
      await t.passwordChosen(user.id); // an admin-set password would answer 403 password_change_required first
      const { accessToken } = await signIn(user.email);
      expect((await t.request('GET', `/api/hubs/${hubB.id}`, { token: accessToken })).status).toBe(404);
      expect((await patch(user.id, { version: 1, hubIds: [hubA.id, hubB.id] })).status).toBe(200);
      expect((await t.request('GET', `/api/hubs/${hubB.id}`, { token: accessToken })).status).toBe(200);
    });

    it('answers 409 stale_version for an old version and changes nothing', async () => {
      const user = await createOk({ displayName: 'Primero' });
      expect((await patch(user.id, { version: 1, displayName: 'Segundo' })).status).toBe(200);
      const stale = await patch(user.id, { version: 1, displayName: 'Tercero' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await get(user.id)).body).toMatchObject({ displayName: 'Segundo', version: 2 });
    });

    it.each([
      ['version', { displayName: 'x' }],
      ['role', { version: 1, role: 'root' }],
      ['hubIds', { version: 1, hubIds: [] }],
      ['countryCodes', { version: 1, countryCodes: ['GT'] }],
      ['email', { version: 1, email: 'new@users.example' }],
      ['password', { version: 1, password: 'Another-password-1' }],
    ])('answers 400 naming %s for %j', async (field, body) => {
      const user = await createOk();
      const response = await patch(user.id, body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('deactivates a user: their access token answers 401 and sign-in fails; reactivating lets them in again', async () => {
      const user = await createOk();
      const session = await signIn(user.email);
      const off = await patch(user.id, { version: 1, active: false });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ active: false, version: 2 });
      expect((await me(session.accessToken)).status).toBe(401);
      expect((await t.request('POST', '/api/auth/refresh', { cookies: { mih_refresh: session.refreshToken } })).status).toBe(401);
      expect((await login(user.email)).status).toBe(401);

      const on = await patch(user.id, { version: 2, active: true });
      expect(on.status).toBe(200);
      expect(on.body.active).toBe(true);
      expect((await login(user.email)).status).toBe(200);
    });

    it('refuses to let an admin deactivate themselves or drop their own admin role (409)', async () => {
      const self = (await get(adminId)).body;
      for (const change of [{ active: false }, { role: 'staff', hubIds: [hubA.id] }]) {
        const response = await patch(adminId, { version: self.version, ...change });
        expect({ change, status: response.status, code: response.body.code }).toEqual({ change, status: 409, code: 'conflict' });
      }
      expect((await get(adminId)).body).toMatchObject({ active: true, role: 'admin', version: self.version });
      expect((await me(t.adminToken)).status).toBe(200);
    });

    it('answers 404 for an unknown user', async () => {
      expect((await patch('00000000-0000-4000-8000-000000000000', { version: 1, displayName: 'x' })).status).toBe(404);
    });
  });

  describe('POST /api/users/:id/reset-password', () => {
    it('answers 204; the old password fails, the new one works and existing sessions end', async () => {
      const user = await createOk();
      const session = await signIn(user.email);
      const newPassword = 'Brand-new-password-9';
      const response = await t.request('POST', `/api/users/${user.id}/reset-password`, { token: t.adminToken, body: { password: newPassword } });
      expect(response.status).toBe(204);
      expect((await login(user.email, TEST_PASSWORD)).status).toBe(401);
      expect((await login(user.email, newPassword)).status).toBe(200);
      expect((await me(session.accessToken)).status).toBe(401);
      expect((await t.request('POST', '/api/auth/refresh', { cookies: { mih_refresh: session.refreshToken } })).status).toBe(401);
      const events = await t.sql("SELECT details FROM audit_events WHERE action = 'password_reset' AND entity_id = $1", [user.id]);
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events)).not.toContain(newPassword);
    });

    it('answers 400 naming password for a short one, and keeps the old password', async () => {
      const user = await createOk();
      const response = await t.request('POST', `/api/users/${user.id}/reset-password`, { token: t.adminToken, body: { password: 'short' } });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['password']);
      expect((await login(user.email)).status).toBe(200);
    });
  });

  describe('GET /api/users', () => {
    let hubF: Hub;
    let zoe: User;
    let counselor: User;
    let retired: User;
    let supervisor: User;
    beforeAll(async () => {
      hubF = await t.newHub();
      zoe = await createOk({ displayName: 'Zoë Ramírez', hubIds: [hubF.id] });
      counselor = await createOk({ displayName: 'Consejero F', role: 'counselor', hubIds: [hubF.id] });
      retired = await createOk({ displayName: 'Jubilada F', hubIds: [hubF.id, hubA.id] });
      expect((await patch(retired.id, { version: 1, active: false })).status).toBe(200);
      supervisor = await createOk({ displayName: 'Supervisor F', role: 'supervisor', hubIds: [hubF.id] });
    });
    const listIds = async (query: string) => {
      const response = await t.request<{ items: User[]; nextCursor: string | null }>('GET', `/api/users?${query}`, { token: t.adminToken });
      expect(response.status).toBe(200);
      return response.body.items.map((u) => u.id).sort();
    };
    const sorted = (...users: User[]) => users.map((u) => u.id).sort();

    it.each([
      ['hubId', () => `hubId=${hubF.id}`, () => [zoe, counselor, retired, supervisor]],
      ['hubId and role', () => `hubId=${hubF.id}&role=counselor`, () => [counselor]],
      ['hubId and role supervisor', () => `hubId=${hubF.id}&role=supervisor`, () => [supervisor]],
      ['hubId and active=false', () => `hubId=${hubF.id}&active=false`, () => [retired]],
      ['hubId and active=true', () => `hubId=${hubF.id}&active=true`, () => [zoe, counselor, supervisor]],
      ['q, accents ignored', () => 'q=zoe ramirez', () => [zoe]],
      ['q on the email', () => `q=${zoe.email.split('@')[0]}`, () => [zoe]],
    ])('filters by %s', async (_, query, expected) => {
      expect(await listIds(query())).toEqual(sorted(...expected()));
    });

    it('filters by role and active alone', async () => {
      const counselors = await t.request<{ items: User[] }>('GET', '/api/users?role=counselor&limit=200', { token: t.adminToken });
      expect(counselors.body.items.length).toBeGreaterThan(0);
      expect(counselors.body.items.every((u) => u.role === 'counselor')).toBe(true);
      const inactive = await t.request<{ items: User[] }>('GET', '/api/users?active=false&limit=200', { token: t.adminToken });
      expect(inactive.body.items.map((u) => u.id)).toContain(retired.id);
      expect(inactive.body.items.every((u) => u.active === false)).toBe(true);
    });

    it('never lists passwords or hashes', async () => {
      const response = await t.request('GET', '/api/users?limit=200', { token: t.adminToken });
      expect(JSON.stringify(response.body)).not.toMatch(/password|\$argon2/i);
    });

    it.each(['active=yes', 'role=root', 'hubId=abc', 'limit=0'])('answers 400 for %s', async (query) => {
      expect((await t.request('GET', `/api/users?${query}`, { token: t.adminToken })).status).toBe(400);
    });
  });
});
