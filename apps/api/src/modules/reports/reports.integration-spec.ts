// Dashboard figures from known data: every number checked exactly, within the caller's scope only.
import type { Dashboard, Hub } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

let t: TestApp;
let tcu: Hub; // Guatemala
let qtz: Hub; // Guatemala
let spd: Hub; // Honduras
let staffTcu: string;
let supervisorGt: string;
let counselor: string;

const Q1 = 'from=2026-01-01&to=2026-03-31';
const dashboard = (query: string, token = t.adminToken) => t.request<Dashboard>('GET', `/api/reports/dashboard?${query}`, { token });

beforeAll(async () => {
  t = await createTestApp();
  [tcu, qtz, spd] = await Promise.all([t.newHub({ countryCode: 'GT' }), t.newHub({ countryCode: 'GT' }), t.newHub({ countryCode: 'HN' })]);
  staffTcu = (await t.newUser('staff', { hubIds: [tcu.id] })).token;
  supervisorGt = (await t.newUser('supervisor', { countryCodes: ['GT'] })).token;
  counselor = (await t.newUser('counselor', { hubIds: [tcu.id] })).token;

  // Tecún Umán, Q1: one woman who came three times (January twice, March), one man once (February),
  // two anonymous visits; one visit on the last evening of March in Guatemala (already April in UTC).
  const maria = await t.newPerson(tcu.id, { sex: 'female', ageBand: '25-59', birthYear: undefined, profile: 'returnee_deported' }, staffTcu);
  const juan = await t.newPerson(tcu.id, { sex: 'male', ageBand: '18-24', birthYear: undefined, profile: 'intending', nationality: 'HN' }, staffTcu);
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
  const res = await dashboard(`${Q1}&timeZone=America/Guatemala`, staffTcu);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ from: '2026-01-01', to: '2026-03-31', timeZone: 'America/Guatemala' });
  const v = res.body.visits;
  expect(v.consultations).toBe(6);
  expect(v.peopleReached).toBe(4); // María once, Juan, two anonymous
  expect(v.registeredPeople).toBe(2);
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
  const utc = await dashboard(Q1, staffTcu);
  expect(utc.body.timeZone).toBe('UTC');
  expect(utc.body.visits.consultations).toBe(5); // the 31 March evening visit is 1 April in UTC
  const april = await dashboard('from=2026-04-01&to=2026-04-30', staffTcu);
  expect(april.body.visits.byMonth).toEqual([{ month: '2026-04', consultations: 1, peopleReached: 1 }]);
});

it('never counts outside the scope: a Guatemala supervisor sees both Guatemalan hubs and no Honduran one', async () => {
  const gt = await dashboard(`${Q1}&timeZone=America/Guatemala`, supervisorGt);
  expect(gt.body.visits.consultations).toBe(7);
  expect(gt.body.visits.topics).toContainEqual({ code: 'trafficking', count: 1 });

  const askedForHonduras = await dashboard(`${Q1}&countryCode=HN`, supervisorGt);
  expect(askedForHonduras.status).toBe(200);
  expect(askedForHonduras.body.visits.consultations).toBe(0);
  expect(askedForHonduras.body.visits.byMonth.map((m) => m.consultations)).toEqual([0, 0, 0]);

  const otherHub = await dashboard(`${Q1}&hubId=${qtz.id}`, staffTcu);
  expect(otherHub.body.visits.consultations).toBe(0);

  const all = await dashboard(`${Q1}&timeZone=America/Guatemala`);
  expect(all.body.visits.consultations).toBe(8);
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
  expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
});

it('needs a signed-in caller', async () => {
  const res = await t.request('GET', `/api/reports/dashboard?${Q1}`);
  expect(res.status).toBe(401);
});
