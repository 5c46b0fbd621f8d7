// Dashboard figures from known data: every number checked exactly, within the caller's scope only.
// Non-admins get their counts suppressed (suppression.integration-spec.ts), so the exact counts of a
// hub are read as an admin asking for that hub; what non-admins get is checked against them.
import { type ApiError, type Dashboard, type Hub, type Person, suppressDashboard } from '@mih/contracts';
import { newProvider, referralIn } from '../../testing/referral-fixtures';
import { createTestApp, TestApp } from '../../testing/test-app';

let t: TestApp;
let tcu: Hub; // Guatemala
let qtz: Hub; // Guatemala
let spd: Hub; // Honduras
let staffTcu: string;
let supervisorGt: string;
let counselor: string;
let maria: Person;
let juan: Person;

const Q1 = 'from=2026-01-01&to=2026-03-31';
const dashboard = (query: string, token = t.adminToken) => t.request<Dashboard & Partial<ApiError>>('GET', `/api/reports/dashboard?${query}`, { token });

beforeAll(async () => {
  t = await createTestApp();
  [tcu, qtz, spd] = await Promise.all([t.newHub({ countryCode: 'GT' }), t.newHub({ countryCode: 'GT' }), t.newHub({ countryCode: 'HN' })]);
  staffTcu = (await t.newUser('staff', { hubIds: [tcu.id] })).token;
  supervisorGt = (await t.newUser('supervisor', { countryCodes: ['GT'] })).token;
  counselor = (await t.newUser('counselor', { hubIds: [tcu.id] })).token;

  // Tecún Umán, Q1: one woman who came three times (January twice, March), one man once (February),
  // two anonymous visits; one visit on the last evening of March in Guatemala (already April in UTC).
  maria = await t.newPerson(tcu.id, { sex: 'female', ageBand: '25-59', birthYear: undefined, profile: 'returnee_deported' }, staffTcu);
  juan = await t.newPerson(tcu.id, { sex: 'male', ageBand: '18-24', birthYear: undefined, profile: 'intending', nationality: 'HN' }, staffTcu);
  const visit = (hubId: string, occurredAt: string, extra: object = {}, token = staffTcu) => t.newVisit(hubId, { occurredAt, ...extra }, token);
  await visit(tcu.id, '2026-01-05T15:00:00Z', { personId: maria.id, topics: ['documents', 'return_reintegration'], needs: ['employment'] });
  await visit(tcu.id, '2026-01-20T15:00:00Z', { personId: maria.id, topics: ['return_reintegration'], channel: 'phone' });
  await visit(tcu.id, '2026-03-02T15:00:00Z', { personId: maria.id, topics: ['local_employment'], needs: ['employment'] });
  await visit(tcu.id, '2026-02-10T15:00:00Z', { personId: juan.id, topics: ['regular_pathways'] });
  await visit(tcu.id, '2026-02-11T15:00:00Z', { sex: 'female', ageBand: '12-17', topics: ['documents'] });
  await visit(tcu.id, '2026-04-01T03:00:00Z', { sex: 'male', ageBand: '60+', topics: ['documents'], channel: 'messaging' }); // 21:00 on 31 March in Guatemala
  // Outside the period, and in other hubs.
  await visit(tcu.id, '2025-12-31T15:00:00Z', { topics: ['documents'] });
  await t.newVisit(qtz.id, { occurredAt: '2026-02-01T15:00:00Z', topics: ['trafficking'] });
  await t.newVisit(spd.id, { occurredAt: '2026-02-01T15:00:00Z', topics: ['trafficking'], nationality: 'HN' });
});
afterAll(() => t.close());

it('counts consultations, people reached and every breakdown of the hub exactly', async () => {
  const res = await dashboard(`${Q1}&timeZone=America/Guatemala&hubId=${tcu.id}`);
  expect(res.status).toBe(200);
  // The hub's staff get the same figures, suppressed.
  expect((await dashboard(`${Q1}&timeZone=America/Guatemala`, staffTcu)).body).toEqual(suppressDashboard(res.body));
  expect(res.body).toMatchObject({ from: '2026-01-01', to: '2026-03-31', timeZone: 'America/Guatemala' });
  const v = res.body.visits;
  expect(v.consultations).toBe(6);
  expect(v.peopleReached).toBe(4); // María once, Juan, two anonymous
  expect(v.registeredPeople).toBe(2);
  expect(v.hubs).toBe(1);
  expect(v.byCountry).toEqual([{ code: 'GT', count: 4 }]);
  expect(v.bySex).toEqual([{ code: 'female', count: 2 }, { code: 'male', count: 2 }]);
  expect(v.byAgeBand).toEqual([{ code: '12-17', count: 1 }, { code: '18-24', count: 1 }, { code: '25-59', count: 1 }, { code: '60+', count: 1 }]);
  expect(v.byNationality).toEqual([{ code: 'GT', count: 3 }, { code: 'HN', count: 1 }]);
  expect(v.byProfile).toEqual([{ code: 'intending', count: 3 }, { code: 'returnee_deported', count: 1 }]);
  expect(v.topics).toEqual([
    { code: 'documents', count: 3 },
    { code: 'return_reintegration', count: 2 },
    { code: 'local_employment', count: 1 },
    { code: 'regular_pathways', count: 1 },
  ]);
  expect(v.needs).toEqual([{ code: 'employment', count: 2 }]);
  expect(v.channels).toEqual([{ code: 'in_person', count: 4 }, { code: 'messaging', count: 1 }, { code: 'phone', count: 1 }]);
  expect(v.byMonth).toEqual([
    { month: '2026-01', consultations: 2, peopleReached: 1 },
    { month: '2026-02', consultations: 2, peopleReached: 2 },
    { month: '2026-03', consultations: 2, peopleReached: 2 },
  ]);
});

it('counts days in the time zone asked for (UTC by default)', async () => {
  const utc = await dashboard(`${Q1}&hubId=${tcu.id}`);
  expect(utc.body.timeZone).toBe('UTC');
  expect(utc.body.visits.consultations).toBe(5); // the 31 March evening visit is 1 April in UTC
  const april = await dashboard(`from=2026-04-01&to=2026-04-30&hubId=${tcu.id}`);
  expect(april.body.visits.byMonth).toEqual([{ month: '2026-04', consultations: 1, peopleReached: 1 }]);
});

it('never counts outside the scope: a Guatemala supervisor sees both Guatemalan hubs and no Honduran one', async () => {
  const gt = await dashboard(`${Q1}&timeZone=America/Guatemala&countryCode=GT`);
  expect(gt.body.visits.consultations).toBe(7);
  expect(gt.body.visits.topics).toContainEqual({ code: 'trafficking', count: 1 });
  expect((await dashboard(`${Q1}&timeZone=America/Guatemala`, supervisorGt)).body).toEqual(suppressDashboard(gt.body));

  const askedForHonduras = await dashboard(`${Q1}&countryCode=HN`, supervisorGt);
  expect(askedForHonduras.status).toBe(200);
  expect(askedForHonduras.body.visits.consultations).toBe(0);
  expect(askedForHonduras.body.visits.byMonth.map((m) => m.consultations)).toEqual([0, 0, 0]);

  const otherHub = await dashboard(`${Q1}&hubId=${qtz.id}`, staffTcu);
  expect(otherHub.body.visits.consultations).toBe(0);

  const all = await dashboard(`${Q1}&timeZone=America/Guatemala`);
  expect(all.body.visits.consultations).toBe(8);
  expect(all.body.visits.hubs).toBe(3);
  expect(all.body.visits.byCountry).toEqual([{ code: 'GT', count: 5 }, { code: 'HN', count: 1 }]);
  const honduras = await dashboard(`${Q1}&countryCode=hn`);
  expect(honduras.body.visits.consultations).toBe(1);
  const hub = await dashboard(`${Q1}&hubId=${qtz.id}`);
  expect(hub.body.visits.consultations).toBe(1);
});

it('gives a counselor only what they recorded (no visits)', async () => {
  const res = await dashboard(Q1, counselor);
  expect(res.status).toBe(200);
  expect(res.body.visits).toMatchObject({ consultations: 0, peopleReached: 0, bySex: [] });
});

it.each([
  ['to=2026-03-31', 'from'],
  ['from=2026-01-01', 'to'],
  ['from=2026-02-30&to=2026-03-31', 'from'],
  ['from=2026-01-01&to=31/03/2026', 'to'],
  ['from=2026-03-01&to=2026-02-01', 'to'],
  ['from=2000-01-01&to=2026-12-31', 'to'],
  [`${Q1}&timeZone=Mars/Olympus`, 'timeZone'],
  [`${Q1}&hubId=TCU`, 'hubId'],
  [`${Q1}&countryCode=XX`, 'countryCode'],
  [`${Q1}&sex=female`, 'sex'],
])('answers 400 naming the field for %s', async (query, field) => {
  const res = await dashboard(query);
  expect(res.status).toBe(400);
  expect((res.body.errors ?? []).map((e) => e.field)).toContain(field);
});

it('needs a signed-in caller', async () => {
  const res = await t.request('GET', `/api/reports/dashboard?${Q1}`);
  expect(res.status).toBe(401);
});

describe('activities', () => {
  beforeAll(async () => {
    const activity = (hubId: string, occurredOn: string, type: string, participants: object) =>
      t.request('POST', '/api/activities', {
        token: t.adminToken,
        body: { hubId, type, occurredOn, place: 'Escuela', topics: ['trafficking'], participants },
      });
    for (const response of await Promise.all([
      activity(tcu.id, '2026-02-03', 'school_talk', { girls: 20, boys: 18, women: 2, men: 1, other: 0 }),
      activity(tcu.id, '2026-03-10', 'community_fair', { girls: 5, boys: 4, women: 30, men: 25, other: 1 }),
      activity(tcu.id, '2026-03-31', 'school_talk', { girls: 10, boys: 10, women: 1, men: 0, other: 0 }),
      activity(tcu.id, '2026-04-01', 'workshop', { girls: 0, boys: 0, women: 9, men: 9, other: 0 }), // next quarter
      activity(qtz.id, '2026-02-15', 'workshop', { girls: 0, boys: 0, women: 7, men: 3, other: 0 }),
      activity(spd.id, '2026-02-15', 'workshop', { girls: 0, boys: 0, women: 4, men: 4, other: 0 }),
    ])) {
      expect(response.status).toBe(201);
    }
  });

  it('counts the activities of the period and their participants by group, type and month', async () => {
    const { activities } = (await dashboard(`${Q1}&hubId=${tcu.id}`)).body;
    expect(activities.activities).toBe(3);
    expect(activities.participants).toEqual({ girls: 35, boys: 32, women: 33, men: 26, other: 1, total: 127 });
    expect(activities.byType).toEqual([
      { code: 'school_talk', count: 2, participants: 62 },
      { code: 'community_fair', count: 1, participants: 65 },
    ]);
    expect(activities.byMonth).toEqual([
      { month: '2026-01', activities: 0, participants: 0 },
      { month: '2026-02', activities: 1, participants: 41 },
      { month: '2026-03', activities: 2, participants: 86 },
    ]);
  });

  it('keeps to the scope and the place asked for', async () => {
    expect((await dashboard(Q1, supervisorGt)).body.activities.participants.total).toBe(137);
    expect((await dashboard(`${Q1}&countryCode=HN`, supervisorGt)).body.activities.activities).toBe(0);
    expect((await dashboard(`${Q1}&countryCode=HN`)).body.activities.participants.total).toBe(8);
    expect((await dashboard(Q1, counselor)).body.activities.activities).toBe(0); // none recorded by them
  });
});

describe('referrals', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
  const lastMonth = () => `from=${isoDay(-30)}&to=${isoDay(0)}`;

  beforeAll(async () => {
    const provider = await newProvider(t, { needCategories: ['child_protection', 'legal_aid'] });
    const refer = (status: Parameters<typeof referralIn>[1], personId: string, needCategory = 'child_protection') =>
      referralIn(t, status, personId, provider.id, { needCategory });
    const completed = await refer('completed', maria.id);
    const accepted = await refer('accepted', juan.id, 'legal_aid');
    await refer('declined', maria.id);
    await refer('rejected', juan.id);
    const waiting = await refer('submitted', maria.id, 'legal_aid');
    await refer('draft', juan.id); // never submitted: not counted
    await refer('cancelled', juan.id);
    // Submitted two and four days before the provider accepted; the waiting one is past its due date.
    await t.sql(`UPDATE referrals SET submitted_at = submitted_at - interval '2 days' WHERE id = $1`, [completed.id]);
    await t.sql(`UPDATE referrals SET submitted_at = submitted_at - interval '4 days' WHERE id = $1`, [accepted.id]);
    await t.sql(`UPDATE referrals SET due_on = current_date - 1 WHERE id = $1`, [waiting.id]);
  });

  it('shows how far the referrals submitted in the period got', async () => {
    const { referrals } = (await dashboard(`${lastMonth()}&hubId=${tcu.id}`)).body;
    expect(referrals).toEqual({
      submitted: 5,
      approved: 3,
      accepted: 2,
      completed: 1,
      declined: 1,
      rejected: 1,
      medianDaysToAcceptance: 3,
      overdue: 1,
      byNeed: [{ code: 'child_protection', count: 3 }, { code: 'legal_aid', count: 2 }],
    });
  });

  it('counts none outside the period or the scope', async () => {
    expect((await dashboard(Q1, staffTcu)).body.referrals.submitted).toBe(0);
    const otherStaff = (await t.newUser('staff', { hubIds: [qtz.id] })).token;
    expect((await dashboard(lastMonth(), otherStaff)).body.referrals).toMatchObject({ submitted: 0, medianDaysToAcceptance: null, byNeed: [] });
    expect((await dashboard(`${lastMonth()}&countryCode=HN`)).body.referrals.submitted).toBe(0);
  });
});
