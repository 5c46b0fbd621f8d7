// The counselor roster: admins manage every counselor, supervisors those of their hubs (and only assign
// hubs of their scope); staff and counselors may list the counselors of their hubs. Deactivating a
// counselor ends their sessions.
import { randomUUID } from 'node:crypto';
import type { ApiError, Counselor, Hub, Page, User } from '@mih/contracts';
import { createTestApp, TEST_PASSWORD, TestApp } from '../../testing/test-app';

describe('counselors', () => {
  let t: TestApp;
  let gt: Hub;
  let gt2: Hub;
  let cr: Hub;
  let supervisorToken: string;
  let staffToken: string;
  let counselorToken: string;
  let counselorUser: User;

  type Answer = Counselor & Partial<ApiError>;
  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  let counter = 0;
  const valid = (hubIds: string[]) => ({
    email: `Counselor.${++counter}.${randomUUID().slice(0, 6)}@Example.org`,
    displayName: `Consejera ${counter}`,
    password: TEST_PASSWORD,
    hubIds,
    community: 'Barrio El Progreso',
    languages: ['Español', ' Mam '],
    trainedOn: '2024-09-14',
  });
  const create = (body: Record<string, unknown>, token = t.adminToken) => t.request<Answer>('POST', '/api/counselors', { token, body });
  const patch = (id: string, body: Record<string, unknown>, token = t.adminToken) => t.request<Answer>('PATCH', `/api/counselors/${id}`, { token, body });
  const list = (query: string, token = t.adminToken) => t.request<Page<Counselor>>('GET', `/api/counselors?${query}`, { token });
  const createOk = async (hubIds: string[], token = t.adminToken, overrides: Record<string, unknown> = {}) => {
    const response = await create({ ...valid(hubIds), ...overrides }, token);
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    gt = await t.newHub({ countryCode: 'GT' });
    gt2 = await t.newHub({ countryCode: 'GT' });
    cr = await t.newHub({ countryCode: 'CR' });
    ({ token: supervisorToken } = await t.newUser('supervisor', { countryCodes: ['GT'] }));
    ({ token: staffToken } = await t.newUser('staff', { hubIds: [gt.id] }));
    ({ user: counselorUser, token: counselorToken } = await t.newUser('counselor', { hubIds: [gt.id] }));
  });
  afterAll(() => t?.close());

  it('creates a counselor account with its profile; the counselor can sign in', async () => {
    const body = valid([gt.id]);
    const response = await create(body);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      email: body.email.toLowerCase(),
      displayName: body.displayName,
      active: true,
      hubIds: [gt.id],
      community: 'Barrio El Progreso',
      languages: ['Español', 'Mam'],
      trainedOn: '2024-09-14',
      version: 1,
      createdAt: expect.any(String),
    });
    const login = await t.login(body.email);
    // The supervisor typed the password: the counselor chooses their own first.
    expect(login.user).toMatchObject({ role: 'counselor', hubIds: [gt.id], mustChangePassword: true });
    const user = (await t.request<User>('GET', `/api/users/${response.body.id}`, { token: t.adminToken })).body;
    expect(user.role).toBe('counselor');
  });

  it('lets a supervisor create counselors in the hubs of their scope only', async () => {
    expect((await create(valid([gt2.id]), supervisorToken)).status).toBe(201);
    const outside = await create(valid([gt.id, cr.id]), supervisorToken);
    expect(outside.status).toBe(404);
    expect(outside.body.message).toBe('Hub not found');
  });

  it('answers 403 to staff and counselors who try to create or change one', async () => {
    const someone = await createOk([gt.id]);
    for (const token of [staffToken, counselorToken]) {
      expect((await create(valid([gt.id]), token)).status).toBe(403);
      expect((await patch(someone.id, { version: 1, community: 'x' }, token)).status).toBe(403);
    }
  });

  it.each([
    ['email', 'not-an-email'],
    ['password', 'short'],
    ['hubIds', []],
    ['hubIds', ['GT']],
    ['languages', 'Mam'],
    ['languages', ['Mam', 'Mam']],
    ['languages', Array.from({ length: 11 }, (_, i) => `L${i}`)],
    ['languages', ['']],
    ['trainedOn', '2999-01-01'],
    ['community', 'x'.repeat(121)],
    ['role', 'admin'],
    ['countryCodes', ['GT']],
  ])('answers 400 naming %s for %j', async (field, value) => {
    const response = await create({ ...valid([gt.id]), [field]: value });
    expect(response.status).toBe(400);
    expect(fields(response.body)).toEqual([field]);
  });

  it('answers 409 naming email for an email already in use', async () => {
    const body = valid([gt.id]);
    await createOk([gt.id], t.adminToken, { email: body.email });
    const again = await create(body);
    expect(again.status).toBe(409);
    expect(fields(again.body)).toEqual(['email']);
  });

  describe('lists', () => {
    let inGt2: Counselor;
    let inCr: Counselor;
    let listHub: Hub;

    beforeAll(async () => {
      listHub = await t.newHub({ countryCode: 'GT' });
      inGt2 = await createOk([gt2.id, listHub.id], t.adminToken, { community: 'Aldea San José' });
      inCr = await createOk([cr.id], t.adminToken, { community: 'Upala centro' });
    });

    it('lists the counselors of the caller scope by name: supervisors their countries, staff and counselors their hubs', async () => {
      const idsFor = async (token: string, query = 'limit=200') => (await list(query, token)).body.items.map((c) => c.id);
      expect(await idsFor(t.adminToken)).toEqual(expect.arrayContaining([inGt2.id, inCr.id, counselorUser.id]));
      expect(await idsFor(supervisorToken)).toEqual(expect.arrayContaining([inGt2.id, counselorUser.id]));
      expect(await idsFor(supervisorToken)).not.toContain(inCr.id);
      expect(await idsFor(staffToken)).toContain(counselorUser.id);
      expect(await idsFor(staffToken)).not.toContain(inGt2.id);
      expect(await idsFor(counselorToken)).not.toContain(inCr.id);
      const names = (await list('limit=200')).body.items.map((c) => c.displayName);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'es')));
    });

    it('filters by hub, community (accents ignored) and active; answers 404 outside the scope or for a user who is not a counselor', async () => {
      expect((await list(`hubId=${listHub.id}`)).body.items.map((c) => c.id)).toEqual([inGt2.id]);
      expect((await list('q=san jose')).body.items.map((c) => c.id)).toEqual([inGt2.id]);
      expect((await list('active=false')).body.items).toEqual([]);
      expect((await t.request('GET', `/api/counselors/${inCr.id}`, { token: supervisorToken })).status).toBe(404);
      const { user: staff } = await t.newUser('staff', { hubIds: [gt.id] });
      expect((await t.request('GET', `/api/counselors/${staff.id}`, { token: t.adminToken })).status).toBe(404);
    });
  });

  describe('PATCH /api/counselors/:id', () => {
    it('changes the profile with the version read; stale versions answer 409', async () => {
      const counselor = await createOk([gt.id]);
      const response = await patch(counselor.id, { version: 1, community: 'Colonia Nueva', languages: ["K'iche'"], trainedOn: null, displayName: 'Rosa Tzul' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ community: 'Colonia Nueva', languages: ["K'iche'"], trainedOn: null, displayName: 'Rosa Tzul', version: 2 });
      const stale = await patch(counselor.id, { version: 1, community: 'Otra' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      const audit = await t.sql("SELECT details FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1", [counselor.id]);
      expect(audit[0].details.changes).toMatchObject({ community: { from: 'Barrio El Progreso', to: 'Colonia Nueva' } });
    });

    it('deactivates a counselor: their sessions end and they can no longer sign in', async () => {
      const body = valid([gt.id]);
      const counselor = await createOk([gt.id], supervisorToken, body);
      const { accessToken } = await t.login(body.email);
      expect((await patch(counselor.id, { version: 1, active: false }, supervisorToken)).body).toMatchObject({ active: false, version: 2 });
      expect((await t.request('GET', '/api/activities', { token: accessToken })).status).toBe(401);
      const login = await t.request('POST', '/api/auth/login', { body: { email: body.email, password: body.password } });
      expect(login.status).toBe(401);
    });

    it("keeps a counselor's hubs outside a supervisor's scope when the supervisor changes the hubs", async () => {
      const counselor = await createOk([gt.id, cr.id]);
      const response = await patch(counselor.id, { version: 1, hubIds: [gt2.id] }, supervisorToken);
      expect(response.status).toBe(200);
      expect([...response.body.hubIds].sort()).toEqual([gt2.id, cr.id].sort());
      expect((await patch(counselor.id, { version: 2, hubIds: [cr.id] }, supervisorToken)).status).toBe(404);
    });

    it.each([
      ['version', { community: 'x' }],
      ['hubIds', { version: 1, hubIds: [] }],
      ['active', { version: 1, active: 'no' }],
      ['email', { version: 1, email: 'new@example.org' }],
      ['role', { version: 1, role: 'staff' }],
    ])('answers 400 naming %s for %j', async (field, body) => {
      const counselor = await createOk([gt.id]);
      const response = await patch(counselor.id, body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });
  });
});
