// Closing a quarter: the data-quality checks counted exactly from known data and scoped, locking (who,
// when, idempotent, audited), what a lock refuses — enforced by the database trigger for visits and
// activities, creates, edits and moves in or out alike — and an admin's audited unlock.
import { randomUUID } from 'node:crypto';
import type { Activity, ApiError, Hub, Page, QuarterCheck, QuarterChecks, QuarterLock, User, Visit } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

type Answer<T> = T & Partial<ApiError>;

describe('quarter locks', () => {
  let t: TestApp;
  let gt1: Hub;
  let gt2: Hub;
  let hn: Hub;
  let adminId: string;
  let staffToken: string;
  let tcuStaffToken: string;
  let counselorToken: string;
  let counselor: User;
  let supervisorGt: string;
  let supervisorHn: string;

  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const checks = (query: string, token: string) => t.request<Answer<QuarterChecks>>('GET', `/api/quarter-locks/checks?${query}`, { token });
  const lock = (body: Record<string, unknown>, token: string) => t.request<Answer<QuarterLock[]>>('POST', '/api/quarter-locks', { token, body });
  const unlock = (body: Record<string, unknown>, token = t.adminToken) => t.request<Answer<QuarterLock[]>>('POST', '/api/quarter-locks/unlock', { token, body });
  const locks = (query: string, token: string) => t.request<Answer<Page<QuarterLock>>>('GET', `/api/quarter-locks?${query}`, { token });
  const visit = (hub: Hub, occurredAt: string, overrides: Record<string, unknown> = {}) => t.newVisit(hub.id, { occurredAt, ...overrides }, staffToken);
  const postVisit = (body: Record<string, unknown>) =>
    t.request<Answer<Visit>>('POST', '/api/visits', {
      token: staffToken,
      body: { channel: 'in_person', topics: ['documents'], sex: 'female', ageBand: '25-59', nationality: 'GT', profile: 'intending', ...body },
    });
  const patchVisit = (v: Visit, body: Record<string, unknown>) => t.request<Answer<Visit>>('PATCH', `/api/visits/${v.id}`, { token: staffToken, body: { version: v.version, ...body } });
  const activityBody = (hub: Hub, occurredOn: string, overrides: Record<string, unknown> = {}) => ({
    hubId: hub.id,
    type: 'info_session',
    occurredOn,
    place: 'Escuela Oficial Rural Mixta',
    participants: { girls: 3, boys: 2, women: 10, men: 5, other: 0 },
    topics: ['irregular_migration_risks'],
    ...overrides,
  });
  const postActivity = (body: Record<string, unknown>) => t.request<Answer<Activity>>('POST', '/api/activities', { token: staffToken, body });
  async function activity(hub: Hub, occurredOn: string, overrides: Record<string, unknown> = {}): Promise<Activity> {
    const response = await postActivity(activityBody(hub, occurredOn, overrides));
    expect(response.status).toBe(201);
    return response.body;
  }
  const patchActivity = (a: Activity, body: Record<string, unknown>) =>
    t.request<Answer<Activity>>('PATCH', `/api/activities/${a.id}`, { token: staffToken, body: { version: a.version, ...body } });
  const row = async (table: 'visits' | 'activities', id: string) => (await t.sql(`SELECT * FROM ${table} WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    t = await createTestApp();
    gt1 = await t.newHub({ code: 'TCU', name: 'CIM Tecún Umán', countryCode: 'GT' });
    gt2 = await t.newHub({ code: 'QTZ', name: 'CIM Quetzaltenango', countryCode: 'GT' });
    hn = await t.newHub({ code: 'SPS', name: 'CIM San Pedro Sula', countryCode: 'HN', admin1: 'Cortés', municipality: 'San Pedro Sula' });
    [{ id: adminId }] = await t.sql('SELECT id FROM users WHERE email = $1', ['admin@test.example']);
    ({ token: staffToken } = await t.newUser('staff', { hubIds: [gt1.id, gt2.id, hn.id] }));
    ({ token: tcuStaffToken } = await t.newUser('staff', { hubIds: [gt1.id] }));
    ({ user: counselor, token: counselorToken } = await t.newUser('counselor', { hubIds: [gt2.id] }));
    ({ token: supervisorGt } = await t.newUser('supervisor', { countryCodes: ['GT'] }));
    ({ token: supervisorHn } = await t.newUser('supervisor', { countryCodes: ['HN'] }));
  });
  afterAll(() => t?.close());

  it('documents what a lock does, referrals excepted, and asks for a token', async () => {
    const docs = await t.request('GET', '/api/docs-json');
    const lockOperation = docs.body.paths['/api/quarter-locks'].post;
    expect(lockOperation.description).toMatch(/409 `quarter_locked`.*Referrals, persons and cases are never locked/s);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/quarter-locks/checks', '/api/quarter-locks/unlock']));
    expect((await t.request('GET', '/api/quarter-locks?year=2025&quarter=1')).status).toBe(401);
  });

  describe('GET /api/quarter-locks/checks', () => {
    // Known data of 2025-Q1 (UTC), with records just outside the quarter and records that pass.
    beforeAll(async () => {
      // follow_ups_overdue: TCU 2, QTZ 1, SPS 1
      await visit(gt1, '2025-02-10T15:00:00Z', { followUpOn: '2025-02-20' });
      await visit(gt1, '2025-01-01T00:00:00Z', { followUpOn: '2025-01-02' }); // the quarter's first instant
      const done = await visit(gt1, '2025-03-01T15:00:00Z', { followUpOn: '2025-03-05' });
      expect((await patchVisit(done, { followUpDone: true })).status).toBe(200);
      await visit(gt1, '2025-03-02T15:00:00Z');
      await visit(gt1, '2025-03-03T15:00:00Z', { followUpOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) });
      await visit(gt1, '2024-12-31T23:30:00Z', { followUpOn: '2025-01-05' }); // Q4 2024
      await visit(gt1, '2025-04-01T00:00:00Z', { followUpOn: '2025-04-03' }); // Q2: the quarter's end is excluded
      await visit(gt2, '2025-01-15T15:00:00Z', { followUpOn: '2025-01-20' });
      await visit(hn, '2025-02-01T15:00:00Z', { followUpOn: '2025-02-02' });

      // persons_without_age: TCU 1, SPS 1
      const registeredOn = async (hub: Hub, createdAt: string, overrides: Record<string, unknown>) => {
        const person = await t.newPerson(hub.id, { birthYear: undefined, ...overrides });
        await t.sql('UPDATE persons SET created_at = $2 WHERE id = $1', [person.id, createdAt]);
        return person;
      };
      const person = await registeredOn(gt1, '2025-02-01T10:00:00Z', {});
      await registeredOn(gt1, '2025-02-02T10:00:00Z', { ageBand: '25-59' });
      await registeredOn(gt2, '2025-02-03T10:00:00Z', { birthYear: 1990 });
      const hnPerson = await registeredOn(hn, '2025-02-04T10:00:00Z', {});
      await registeredOn(gt1, '2025-05-01T10:00:00Z', {}); // Q2

      // referrals_overdue: TCU 1, SPS 1; referrals_draft: TCU 1, QTZ 1
      const [{ id: providerId }] = await t.sql(
        `INSERT INTO service_providers (name, type, need_categories, country_codes) VALUES ('Albergue', 'shelter', '{shelter}', '{GT,HN}') RETURNING id`,
      );
      const referral = async (hub: Hub, personId: string, status: string, createdAt: string, submittedAt: string | null, dueOn: string) =>
        t.sql(
          `INSERT INTO referrals (id, person_id, hub_id, service_provider_id, need_category, urgency, reason, consent_to_share, status, due_on,
             assigned_to, created_by, submitted_at, created_at)
           VALUES ($1, $2, $3, $4, 'shelter', 'routine', 'Necesita albergue', true, $5, $6, $7, $7, $8, $9)`,
          [randomUUID(), personId, hub.id, providerId, status, dueOn, adminId, submittedAt, createdAt],
        );
      const later = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      await referral(gt1, person.id, 'submitted', '2025-02-01T10:00:00Z', '2025-02-01T11:00:00Z', '2025-02-15');
      await referral(gt1, person.id, 'approved', '2025-02-01T10:00:00Z', '2025-02-01T11:00:00Z', later);
      await referral(gt1, person.id, 'completed', '2025-03-01T10:00:00Z', '2025-03-01T11:00:00Z', '2025-03-10');
      await referral(hn, hnPerson.id, 'accepted', '2025-01-10T10:00:00Z', '2025-01-10T11:00:00Z', '2025-01-20');
      await referral(gt1, person.id, 'submitted', '2025-04-02T10:00:00Z', '2025-04-02T11:00:00Z', '2025-04-10'); // Q2
      await referral(gt1, person.id, 'draft', '2025-02-03T10:00:00Z', null, '2025-02-20');
      await referral(gt2, person.id, 'draft', '2025-03-03T10:00:00Z', null, '2025-03-20');
      await referral(gt1, person.id, 'cancelled', '2025-02-04T10:00:00Z', null, '2025-02-20');
      await referral(gt1, person.id, 'draft', '2024-11-01T10:00:00Z', null, '2024-11-20'); // Q4 2024

      // cases_open: TCU 2, SPS 1
      const kase = (hub: Hub, status: string, createdAt: string) =>
        t.sql(
          `INSERT INTO cases (id, hub_id, need_category, urgency, sex, age_band, nationality, profile, description, status, outcome, created_by, created_at)
           VALUES ($1, $2, 'shelter', 'routine', 'female', '25-59', 'GT', 'in_transit', 'Mujer en tránsito', $3, $4, $5, $6)`,
          [randomUUID(), hub.id, status, status === 'closed' ? 'duplicate' : null, adminId, createdAt],
        );
      await kase(gt1, 'new', '2025-02-01T10:00:00Z');
      await kase(gt1, 'in_progress', '2025-02-02T10:00:00Z');
      await kase(gt1, 'closed', '2025-02-03T10:00:00Z');
      await kase(hn, 'new', '2025-03-01T10:00:00Z');
      await kase(gt2, 'new', '2025-06-01T10:00:00Z'); // Q2

      // activities_without_counselor: TCU 2, SPS 1
      await activity(gt1, '2025-02-10');
      await activity(gt1, '2025-03-31');
      await activity(gt1, '2025-04-01'); // Q2
      await activity(gt2, '2025-01-01', { counselorIds: [counselor.id] });
      await activity(hn, '2025-02-02');
    });

    const byCode = (body: QuarterChecks) => Object.fromEntries(body.checks.map((c: QuarterCheck) => [c.code, c]));

    it('counts every check of the quarter exactly, per hub, for an admin', async () => {
      const response = await checks('year=2025&quarter=1', t.adminToken);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ year: 2025, quarter: 1, timeZone: 'UTC', startsAt: '2025-01-01T00:00:00.000Z', endsAt: '2025-04-01T00:00:00.000Z', ended: true });
      expect([...response.body.hubIds].sort()).toEqual([gt1.id, gt2.id, hn.id].sort());
      expect(response.body.checks.map((c) => c.code)).toEqual([
        'follow_ups_overdue',
        'referrals_overdue',
        'referrals_draft',
        'cases_open',
        'persons_without_age',
        'activities_without_counselor',
      ]);
      const c = byCode(response.body);
      const hubs = (check: QuarterCheck) => Object.fromEntries(check.hubs.map((h) => [h.hubId, h.count]));
      expect(c['follow_ups_overdue'].count).toBe(4);
      expect(hubs(c['follow_ups_overdue'])).toEqual({ [gt1.id]: 2, [gt2.id]: 1, [hn.id]: 1 });
      expect(c['follow_ups_overdue'].hubs[0]).toEqual({ hubId: gt1.id, count: 2 }); // most first
      expect(c['referrals_overdue'].count).toBe(2);
      expect(hubs(c['referrals_overdue'])).toEqual({ [gt1.id]: 1, [hn.id]: 1 });
      expect(c['referrals_draft'].count).toBe(2);
      expect(hubs(c['referrals_draft'])).toEqual({ [gt1.id]: 1, [gt2.id]: 1 });
      expect(c['cases_open'].count).toBe(3);
      expect(hubs(c['cases_open'])).toEqual({ [gt1.id]: 2, [hn.id]: 1 });
      expect(c['persons_without_age'].count).toBe(2);
      expect(hubs(c['persons_without_age'])).toEqual({ [gt1.id]: 1, [hn.id]: 1 });
      expect(c['activities_without_counselor'].count).toBe(3);
      expect(hubs(c['activities_without_counselor'])).toEqual({ [gt1.id]: 2, [hn.id]: 1 });
    });

    it("counts only the supervisor's hubs, and narrows to a hub or a country", async () => {
      const gt = byCode((await checks('year=2025&quarter=1', supervisorGt)).body);
      expect(Object.fromEntries(Object.entries(gt).map(([code, check]) => [code, check.count]))).toEqual({
        follow_ups_overdue: 3,
        referrals_overdue: 1,
        referrals_draft: 2,
        cases_open: 2,
        persons_without_age: 1,
        activities_without_counselor: 2,
      });
      expect(gt['cases_open'].hubs.map((h) => h.hubId)).toEqual([gt1.id]);

      const oneHub = await checks(`year=2025&quarter=1&hubId=${gt2.id}`, supervisorGt);
      expect(oneHub.body.hubIds).toEqual([gt2.id]);
      expect(byCode(oneHub.body)['follow_ups_overdue']).toEqual({ code: 'follow_ups_overdue', count: 1, hubs: [{ hubId: gt2.id, count: 1 }] });
      expect(byCode(oneHub.body)['cases_open'].count).toBe(0);
    });

    it("shows a supervisor nothing of another country's hubs: 404 for the hub, no hub for the country", async () => {
      expect((await checks(`year=2025&quarter=1&hubId=${gt1.id}`, supervisorHn)).status).toBe(404);
      const country = await checks('year=2025&quarter=1&countryCode=gt', supervisorHn);
      expect(country.status).toBe(200);
      expect(country.body.hubIds).toEqual([]);
      expect(country.body.checks.every((c) => c.count === 0 && c.hubs.length === 0)).toBe(true);
    });

    it('counts the days of the time zone asked for', async () => {
      // 2025-01-01T00:00Z is still New Year's Eve in Guatemala: that follow-up is not of Q1 there.
      const response = await checks('year=2025&quarter=1&timeZone=America/Guatemala', t.adminToken);
      expect(response.body).toMatchObject({ timeZone: 'America/Guatemala', startsAt: '2025-01-01T06:00:00.000Z', endsAt: '2025-04-01T06:00:00.000Z' });
      expect(byCode(response.body)['follow_ups_overdue'].count).toBe(4); // 2025-01-01T00:00Z leaves, 2025-04-01T00:00Z joins
    });

    it('is for supervisors and admins only', async () => {
      expect((await checks('year=2025&quarter=1', staffToken)).status).toBe(403);
      expect((await checks('year=2025&quarter=1', counselorToken)).status).toBe(403);
    });

    it('answers 400 naming each invalid parameter', async () => {
      const bad = await checks('year=abc&quarter=5&timeZone=Mars/Olympus&countryCode=XX&hubId=1', t.adminToken);
      expect(bad.status).toBe(400);
      expect(fields(bad.body).sort()).toEqual(['countryCode', 'hubId', 'quarter', 'timeZone', 'year']);
      expect(fields((await checks('year=2025', t.adminToken)).body)).toEqual(['quarter']);
      expect(fields((await checks('year=1999&quarter=1&extra=1', t.adminToken)).body).sort()).toEqual(['extra', 'year']);
    });
  });

  describe('locking 2025-Q3 (America/Guatemala) for the Guatemalan hubs', () => {
    const Q3 = { year: 2025, quarter: 3, timeZone: 'America/Guatemala' };
    let inQuarter: Visit;
    let nextQuarter: Visit;
    let withFollowUp: Visit;
    let honduran: Visit;
    let activityIn: Activity;
    let activityNext: Activity;

    beforeAll(async () => {
      inQuarter = await visit(gt1, '2025-08-10T15:00:00-06:00');
      nextQuarter = await visit(gt1, '2025-11-05T10:00:00-06:00');
      withFollowUp = await visit(gt1, '2025-08-12T10:00:00-06:00', { followUpOn: '2025-08-20' });
      honduran = await visit(hn, '2025-08-10T15:00:00-06:00');
      activityIn = await activity(gt1, '2025-08-15');
      activityNext = await activity(gt1, '2025-11-05');
    });

    it('refuses staff and counselors (403), and a quarter that has not ended yet (409)', async () => {
      expect((await lock({ ...Q3, countryCode: 'GT' }, staffToken)).status).toBe(403);
      expect((await lock({ ...Q3, countryCode: 'GT' }, counselorToken)).status).toBe(403);
      const today = new Date();
      const current = await lock({ year: today.getUTCFullYear(), quarter: Math.floor(today.getUTCMonth() / 3) + 1 }, supervisorGt);
      expect(current.status).toBe(409);
      expect(current.body).toMatchObject({ code: 'conflict', message: expect.stringMatching(/has not ended yet/) });
      expect((await lock({ year: today.getUTCFullYear() + 1, quarter: 1 }, t.adminToken)).status).toBe(409);
      expect(await t.sql('SELECT * FROM quarter_locks')).toEqual([]);
    });

    it("does not let a supervisor lock another country's hubs", async () => {
      expect((await lock({ ...Q3, hubId: gt1.id }, supervisorHn)).status).toBe(404);
      expect((await lock({ ...Q3, countryCode: 'GT' }, supervisorHn)).status).toBe(404);
      expect(await t.sql('SELECT * FROM quarter_locks')).toEqual([]);
    });

    it('answers 400 naming each invalid field', async () => {
      const bad = await lock({ year: '2025', quarter: 0, hubId: 'nope', countryCode: 'ZZ', timeZone: 'Nowhere', extra: true }, supervisorGt);
      expect(bad.status).toBe(400);
      expect(fields(bad.body).sort()).toEqual(['countryCode', 'extra', 'hubId', 'quarter', 'timeZone', 'year']);
      expect(fields((await lock({ quarter: 3 }, supervisorGt)).body)).toEqual(['year']);
    });

    it('locks every hub of the selection, answers the locks and audits each one', async () => {
      const response = await lock({ ...Q3, countryCode: 'GT' }, supervisorGt);
      expect(response.status).toBe(201);
      expect(response.body.map((l) => l.hubCode)).toEqual(['QTZ', 'TCU']); // by hub name
      expect(response.body[1]).toEqual({
        hubId: gt1.id,
        hubCode: 'TCU',
        hubName: 'CIM Tecún Umán',
        countryCode: 'GT',
        year: 2025,
        quarter: 3,
        startsAt: '2025-07-01T06:00:00.000Z',
        endsAt: '2025-10-01T06:00:00.000Z',
        lockedBy: { id: expect.any(String), displayName: expect.stringMatching(/^supervisor/) },
        lockedAt: expect.any(String),
      });
      const audit = await t.sql(`SELECT hub_id, details FROM audit_events WHERE action = 'lock' AND entity_type = 'quarter_lock' ORDER BY hub_id`);
      expect(audit).toHaveLength(2);
      // What the supervisor knowingly left unfixed: TCU's follow-up and its activity without a counselor.
      expect(audit.find((a) => a.hub_id === gt1.id).details).toEqual({
        year: 2025,
        quarter: 3,
        timeZone: 'America/Guatemala',
        failingChecks: { follow_ups_overdue: 1, activities_without_counselor: 1 },
      });
      expect(audit.find((a) => a.hub_id === gt2.id).details.failingChecks).toEqual({});
    });

    it('leaves hubs already locked as they are (200 when nothing was new)', async () => {
      const before = await t.sql('SELECT hub_id, locked_at FROM quarter_locks ORDER BY hub_id');
      const again = await lock({ ...Q3, timeZone: 'UTC', hubId: gt1.id }, t.adminToken);
      expect(again.status).toBe(200);
      expect(again.body).toHaveLength(1);
      expect(again.body[0]).toMatchObject({ startsAt: '2025-07-01T06:00:00.000Z', lockedBy: { displayName: expect.stringMatching(/^supervisor/) } });
      expect(await t.sql('SELECT hub_id, locked_at FROM quarter_locks ORDER BY hub_id')).toEqual(before);
      expect(await t.sql(`SELECT 1 FROM audit_events WHERE action = 'lock'`)).toHaveLength(2);
    });

    it("lists the quarter's locks within each caller's scope", async () => {
      expect((await locks('year=2025&quarter=3', supervisorGt)).body.items.map((l) => l.hubId)).toEqual([gt2.id, gt1.id]);
      expect((await locks('year=2025&quarter=3', supervisorHn)).body).toEqual({ items: [], nextCursor: null });
      expect((await locks('year=2025&quarter=3', tcuStaffToken)).body.items.map((l) => l.hubId)).toEqual([gt1.id]);
      expect((await locks('year=2025&quarter=2', t.adminToken)).body.items).toEqual([]);
      expect(fields((await locks('year=2025', t.adminToken)).body)).toEqual(['quarter']);
    });

    const LOCKED = { statusCode: 409, code: 'quarter_locked', message: 'The quarter 2025-Q3 of this hub is locked; an admin can unlock it' };

    it('refuses a new visit of the quarter and stores nothing of it', async () => {
      const id = randomUUID();
      const response = await postVisit({ id, hubId: gt1.id, occurredAt: '2025-09-30T23:00:00-06:00', note: 'Llamó María' });
      expect(response.status).toBe(409);
      expect(response.body).toEqual(LOCKED);
      expect(await t.sql('SELECT 1 FROM visits WHERE id = $1', [id])).toEqual([]);
      expect(await t.sql('SELECT 1 FROM audit_events WHERE entity_id = $1', [id])).toEqual([]);
    });

    it('refuses changing a visit of the quarter, and moving one into or out of it; the row stays as it was', async () => {
      const inBefore = await row('visits', inQuarter.id);
      const nextBefore = await row('visits', nextQuarter.id);
      expect((await patchVisit(inQuarter, { note: 'Corrección' })).body).toEqual(LOCKED);
      expect((await patchVisit(inQuarter, { occurredAt: '2025-11-01T10:00:00-06:00' })).body).toEqual(LOCKED);
      expect((await patchVisit(nextQuarter, { occurredAt: '2025-08-01T10:00:00-06:00' })).body).toEqual(LOCKED);
      expect(await row('visits', inQuarter.id)).toEqual(inBefore);
      expect(await row('visits', nextQuarter.id)).toEqual(nextBefore);
      // The database refuses it whoever asks, not only the API.
      await expect(t.sql('DELETE FROM visits WHERE id = $1', [inQuarter.id])).rejects.toMatchObject({ code: 'MIHQL', detail: '2025-Q3' });
    });

    it('still lets a follow-up of the quarter be marked done', async () => {
      const response = await patchVisit(withFollowUp, { followUpDone: true });
      expect(response.status).toBe(200);
      expect(response.body.followUpDoneAt).not.toBeNull();
    });

    it('refuses a new activity of the quarter, and changing or moving one; nothing changes', async () => {
      const created = await postActivity(activityBody(gt1, '2025-09-30'));
      expect(created.body).toEqual(LOCKED);
      expect(await t.sql('SELECT 1 FROM activities WHERE occurred_on = $1', ['2025-09-30'])).toEqual([]);
      const inBefore = await row('activities', activityIn.id);
      const nextBefore = await row('activities', activityNext.id);
      expect((await patchActivity(activityIn, { place: 'Salón comunal' })).body).toEqual(LOCKED);
      expect((await patchActivity(activityIn, { occurredOn: '2025-10-01' })).body).toEqual(LOCKED);
      expect((await patchActivity(activityNext, { occurredOn: '2025-07-01' })).body).toEqual(LOCKED);
      expect(await row('activities', activityIn.id)).toEqual(inBefore);
      expect(await row('activities', activityNext.id)).toEqual(nextBefore);
    });

    it('keeps other quarters and other hubs writable', async () => {
      expect((await patchVisit(nextQuarter, { note: 'Seguimiento' })).status).toBe(200);
      // 21:00 on 30 June in Guatemala: Q2 there, although already 1 July in UTC.
      expect((await postVisit({ hubId: gt1.id, occurredAt: '2025-07-01T03:00:00Z' })).status).toBe(201);
      expect((await postVisit({ hubId: gt1.id, occurredAt: '2025-10-01T00:00:00-06:00' })).status).toBe(201);
      expect((await postActivity(activityBody(gt1, '2025-06-30'))).status).toBe(201);
      expect((await postActivity(activityBody(gt1, '2025-10-01'))).status).toBe(201);
      expect((await patchVisit(honduran, { note: 'Honduras no está cerrado' })).status).toBe(200);
      expect((await postActivity(activityBody(hn, '2025-08-15'))).status).toBe(201);
    });

    it('lets only admins unlock, with a reason of 10 characters or more', async () => {
      expect((await unlock({ year: 2025, quarter: 3, hubIds: [gt1.id], reason: 'Informe tardío de la feria' }, supervisorGt)).status).toBe(403);
      const bad = await unlock({ year: 2025, quarter: 3, hubIds: [], reason: '  corto   ' });
      expect(bad.status).toBe(400);
      expect(fields(bad.body).sort()).toEqual(['hubIds', 'reason']);
      expect(fields((await unlock({ year: 2025, quarter: 3, hubIds: ['x'], reason: 'Informe tardío de la feria' })).body)).toEqual(['hubIds']);
      expect(await t.sql('SELECT 1 FROM quarter_locks')).toHaveLength(2);
    });

    it("unlocks a hub's quarter (audited with the reason): its records are writable again, the other hub's stay locked", async () => {
      const response = await unlock({ year: 2025, quarter: 3, hubIds: [gt1.id], reason: 'Informe tardío de la feria' });
      expect(response.status).toBe(200);
      expect(response.body.map((l) => l.hubId)).toEqual([gt1.id]);
      const [audit] = await t.sql(`SELECT actor_id, hub_id, details FROM audit_events WHERE action = 'unlock'`);
      expect(audit).toEqual({
        actor_id: adminId,
        hub_id: gt1.id,
        details: { year: 2025, quarter: 3, reason: 'Informe tardío de la feria', lockedBy: expect.any(String), lockedAt: expect.any(String) },
      });

      expect((await patchVisit(inQuarter, { note: 'Corrección' })).status).toBe(200);
      expect((await patchActivity(activityIn, { place: 'Salón comunal' })).status).toBe(200);
      expect((await postVisit({ hubId: gt2.id, occurredAt: '2025-08-01T10:00:00-06:00' })).body).toEqual(LOCKED);

      const again = await unlock({ year: 2025, quarter: 3, hubIds: [gt1.id], reason: 'Informe tardío de la feria' });
      expect(again).toMatchObject({ status: 200, body: [] });
      expect(await t.sql(`SELECT 1 FROM audit_events WHERE action = 'unlock'`)).toHaveLength(1);
    });

    it('locks an unlocked hub again, recording the checks as they are then', async () => {
      await visit(gt1, '2025-08-20T10:00:00-06:00', { followUpOn: '2025-08-25' }); // while unlocked
      expect((await lock({ ...Q3, hubId: gt1.id }, supervisorGt)).status).toBe(201);
      const [audit] = await t.sql(`SELECT details FROM audit_events WHERE action = 'lock' AND hub_id = $1 ORDER BY id DESC LIMIT 1`, [gt1.id]);
      expect(audit.details.failingChecks).toEqual({ follow_ups_overdue: 1, activities_without_counselor: 1 }); // the first follow-up was done since
      const [{ version }] = await t.sql('SELECT version FROM visits WHERE id = $1', [inQuarter.id]);
      expect((await patchVisit({ ...inQuarter, version }, { note: 'Otra corrección' })).body).toEqual(LOCKED);
    });
  });
});
