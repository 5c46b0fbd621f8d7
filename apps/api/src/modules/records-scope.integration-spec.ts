// THE SCOPE MATRIX for persons and visits (SPEC §3): admins all; supervisors the hubs of their scope;
// staff their own hubs; counselors only what they created, and they create or change nothing. A record
// outside the caller's scope answers 404, a forbidden action on one in scope 403; no list or search
// ever returns a row outside the scope.
//
//   hubs:    A (GT), B (GT), C (CR)
//   users:   admin; supervisor of country GT; staffA at A; staffC at C; counselorA at A
//   persons: pA, pB, pC in their hubs; pK in A, created by counselorA. All named 'Rosa Morales'.
//   visits:  vA, vB, vC in their hubs; vK in A, logged by counselorA; vAatC: pA's visit at hub C.
import { randomUUID } from 'node:crypto';
import type { Consent, Hub, Page, Person, PersonDetail, User, Visit } from '@mih/contracts';
import { createTestApp, TestApp } from '../testing/test-app';

type Who = 'admin' | 'supervisor' | 'staffA' | 'staffC' | 'counselorA';
type HubName = 'A' | 'B' | 'C';
type PersonName = 'pA' | 'pB' | 'pC' | 'pK';
type VisitName = 'vA' | 'vB' | 'vC' | 'vK' | 'vAatC';

const EVERYONE: Who[] = ['admin', 'supervisor', 'staffA', 'staffC', 'counselorA'];
const PERSON_NAMES: PersonName[] = ['pA', 'pB', 'pC', 'pK'];
const VISIT_NAMES: VisitName[] = ['vA', 'vB', 'vC', 'vK', 'vAatC'];

const PERSONS_IN_SCOPE: Record<Who, PersonName[]> = {
  admin: ['pA', 'pB', 'pC', 'pK'],
  supervisor: ['pA', 'pB', 'pK'],
  staffA: ['pA', 'pK'],
  staffC: ['pC'],
  counselorA: ['pK'],
};
const VISITS_IN_SCOPE: Record<Who, VisitName[]> = {
  admin: ['vA', 'vB', 'vC', 'vK', 'vAatC'],
  supervisor: ['vA', 'vB', 'vK'],
  staffA: ['vA', 'vK'],
  staffC: ['vC', 'vAatC'],
  counselorA: ['vK'],
};
const HUBS_IN_SCOPE: Record<Who, HubName[]> = { admin: ['A', 'B', 'C'], supervisor: ['A', 'B'], staffA: ['A'], staffC: ['C'], counselorA: ['A'] };

const matrix = <T extends string>(callers: Who[], targets: T[], status: (who: Who, target: T) => number): [Who, T, number][] =>
  callers.flatMap((who) => targets.map((target): [Who, T, number] => [who, target, status(who, target)]));
/** Reads: 200 in scope, 404 outside. */
const readStatus = (inScope: (who: Who) => boolean) => (who: Who) => (inScope(who) ? 200 : 404);
/** Writes: counselors 403 on what they can see; everyone else as for reads. */
const writeStatus = (who: Who, inScope: boolean, ok = 200) => (!inScope ? 404 : who === 'counselorA' ? 403 : ok);

describe('records scope matrix', () => {
  let t: TestApp;
  const hubs = {} as Record<HubName, Hub>;
  const users = {} as Record<Who, User>;
  const tokens = {} as Record<Who, string>;
  const persons = {} as Record<PersonName, Person>;
  const visits = {} as Record<VisitName, Visit>;

  const as = (who: Who) => ({ token: tokens[who] });
  const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
  const personIds = (names: PersonName[]) => names.map((n) => persons[n].id).sort();
  const visitIds = (names: VisitName[]) => names.map((n) => visits[n].id).sort();
  const consent: Consent = { given: true, purposes: ['follow_up'], date: '2025-01-01' };
  const newPersonIn = (hub: HubName) => t.newPerson(hubs[hub].id, { consent, givenName: 'Rosa', familyName: 'Morales' });
  const personVersion = async (id: string) => (await t.sql('SELECT version FROM persons WHERE id = $1', [id]))[0].version as number;
  const visitVersion = async (id: string) => (await t.sql('SELECT version FROM visits WHERE id = $1', [id]))[0].version as number;

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
    users.admin = (await t.request<User>('GET', '/api/auth/me', as('admin'))).body;

    persons.pA = await newPersonIn('A');
    persons.pB = await newPersonIn('B');
    persons.pC = await newPersonIn('C');
    persons.pK = await newPersonIn('A');
    visits.vA = await t.newVisit(hubs.A.id, { personId: persons.pA.id });
    visits.vB = await t.newVisit(hubs.B.id);
    visits.vC = await t.newVisit(hubs.C.id);
    visits.vK = await t.newVisit(hubs.A.id, { personId: persons.pK.id });
    visits.vAatC = await t.newVisit(hubs.C.id, { personId: persons.pA.id });
    // Counselors cannot create through the API (yet: cases they identify will arrive as referrals);
    // these two stand for records a counselor created.
    await t.sql('UPDATE persons SET created_by = $1 WHERE id = $2', [users.counselorA.id, persons.pK.id]);
    await t.sql('UPDATE visits SET staff_id = $1 WHERE id = $2', [users.counselorA.id, visits.vK.id]);
  });
  afterAll(() => t?.close());

  // Lists and searches first, while the fixture is all there is.
  describe('lists and search', () => {
    it.each(EVERYONE)('GET /api/persons as %s lists exactly the persons in scope', async (who) => {
      const response = await t.request<Page<Person>>('GET', '/api/persons', as(who));
      expect(response.status).toBe(200);
      expect(ids(response.body.items)).toEqual(personIds(PERSONS_IN_SCOPE[who]));
    });

    it.each(EVERYONE)("GET /api/persons?q=rosa morales as %s finds exactly the namesakes in scope", async (who) => {
      for (const q of ['rosa morales', 'rosa moralez', 'ROSA']) {
        const response = await t.request<Page<Person>>('GET', `/api/persons?q=${encodeURIComponent(q)}`, as(who));
        expect(response.status).toBe(200);
        expect({ q, ids: ids(response.body.items) }).toEqual({ q, ids: personIds(PERSONS_IN_SCOPE[who]) });
      }
    });

    it.each(matrix(EVERYONE, PERSON_NAMES, (who, p) => (PERSONS_IN_SCOPE[who].includes(p) ? 1 : 0)))(
      'GET /api/persons?q=<code> as %s for %s → %i hits',
      async (who, p, hits) => {
        const response = await t.request<Page<Person>>('GET', `/api/persons?q=${persons[p].code}`, as(who));
        expect(response.body.items.map((i) => i.id)).toEqual(hits ? [persons[p].id] : []);
      },
    );

    it.each(EVERYONE)('GET /api/persons as %s never widens the scope through filters', async (who) => {
      const allowed = personIds(PERSONS_IN_SCOPE[who]);
      for (const query of [`hubId=${hubs.A.id}`, `hubId=${hubs.B.id}`, `hubId=${hubs.C.id}`, 'sex=female', 'limit=1', 'q=morales&limit=200']) {
        const response = await t.request<Page<Person>>('GET', `/api/persons?${query}`, as(who));
        expect(response.status).toBe(200);
        for (const id of ids(response.body.items)) expect({ query, id, allowed: allowed.includes(id) }).toEqual({ query, id, allowed: true });
      }
    });

    it.each(EVERYONE)('GET /api/visits as %s lists exactly the visits in scope', async (who) => {
      const response = await t.request<Page<Visit>>('GET', '/api/visits', as(who));
      expect(response.status).toBe(200);
      expect(ids(response.body.items)).toEqual(visitIds(VISITS_IN_SCOPE[who]));
    });

    it.each(EVERYONE)('GET /api/visits as %s never widens the scope through filters', async (who) => {
      const allowed = visitIds(VISITS_IN_SCOPE[who]);
      const queries = [
        ...Object.values(hubs).map((h) => `hubId=${h.id}`),
        ...Object.values(persons).map((p) => `personId=${p.id}`),
        ...Object.values(users).map((u) => `staffId=${u.id}`),
        'topic=documents',
        'channel=in_person',
        'limit=1',
      ];
      for (const query of queries) {
        const response = await t.request<Page<Visit>>('GET', `/api/visits?${query}`, as(who));
        expect(response.status).toBe(200);
        for (const id of ids(response.body.items)) expect({ query, id, allowed: allowed.includes(id) }).toEqual({ query, id, allowed: true });
      }
    });
  });

  describe('reads', () => {
    it.each(matrix(EVERYONE, PERSON_NAMES, (who, p) => readStatus(() => PERSONS_IN_SCOPE[who].includes(p))(who)))(
      'GET /api/persons/:id as %s for %s → %i',
      async (who, p, expected) => {
        const response = await t.request<PersonDetail>('GET', `/api/persons/${persons[p].id}`, as(who));
        expect(response.status).toBe(expected);
        if (expected === 200) {
          expect(response.body.id).toBe(persons[p].id);
          // The timeline holds only the visits the caller may see.
          const allowed = visitIds(VISITS_IN_SCOPE[who]);
          for (const visit of response.body.visits) expect(allowed).toContain(visit.id);
        } else {
          expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Person not found' });
        }
      },
    );

    it("shows a supervisor pA's timeline without the visit at hub C, and the admin with it", async () => {
      const timeline = async (who: Who) => (await t.request<PersonDetail>('GET', `/api/persons/${persons.pA.id}`, as(who))).body.visits.map((v) => v.id).sort();
      expect(await timeline('supervisor')).toEqual(visitIds(['vA']));
      expect(await timeline('admin')).toEqual(visitIds(['vA', 'vAatC']));
    });

    it.each(matrix(EVERYONE, VISIT_NAMES, (who, v) => readStatus(() => VISITS_IN_SCOPE[who].includes(v))(who)))(
      'GET /api/visits/:id as %s for %s → %i',
      async (who, v, expected) => {
        const response = await t.request<Visit>('GET', `/api/visits/${visits[v].id}`, as(who));
        expect(response.status).toBe(expected);
        if (expected === 200) expect(response.body.id).toBe(visits[v].id);
        else expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Visit not found' });
      },
    );

    it('audits the reads it answered, and none it refused', async () => {
      const before = (await t.sql("SELECT count(*)::int AS n FROM audit_events WHERE action = 'read' AND entity_id = $1", [persons.pC.id]))[0].n;
      expect((await t.request('GET', `/api/persons/${persons.pC.id}`, as('staffA'))).status).toBe(404);
      expect((await t.request('GET', `/api/persons/${persons.pC.id}`, as('staffC'))).status).toBe(200);
      const after = (await t.sql("SELECT count(*)::int AS n FROM audit_events WHERE action = 'read' AND entity_id = $1", [persons.pC.id]))[0].n;
      expect(after).toBe(before + 1);
    });
  });

  describe('reveal', () => {
    it.each(matrix(EVERYONE, PERSON_NAMES, (who, p) => writeStatus(who, PERSONS_IN_SCOPE[who].includes(p))))(
      'POST /api/persons/:id/reveal as %s for %s → %i',
      async (who, p, expected) => {
        const response = await t.request<Person>('POST', `/api/persons/${persons[p].id}/reveal`, { ...as(who), body: { reasonCode: 'identity_check', reason: 'Checking identity at the desk' } });
        expect(response.status).toBe(expected);
        if (expected === 200) expect(response.body.identifying.givenName).toBe('Rosa');
        else expect(JSON.stringify(response.body)).not.toContain('Rosa');
      },
    );
  });

  describe('writes', () => {
    it.each(matrix(EVERYONE, PERSON_NAMES, (who, p) => writeStatus(who, PERSONS_IN_SCOPE[who].includes(p))))(
      'PATCH /api/persons/:id as %s for %s → %i',
      async (who, p, expected) => {
        const version = await personVersion(persons[p].id);
        const response = await t.request('PATCH', `/api/persons/${persons[p].id}`, { ...as(who), body: { version, vulnerabilities: ['pregnant'] } });
        expect(response.status).toBe(expected);
        if (expected === 403) expect(response.body.code).toBe('forbidden');
        expect(await personVersion(persons[p].id)).toBe(expected === 200 ? version + 1 : version);
      },
    );

    it.each(matrix(EVERYONE, VISIT_NAMES, (who, v) => writeStatus(who, VISITS_IN_SCOPE[who].includes(v))))(
      'PATCH /api/visits/:id as %s for %s → %i',
      async (who, v, expected) => {
        const version = await visitVersion(visits[v].id);
        const response = await t.request('PATCH', `/api/visits/${visits[v].id}`, { ...as(who), body: { version, channel: 'phone' } });
        expect(response.status).toBe(expected);
        expect(await visitVersion(visits[v].id)).toBe(expected === 200 ? version + 1 : version);
      },
    );

    const createStatus = (who: Who, hub: HubName) => (who === 'counselorA' ? 403 : HUBS_IN_SCOPE[who].includes(hub) ? 201 : 404);

    it.each(matrix(EVERYONE, ['A', 'C'] as HubName[], createStatus))('POST /api/persons as %s in hub %s → %i', async (who, hub, expected) => {
      const id = randomUUID();
      const response = await t.request('POST', '/api/persons', { ...as(who), body: { id, hubId: hubs[hub].id, sex: 'male', nationality: 'GT', profile: 'in_transit' } });
      expect(response.status).toBe(expected);
      expect(await t.sql('SELECT 1 FROM persons WHERE id = $1', [id])).toHaveLength(expected === 201 ? 1 : 0);
    });

    it.each(matrix(EVERYONE, ['A', 'C'] as HubName[], createStatus))('POST /api/visits as %s in hub %s → %i', async (who, hub, expected) => {
      const id = randomUUID();
      const response = await t.request('POST', '/api/visits', {
        ...as(who),
        body: { id, hubId: hubs[hub].id, occurredAt: new Date().toISOString(), channel: 'outreach', sex: 'male', ageBand: '18-24', nationality: 'GT', profile: 'in_transit', topics: ['documents'] },
      });
      expect(response.status).toBe(expected);
      expect(await t.sql('SELECT staff_id FROM visits WHERE id = $1', [id])).toEqual(expected === 201 ? [{ staff_id: users[who].id }] : []);
    });

    it.each(matrix(EVERYONE, PERSON_NAMES, (who, p) => (who === 'counselorA' ? 403 : PERSONS_IN_SCOPE[who].includes(p) ? 201 : 404)))(
      'POST /api/visits linked to a person as %s for %s → %i',
      async (who, p, expected) => {
        const hub = persons[p].hubId;
        const response = await t.request('POST', '/api/visits', {
          ...as(who),
          body: { hubId: hub, occurredAt: new Date().toISOString(), channel: 'phone', personId: persons[p].id, topics: ['documents'] },
        });
        expect(response.status).toBe(expected);
      },
    );

    it('answers 404 to staff linking a visit in their own hub to a person of another hub', async () => {
      const response = await t.request('POST', '/api/visits', {
        ...as('staffA'),
        body: { hubId: hubs.A.id, occurredAt: new Date().toISOString(), channel: 'phone', personId: persons.pC.id, topics: ['documents'] },
      });
      expect(response.status).toBe(404);
      expect(response.body.message).toBe('Person not found');
    });
  });

  describe('merge', () => {
    // Admins and supervisors merge in scope; staff 403 in scope; anyone 404 outside.
    const mergeStatus = (who: Who, hub: HubName) =>
      !HUBS_IN_SCOPE[who].includes(hub) || who === 'counselorA' ? 404 : who === 'admin' || who === 'supervisor' ? 200 : 403;

    it.each(matrix(EVERYONE, ['A', 'C'] as HubName[], mergeStatus))('POST /api/persons/:id/merge as %s for two persons of hub %s → %i', async (who, hub, expected) => {
      const [kept, duplicate] = [await newPersonIn(hub), await newPersonIn(hub)];
      const response = await t.request('POST', `/api/persons/${kept.id}/merge`, { ...as(who), body: { duplicateId: duplicate.id, version: 1 } });
      expect(response.status).toBe(expected);
      const [row] = await t.sql('SELECT merged_into_id FROM persons WHERE id = $1', [duplicate.id]);
      expect(row.merged_into_id).toBe(expected === 200 ? kept.id : null);
    });

    it('answers 403 to a counselor merging two persons they created', async () => {
      const [kept, duplicate] = [await newPersonIn('A'), await newPersonIn('A')];
      await t.sql('UPDATE persons SET created_by = $1 WHERE id = ANY($2)', [users.counselorA.id, [kept.id, duplicate.id]]);
      const response = await t.request('POST', `/api/persons/${kept.id}/merge`, { ...as('counselorA'), body: { duplicateId: duplicate.id, version: 1 } });
      expect(response.status).toBe(403);
    });

    it('answers 404 to the GT supervisor merging a duplicate of hub C into a person of hub A', async () => {
      const [kept, duplicate] = [await newPersonIn('A'), await newPersonIn('C')];
      const response = await t.request('POST', `/api/persons/${kept.id}/merge`, { ...as('supervisor'), body: { duplicateId: duplicate.id, version: 1 } });
      expect(response.status).toBe(404);
    });
  });
});
