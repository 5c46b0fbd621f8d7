// Referrals as hub staff and supervisors use them: create a draft (validation, provider rules, default
// due dates, idempotent client ids), lists (scope, filters, the review queue, overdue), the detail with
// its timeline (audited), PATCH rules and reassignment, and the referrals on the person page.
// Status changes are in referral-transitions.integration-spec.ts, provider links in provider-links….
import { randomUUID } from 'node:crypto';
import type { ApiError, Consent, Hub, Page, Person, PersonDetail, Referral, ReferralDetail, ServiceProvider, User } from '@mih/contracts';
import { act, newProvider, newReferral, referralIn } from '../../testing/referral-fixtures';
import { createTestApp, TestApp } from '../../testing/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CONSENT: Consent = { given: true, purposes: ['follow_up', 'referral'], date: '2025-03-01' };

const daysFromToday = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('referrals', () => {
  let t: TestApp;
  let hub: Hub;
  let neighbourHub: Hub;
  let foreignHub: Hub;
  let staff: { user: User; token: string };
  let colleague: { user: User; token: string };
  let neighbourStaff: { user: User; token: string };
  let foreignStaff: { user: User; token: string };
  let supervisor: { user: User; token: string };
  let foreignSupervisor: { user: User; token: string };
  let counselor: { user: User; token: string };
  let person: Person;
  let foreignPerson: Person;
  let provider: ServiceProvider;

  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const base = () => ({ personId: person.id, serviceProviderId: provider.id, needCategory: 'child_protection', urgency: 'routine', reason: 'Unaccompanied child', consentToShare: true });
  const create = (body: Record<string, unknown>, token = staff.token) => t.request<Referral & Partial<ApiError>>('POST', '/api/referrals', { token, body });
  const get = (id: string, token = staff.token) => t.request<ReferralDetail & Partial<ApiError>>('GET', `/api/referrals/${id}`, { token });
  const patch = (id: string, body: Record<string, unknown>, token = staff.token) => t.request<Referral & Partial<ApiError>>('PATCH', `/api/referrals/${id}`, { token, body });
  const list = (query: string, token = staff.token) => t.request<Page<Referral> & Partial<ApiError>>('GET', `/api/referrals?${query}`, { token });
  const ids = (page: Page<Referral>) => page.items.map((r) => r.id);

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ code: 'TCU', countryCode: 'GT' });
    neighbourHub = await t.newHub({ countryCode: 'GT' });
    foreignHub = await t.newHub({ countryCode: 'HN' });
    [staff, colleague, neighbourStaff, foreignStaff, supervisor, foreignSupervisor, counselor] = await Promise.all([
      t.newUser('staff', { hubIds: [hub.id] }),
      t.newUser('staff', { hubIds: [hub.id] }),
      t.newUser('staff', { hubIds: [neighbourHub.id] }),
      t.newUser('staff', { hubIds: [foreignHub.id] }),
      t.newUser('supervisor', { countryCodes: ['GT'] }),
      t.newUser('supervisor', { countryCodes: ['HN'] }),
      t.newUser('counselor', { hubIds: [hub.id] }),
    ]);
    person = await t.newPerson(hub.id, { consent: CONSENT, givenName: 'Kevin', familyName: 'Mejía' });
    foreignPerson = await t.newPerson(foreignHub.id, { nationality: 'HN' });
    provider = await newProvider(t, { name: 'PGN Niñez', needCategories: ['child_protection', 'legal_aid'] });
  });
  afterAll(() => t?.close());

  describe('POST /api/referrals', () => {
    it('answers 201 with a draft: person code, the person’s hub, names, default due date, version 1', async () => {
      const response = await create(base());
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        personId: person.id,
        personCode: person.code,
        hubId: hub.id,
        serviceProviderId: provider.id,
        serviceProviderName: 'PGN Niñez',
        needCategory: 'child_protection',
        urgency: 'routine',
        reason: 'Unaccompanied child',
        consentToShare: true,
        status: 'draft',
        dueOn: daysFromToday(10),
        overdue: false,
        outcome: null,
        assignedTo: staff.user.id,
        assignedToName: staff.user.displayName,
        createdBy: staff.user.id,
        createdByName: staff.user.displayName,
        submittedAt: null,
        reviewSkipped: false,
        preferredLanguage: null,
        version: 1,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
    });

    it.each([
      ['routine', 10],
      ['priority', 3],
      ['emergency', 1],
    ])('sets dueOn by urgency: %s is due in %i days', async (urgency, days) => {
      expect((await create({ ...base(), urgency })).body.dueOn).toBe(daysFromToday(days));
    });

    it('keeps a dueOn sent by the client', async () => {
      expect((await create({ ...base(), dueOn: daysFromToday(30) })).body.dueOn).toBe(daysFromToday(30));
    });

    it("starts the timeline with a 'create' event and audits the create", async () => {
      const referral = (await create(base())).body;
      const detail = (await get(referral.id)).body;
      expect(detail.events).toEqual([
        {
          id: expect.any(String),
          referralId: referral.id,
          kind: 'create',
          fromStatus: null,
          toStatus: 'draft',
          actorId: staff.user.id,
          actorName: staff.user.displayName,
          viaProviderLink: false,
          reviewSkipped: false,
          comment: null,
          occurredAt: expect.stringMatching(ISO),
        },
      ]);
      const audit = await t.sql("SELECT actor_id, hub_id FROM audit_events WHERE entity_type = 'referral' AND entity_id = $1 AND action = 'create'", [referral.id]);
      expect(audit).toEqual([{ actor_id: staff.user.id, hub_id: hub.id }]);
    });

    it.each(['personId', 'serviceProviderId', 'needCategory', 'urgency', 'reason', 'consentToShare'])('answers 400 naming %s when it is missing', async (field) => {
      const body: Record<string, unknown> = base();
      delete body[field];
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it.each([
      ['id', 'abc'],
      ['personId', 'abc'],
      ['serviceProviderId', 42],
      ['needCategory', 7],
      ['needCategory', 'not_a_need'],
      ['urgency', 'urgent'],
      ['reason', '   '],
      ['reason', 'x'.repeat(2001)],
      ['consentToShare', false],
      ['consentToShare', 'true'],
      ['dueOn', daysFromToday(-3)],
      ['dueOn', '2026-02-30'],
      ['dueOn', daysFromToday(800)],
      ['status', 'approved'],
    ])('answers 400 naming %s for %j', async (field, value) => {
      const response = await create({ ...base(), [field]: value });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('answers 400 naming serviceProviderId for an unknown provider or one not accepting referrals', async () => {
      const closed = await newProvider(t, { acceptingReferrals: false });
      for (const serviceProviderId of [randomUUID(), closed.id]) {
        const response = await create({ ...base(), serviceProviderId });
        expect(response.status).toBe(400);
        expect(fields(response.body)).toEqual(['serviceProviderId']);
      }
    });

    it('answers 400 naming needCategory when the provider does not offer that need', async () => {
      const response = await create({ ...base(), needCategory: 'shelter' });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['needCategory']);
    });

    it('answers 404 for a person outside the caller’s scope or unknown, and stores nothing', async () => {
      const before = await t.sql('SELECT count(*)::int AS n FROM referrals');
      for (const [personId, token] of [
        [foreignPerson.id, staff.token],
        [person.id, foreignStaff.token],
        [person.id, foreignSupervisor.token],
        [randomUUID(), t.adminToken],
      ]) {
        const response = await create({ ...base(), personId }, token);
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Person not found' });
      }
      expect(await t.sql('SELECT count(*)::int AS n FROM referrals')).toEqual(before);
    });

    it('lets supervisors in scope and admins create; counselors get 403', async () => {
      expect((await create(base(), supervisor.token)).status).toBe(201);
      expect((await create(base(), t.adminToken)).status).toBe(201);
      expect((await create(base(), counselor.token)).status).toBe(403);
    });

    describe('with a client-generated id', () => {
      it('answers the same record (200) for the same create sent again: one row, one event', async () => {
        const id = randomUUID();
        const first = await create({ ...base(), id });
        expect(first.status).toBe(201);
        const again = await create({ ...base(), id });
        expect(again.status).toBe(200);
        expect(again.body).toEqual(first.body);
        expect(await t.sql('SELECT count(*)::int AS n FROM referral_events WHERE referral_id = $1', [id])).toEqual([{ n: 1 }]);
      });

      it('stores one row when the same create arrives twice at once', async () => {
        const id = randomUUID();
        const responses = await Promise.all([create({ ...base(), id }), create({ ...base(), id })]);
        expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
        expect(await t.sql('SELECT count(*)::int AS n FROM referrals WHERE id = $1', [id])).toEqual([{ n: 1 }]);
      });

      it('answers 409 naming id when the id exists with other content', async () => {
        const id = randomUUID();
        await create({ ...base(), id });
        const response = await create({ ...base(), id, reason: 'Something else' });
        expect(response.status).toBe(409);
        expect(fields(response.body)).toEqual(['id']);
      });
    });
  });

  describe('GET /api/referrals', () => {
    let mine: Referral;
    let neighbours: Referral;
    let foreign: Referral;

    beforeAll(async () => {
      const neighbourPerson = await t.newPerson(neighbourHub.id);
      mine = await newReferral(t, person.id, provider.id, {}, staff.token);
      neighbours = await newReferral(t, neighbourPerson.id, provider.id, {}, neighbourStaff.token);
      const foreignProvider = await newProvider(t, { countryCodes: ['HN'] });
      foreign = await newReferral(t, foreignPerson.id, foreignProvider.id, {}, foreignStaff.token);
    });

    it('answers only the referrals of the caller’s hubs: staff their hub, supervisors their countries, admins all', async () => {
      const all = async (token: string) => ids((await list('limit=200', token)).body);
      expect(await all(staff.token)).toEqual(expect.arrayContaining([mine.id]));
      expect(await all(staff.token)).not.toEqual(expect.arrayContaining([neighbours.id]));
      expect(await all(staff.token)).not.toEqual(expect.arrayContaining([foreign.id]));
      expect(await all(supervisor.token)).toEqual(expect.arrayContaining([mine.id, neighbours.id]));
      expect(await all(supervisor.token)).not.toEqual(expect.arrayContaining([foreign.id]));
      expect(await all(foreignSupervisor.token)).toEqual([foreign.id]);
      expect(await all(t.adminToken)).toEqual(expect.arrayContaining([mine.id, neighbours.id, foreign.id]));
    });

    it('answers counselors an empty list (they see only what they created)', async () => {
      expect((await list('', counselor.token)).body).toEqual({ items: [], nextCursor: null });
    });

    it('lists newest first and pages with a cursor', async () => {
      const a = await newReferral(t, foreignPerson.id, (await newProvider(t, { countryCodes: ['HN'] })).id, {}, foreignStaff.token);
      const first = (await list('limit=1', foreignStaff.token)).body;
      expect(ids(first)).toEqual([a.id]);
      const second = (await list(`limit=1&cursor=${first.nextCursor}`, foreignStaff.token)).body;
      expect(ids(second)).toEqual([foreign.id]);
      expect(second.nextCursor).toBeNull();
    });

    it('filters by person, provider, hub, status, urgency and assignee', async () => {
      const otherPerson = await t.newPerson(hub.id);
      const legal = await newProvider(t, { needCategories: ['legal_aid'] });
      const target = await newReferral(t, otherPerson.id, legal.id, { needCategory: 'legal_aid', urgency: 'priority' }, staff.token);
      expect(ids((await list(`personId=${otherPerson.id}`)).body)).toEqual([target.id]);
      expect(ids((await list(`serviceProviderId=${legal.id}`)).body)).toEqual([target.id]);
      expect(ids((await list(`hubId=${neighbourHub.id}`, supervisor.token)).body)).toEqual([neighbours.id]);
      expect(ids((await list(`personId=${otherPerson.id}&urgency=routine`)).body)).toEqual([]);
      expect(ids((await list(`personId=${otherPerson.id}&status=draft&urgency=priority&assignedTo=${staff.user.id}`)).body)).toEqual([target.id]);
      expect(ids((await list(`personId=${otherPerson.id}&status=submitted`)).body)).toEqual([]);
    });

    it('answers the review queue: submitted only, most urgent first, then oldest submitted, in keyset pages', async () => {
      const queueHub = await t.newHub({ countryCode: 'CR' });
      const queuePerson = await t.newPerson(queueHub.id);
      const queueProvider = await newProvider(t, { countryCodes: ['CR'] });
      const queueSupervisor = await t.newUser('supervisor', { countryCodes: ['CR'] });
      const make = (urgency: 'routine' | 'priority') => referralIn(t, 'submitted', queuePerson.id, queueProvider.id, { urgency });
      const oldRoutine = await make('routine');
      const priority = await make('priority');
      const newRoutine = await make('routine');
      await referralIn(t, 'approved', queuePerson.id, queueProvider.id, { urgency: 'priority' });
      await newReferral(t, queuePerson.id, queueProvider.id, { urgency: 'priority' });
      const expected = [priority.id, oldRoutine.id, newRoutine.id];
      expect(ids((await list('queue=review', queueSupervisor.token)).body)).toEqual(expected);

      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Referral> = (await list(`queue=review&limit=1${cursor ? `&cursor=${cursor}` : ''}`, queueSupervisor.token)).body;
        paged.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(expected);
    });

    it('lists overdue referrals: waiting for an answer (submitted, approved, accepted) past their due date', async () => {
      const overdueHub = await t.newHub({ countryCode: 'PA' });
      const overduePerson = await t.newPerson(overdueHub.id);
      const overdueProvider = await newProvider(t, { countryCodes: ['PA'] });
      const made = {
        draft: await referralIn(t, 'draft', overduePerson.id, overdueProvider.id),
        submitted: await referralIn(t, 'submitted', overduePerson.id, overdueProvider.id),
        approved: await referralIn(t, 'approved', overduePerson.id, overdueProvider.id),
        accepted: await referralIn(t, 'accepted', overduePerson.id, overdueProvider.id),
        completed: await referralIn(t, 'completed', overduePerson.id, overdueProvider.id),
        notYet: await referralIn(t, 'submitted', overduePerson.id, overdueProvider.id),
      };
      await t.sql("UPDATE referrals SET due_on = current_date - 2 WHERE hub_id = $1 AND id <> $2", [overdueHub.id, made.notYet.id]);
      const overdue = (await list(`hubId=${overdueHub.id}&overdue=true`, t.adminToken)).body;
      expect(ids(overdue).sort()).toEqual([made.submitted.id, made.approved.id, made.accepted.id].sort());
      expect(overdue.items.every((r) => r.overdue)).toBe(true);
      const notOverdue = (await list(`hubId=${overdueHub.id}&overdue=false`, t.adminToken)).body;
      expect(ids(notOverdue).sort()).toEqual([made.draft.id, made.completed.id, made.notYet.id].sort());
      expect(notOverdue.items.some((r) => r.overdue)).toBe(false);
    });

    it.each([
      ['status', 'sent'],
      ['urgency', 'urgent'],
      ['queue', 'mine'],
      ['overdue', 'yes'],
      ['personId', 'abc'],
      ['cursor', 'abc'],
      ['foo', 'bar'],
    ])('answers 400 naming %s for %s', async (field, value) => {
      const response = await list(`${field}=${value}`);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('answers 400 naming cursor for a list cursor used on the queue', async () => {
      const page = (await list('limit=1', t.adminToken)).body;
      expect(fields((await list(`queue=review&cursor=${page.nextCursor}`)).body)).toEqual(['cursor']);
    });
  });

  describe('GET /api/referrals/:id', () => {
    it('answers the referral with its timeline, oldest first, and audits the read', async () => {
      const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
      const submitted = (await act(t, referral, 'submit', staff.token)).body;
      const response = await get(referral.id);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ ...submitted, events: [{ kind: 'create' }, { kind: 'submit', fromStatus: 'draft', toStatus: 'submitted', actorName: staff.user.displayName }] });
      const reads = await t.sql("SELECT actor_id, hub_id FROM audit_events WHERE entity_type = 'referral' AND entity_id = $1 AND action = 'read'", [referral.id]);
      expect(reads).toEqual([{ actor_id: staff.user.id, hub_id: hub.id }]);
    });

    it('answers 404 outside the caller’s scope: staff of another hub, a supervisor of another country, counselors', async () => {
      const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
      for (const token of [neighbourStaff.token, foreignStaff.token, foreignSupervisor.token, counselor.token]) {
        const response = await get(referral.id, token);
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Referral not found' });
      }
      expect((await get(referral.id, supervisor.token)).status).toBe(200);
    });

    it('answers 404 for an unknown id and 400 naming id for a malformed one', async () => {
      expect((await get(randomUUID())).status).toBe(404);
      expect(fields((await get('nope')).body)).toEqual(['id']);
    });
  });

  describe('PATCH /api/referrals/:id', () => {
    it('changes provider, need, urgency, reason and due date of a draft; writes an update event; audits without the reason', async () => {
      const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
      const legal = await newProvider(t, { name: 'Defensoría', needCategories: ['legal_aid'] });
      const body = { version: 1, serviceProviderId: legal.id, needCategory: 'legal_aid', urgency: 'priority', reason: 'Recruitment fraud, wants to file a complaint', dueOn: daysFromToday(4) };
      const response = await patch(referral.id, body);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ ...body, serviceProviderName: 'Defensoría', version: 2 });
      expect((await get(referral.id)).body.events.map((e) => e.kind)).toEqual(['create', 'update']);
      const [audit] = await t.sql("SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'update'", [referral.id]);
      expect(audit.details.reasonChanged).toBe(true);
      expect(Object.keys(audit.details.changes).sort()).toEqual(['dueOn', 'needCategory', 'serviceProviderId', 'urgency']);
      expect(JSON.stringify(audit.details)).not.toContain('Recruitment fraud');
    });

    it('answers 409 for provider, need, urgency or reason of a submitted referral, but moves its due date', async () => {
      const referral = await referralIn(t, 'submitted', person.id, provider.id);
      for (const change of [{ urgency: 'priority' }, { reason: 'Other' }, { needCategory: 'legal_aid' }]) {
        const response = await patch(referral.id, { version: referral.version, ...change });
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('conflict');
      }
      const moved = await patch(referral.id, { version: referral.version, dueOn: daysFromToday(20) });
      expect(moved.status).toBe(200);
      expect(moved.body.dueOn).toBe(daysFromToday(20));
    });

    it('answers 409 for any change to a final referral', async () => {
      const referral = await referralIn(t, 'completed', person.id, provider.id);
      const response = await patch(referral.id, { version: referral.version, dueOn: daysFromToday(5) });
      expect(response.status).toBe(409);
    });

    it('answers 409 stale_version for an old version', async () => {
      const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
      expect((await patch(referral.id, { version: 1, reason: 'A' })).status).toBe(200);
      const stale = await patch(referral.id, { version: 1, reason: 'B' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
    });

    it('answers 400 for a provider that does not offer the need', async () => {
      const shelter = await newProvider(t, { needCategories: ['shelter'] });
      const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
      const response = await patch(referral.id, { version: 1, serviceProviderId: shelter.id });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['needCategory']);
    });

    it.each([
      ['version', undefined],
      ['urgency', 'urgent'],
      ['reason', null],
      ['dueOn', '2020-01-01'],
      ['assignedTo', 'someone'],
      ['status', 'approved'],
    ])('answers 400 naming %s for %j', async (field, value) => {
      const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
      const body: Record<string, unknown> = { version: 1, [field]: value };
      if (value === undefined) delete body[field];
      const response = await patch(referral.id, body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('reassigns to an active staff member or supervisor of the hub: a reassign event and a notification for them', async () => {
      const referral = await referralIn(t, 'approved', person.id, provider.id);
      const response = await patch(referral.id, { version: referral.version, assignedTo: colleague.user.id });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ assignedTo: colleague.user.id, assignedToName: colleague.user.displayName });
      const detail = (await get(referral.id)).body;
      expect(detail.events.at(-1)).toMatchObject({ kind: 'reassign', actorId: staff.user.id });
      const notices = await t.sql('SELECT kind FROM notifications WHERE referral_id = $1 AND user_id = $2', [referral.id, colleague.user.id]);
      expect(notices).toEqual([{ kind: 'referral_assigned' }]);
      const toSupervisor = await patch(referral.id, { version: response.body.version, assignedTo: supervisor.user.id });
      expect(toSupervisor.status).toBe(200);
    });

    it('answers 400 naming assignedTo for a user who is not active staff or supervisor of the hub', async () => {
      const inactive = await t.newUser('staff', { hubIds: [hub.id] });
      const [{ version }] = await t.sql('SELECT version FROM users WHERE id = $1', [inactive.user.id]);
      await t.request('PATCH', `/api/users/${inactive.user.id}`, { token: t.adminToken, body: { version, active: false } });
      const [admin] = await t.sql("SELECT id FROM users WHERE email = 'admin@test.example'");
      const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
      for (const assignedTo of [neighbourStaff.user.id, foreignSupervisor.user.id, counselor.user.id, inactive.user.id, admin.id, randomUUID()]) {
        const response = await patch(referral.id, { version: 1, assignedTo });
        expect(response.status).toBe(400);
        expect(fields(response.body)).toEqual(['assignedTo']);
      }
    });

    it('answers 403 to counselors and 404 to staff of another hub', async () => {
      const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
      expect((await patch(referral.id, { version: 1, reason: 'X' }, counselor.token)).status).toBe(403);
      expect((await patch(referral.id, { version: 1, reason: 'X' }, neighbourStaff.token)).status).toBe(404);
    });
  });

  describe('the person page', () => {
    it('lists the person’s referrals the caller may see, newest first', async () => {
      const someone = await t.newPerson(hub.id);
      const older = await newReferral(t, someone.id, provider.id, {}, staff.token);
      const newer = await referralIn(t, 'submitted', someone.id, provider.id);
      const response = await t.request<PersonDetail>('GET', `/api/persons/${someone.id}`, { token: staff.token });
      expect(response.status).toBe(200);
      expect(response.body.referrals.map((r) => [r.id, r.status])).toEqual([
        [newer.id, 'submitted'],
        [older.id, 'draft'],
      ]);
      expect(response.body.referrals[1]).toEqual(older);
    });
  });
});
