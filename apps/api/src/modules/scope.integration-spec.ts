// THE SCOPE MATRIX: who sees and may change which hubs, users and audit events (SPEC §3).
// A record outside the caller's scope answers 404 (its existence stays hidden); a forbidden action on a
// record in scope answers 403; no list ever includes a row outside the scope.
//
//   hubs:   A (GT), B (GT), C (CR)
//   users:  admin; supervisor of country GT; staffA at A; staffC at C; counselorA at A
import type { Hub, User } from '@mih/contracts';
import { createTestApp, TEST_PASSWORD, TestApp } from '../testing/test-app';

type Who = 'admin' | 'supervisor' | 'staffA' | 'staffC' | 'counselorA';
type HubName = 'A' | 'B' | 'C';
const NON_ADMINS: Who[] = ['supervisor', 'staffA', 'staffC', 'counselorA'];
const EVERYONE: Who[] = ['admin', ...NON_ADMINS];

/** Hubs each caller sees. */
const HUBS_IN_SCOPE: Record<Who, HubName[]> = {
  admin: ['A', 'B', 'C'],
  supervisor: ['A', 'B'],
  staffA: ['A'],
  staffC: ['C'],
  counselorA: ['A'],
};

/** Users each caller sees: themselves and the users working in a hub of their scope. */
const USERS_IN_SCOPE: Record<Who, Who[]> = {
  admin: EVERYONE,
  supervisor: ['supervisor', 'staffA', 'counselorA'],
  staffA: ['staffA', 'counselorA'],
  staffC: ['staffC'],
  counselorA: ['counselorA', 'staffA'],
};

const HUB_NAMES: HubName[] = ['A', 'B', 'C'];
/** Every (caller, target) pair with the status it must answer. */
const matrix = <T extends string>(callers: Who[], targets: T[], status: (who: Who, target: T) => number): [Who, T, number][] =>
  callers.flatMap((who) => targets.map((target): [Who, T, number] => [who, target, status(who, target)]));
const inHubScope = (who: Who, hub: HubName) => HUBS_IN_SCOPE[who].includes(hub);
const inUserScope = (who: Who, target: Who) => USERS_IN_SCOPE[who].includes(target);

describe('scope matrix', () => {
  let t: TestApp;
  const hubs = {} as Record<HubName, Hub>;
  const users = {} as Record<Who, User>;
  const tokens = {} as Record<Who, string>;

  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
  const hubIds = (names: HubName[]) => names.map((n) => hubs[n].id).sort();
  const userIds = (whos: Who[]) => whos.map((w) => users[w].id).sort();
  const as = (who: Who) => ({ token: tokens[who] });

  beforeAll(async () => {
    t = await createTestApp();
    hubs.A = await t.newHub({ name: 'Hub A', countryCode: 'GT' });
    hubs.B = await t.newHub({ name: 'Hub B', countryCode: 'GT' });
    hubs.C = await t.newHub({ name: 'Hub C', countryCode: 'CR' });
    const [supervisor, staffA, staffC, counselorA] = await Promise.all([
      t.newUser('supervisor', { countryCodes: ['GT'] }),
      t.newUser('staff', { hubIds: [hubs.A.id] }),
      t.newUser('staff', { hubIds: [hubs.C.id] }),
      t.newUser('counselor', { hubIds: [hubs.A.id] }),
    ]);
    Object.assign(users, { supervisor: supervisor.user, staffA: staffA.user, staffC: staffC.user, counselorA: counselorA.user });
    Object.assign(tokens, { admin: t.adminToken, supervisor: supervisor.token, staffA: staffA.token, staffC: staffC.token, counselorA: counselorA.token });
    const adminId = (await t.request('GET', '/api/auth/me', { token: t.adminToken })).body.id;
    users.admin = (await t.request<User>('GET', `/api/users/${adminId}`, { token: t.adminToken })).body;
  });
  afterAll(() => t?.close());

  describe('hubs', () => {
    it.each(EVERYONE)('GET /api/hubs as %s lists exactly the hubs in scope', async (who) => {
      const response = await t.request('GET', '/api/hubs', as(who));
      expect(response.status).toBe(200);
      expect(ids(response.body.items)).toEqual(hubIds(HUBS_IN_SCOPE[who]));
    });

    it.each(NON_ADMINS)('GET /api/hubs as %s never widens the scope through filters', async (who) => {
      for (const query of ['countryCode=GT', 'countryCode=CR', 'q=hub', 'status=active', 'limit=1']) {
        const response = await t.request('GET', `/api/hubs?${query}`, as(who));
        const allowed = hubIds(HUBS_IN_SCOPE[who]);
        for (const id of ids(response.body.items)) expect({ query, id, allowed: allowed.includes(id) }).toEqual({ query, id, allowed: true });
      }
    });

    // 200 in scope, 404 outside.
    it.each(matrix(EVERYONE, HUB_NAMES, (who, hub) => (inHubScope(who, hub) ? 200 : 404)))('GET /api/hubs/:id as %s for hub %s → %i', async (who, hub, expected) => {
      const response = await t.request('GET', `/api/hubs/${hubs[hub].id}`, as(who));
      expect(response.status).toBe(expected);
      if (expected === 200) expect(response.body.id).toBe(hubs[hub].id);
      else expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Hub not found' });
    });

    // Admin 200; anyone else 403 in scope, 404 outside.
    const patchHubMatrix = matrix(EVERYONE, HUB_NAMES, (who, hub) => (who === 'admin' ? 200 : inHubScope(who, hub) ? 403 : 404));
    it.each(patchHubMatrix)('PATCH /api/hubs/:id as %s for hub %s → %i', async (who, hub, expected) => {
      const before = (await t.request<Hub>('GET', `/api/hubs/${hubs[hub].id}`, as('admin'))).body;
      const response = await t.request('PATCH', `/api/hubs/${hubs[hub].id}`, { ...as(who), body: { version: before.version, phone: `+502 ${who.length}000-0000` } });
      expect(response.status).toBe(expected);
      if (expected === 403) expect(response.body.code).toBe('forbidden');
      const after = (await t.request<Hub>('GET', `/api/hubs/${hubs[hub].id}`, as('admin'))).body;
      expect(after.version).toBe(who === 'admin' ? before.version + 1 : before.version);
    });

    it.each(EVERYONE.map((who): [Who, number] => [who, who === 'admin' ? 201 : 403]))('POST /api/hubs as %s → %i', async (who, expected) => {
      const code = `N${who.slice(0, 3).toUpperCase()}`;
      const response = await t.request('POST', '/api/hubs', {
        ...as(who),
        body: { code, name: `New ${who}`, countryCode: 'GT', admin1: 'Guatemala', municipality: 'Mixco' },
      });
      expect(response.status).toBe(expected);
      expect(await t.sql('SELECT 1 FROM hubs WHERE code = $1', [code])).toHaveLength(who === 'admin' ? 1 : 0);
      // Keep the hub list of the other tests exact.
      if (who === 'admin') await t.sql('DELETE FROM hubs WHERE code = $1', [code]);
    });
  });

  describe('users', () => {
    it.each(EVERYONE)('GET /api/users as %s lists exactly the users in scope', async (who) => {
      const response = await t.request('GET', '/api/users', as(who));
      expect(response.status).toBe(200);
      expect(ids(response.body.items)).toEqual(userIds(USERS_IN_SCOPE[who]));
    });

    it.each(NON_ADMINS)('GET /api/users as %s never widens the scope through filters', async (who) => {
      for (const query of [`hubId=${hubs.A.id}`, `hubId=${hubs.C.id}`, 'role=admin', 'role=supervisor', 'q=test.example']) {
        const response = await t.request('GET', `/api/users?${query}`, as(who));
        const allowed = userIds(USERS_IN_SCOPE[who]);
        for (const id of ids(response.body.items)) expect({ query, id, allowed: allowed.includes(id) }).toEqual({ query, id, allowed: true });
      }
    });

    // 200 in scope, 404 outside.
    it.each(matrix(EVERYONE, EVERYONE, (who, target) => (inUserScope(who, target) ? 200 : 404)))('GET /api/users/:id as %s for %s → %i', async (who, target, expected) => {
      const response = await t.request('GET', `/api/users/${users[target].id}`, as(who));
      expect(response.status).toBe(expected);
      if (expected === 200) expect(response.body.id).toBe(users[target].id);
      else expect(response.body.code).toBe('not_found');
    });

    // Non-admins: 403 in scope (themselves included), 404 outside.
    const userWriteMatrix = matrix(NON_ADMINS, EVERYONE, (who, target) => (inUserScope(who, target) ? 403 : 404));

    it.each(userWriteMatrix)('PATCH /api/users/:id as %s for %s → %i', async (who, target, expected) => {
      const response = await t.request('PATCH', `/api/users/${users[target].id}`, { ...as(who), body: { version: 1, displayName: 'Changed' } });
      expect(response.status).toBe(expected);
    });

    it.each(userWriteMatrix)('POST /api/users/:id/reset-password as %s for %s → %i', async (who, target, expected) => {
      const response = await t.request('POST', `/api/users/${users[target].id}/reset-password`, { ...as(who), body: { password: 'Taken-over-123' } });
      expect(response.status).toBe(expected);
    });

    it('left every user unchanged after the refused writes', async () => {
      for (const who of EVERYONE) {
        const current = (await t.request<User>('GET', `/api/users/${users[who].id}`, as('admin'))).body;
        expect(current).toMatchObject({ displayName: users[who].displayName, version: users[who].version });
      }
      expect((await t.request('POST', '/api/auth/login', { body: { email: users.staffA.email, password: 'Taken-over-123' } })).status).toBe(401);
      expect((await t.request('POST', '/api/auth/login', { body: { email: users.staffA.email, password: TEST_PASSWORD } })).status).toBe(200);
    });

    it.each(NON_ADMINS)('POST /api/users as %s answers 403', async (who) => {
      const email = `made-by-${who.toLowerCase()}@scope.example`;
      const response = await t.request('POST', '/api/users', {
        ...as(who),
        body: { email, displayName: 'Nope', role: 'staff', password: TEST_PASSWORD, hubIds: [hubs.A.id] },
      });
      expect(response.status).toBe(403);
      expect(await t.sql('SELECT 1 FROM users WHERE email = $1', [email])).toEqual([]);
    });
  });

  describe('audit events', () => {
    const hubCreateEvents = async (who: Who) => {
      const response = await t.request('GET', '/api/audit-events?entityType=hub&action=create&limit=200', as(who));
      expect(response.status).toBe(200);
      return (response.body.items as { entityId: string }[]).map((e) => e.entityId);
    };

    it('GET /api/audit-events as admin answers 200 with every hub', async () => {
      const created = await hubCreateEvents('admin');
      expect(created).toEqual(expect.arrayContaining(hubIds(['A', 'B', 'C'])));
    });

    it('GET /api/audit-events as the GT supervisor answers 200 with only events of hubs in GT', async () => {
      const created = await hubCreateEvents('supervisor');
      expect(created).toEqual(expect.arrayContaining(hubIds(['A', 'B'])));
      expect(created).not.toContain(hubs.C.id);
      const all = await t.request('GET', '/api/audit-events?limit=200', as('supervisor'));
      expect(all.status).toBe(200);
      expect(all.body.items.length).toBeGreaterThan(0);
      for (const event of all.body.items as { hubId: string | null }[]) expect(hubIds(['A', 'B'])).toContain(event.hubId);
    });

    it.each(['staffA', 'staffC', 'counselorA'] as Who[])('GET /api/audit-events as %s answers 403', async (who) => {
      const response = await t.request('GET', '/api/audit-events', as(who));
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
    });
  });
});
