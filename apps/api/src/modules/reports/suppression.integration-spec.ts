// Complementary suppression of the real outputs (issue 14, gap 2): the dashboard export (every role)
// and the dashboard API of non-admins — which the printed quarter in numbers is made of — read from
// seeded data, then attacked: every published equation (breakdowns adding up to their totals) tried by
// subtraction, and by the bounds of the marks. Nothing may come out. Admins' API keeps every count.
import type { Dashboard, Hub } from '@mih/contracts';
import { csvRecords, download } from '../../testing/export-files';
import { newProvider, referralIn } from '../../testing/referral-fixtures';
import { Equation, Published, subtractionAttack } from '../../testing/subtraction-attack';
import { createTestApp, TestApp } from '../../testing/test-app';

let t: TestApp;
let hub: Hub;
let staff: string;
let supervisor: string;

const Q1 = 'from=2026-01-01&to=2026-03-31';

beforeAll(async () => {
  t = await createTestApp();
  hub = await t.newHub({ countryCode: 'GT', name: 'CIM Quetzaltenango' });
  staff = (await t.newUser('staff', { hubIds: [hub.id] })).token;
  supervisor = (await t.newUser('supervisor', { countryCodes: ['GT'] })).token;
  // Q1: seven Guatemalan women (documents, in person, February), one Honduran man in transit (phone, March),
  // six more women from El Salvador in January: every breakdown has one small group next to its total.
  for (let i = 0; i < 7; i++) await t.newVisit(hub.id, { occurredAt: `2026-02-0${i + 1}T15:00:00Z`, topics: ['documents'] });
  await t.newVisit(hub.id, { occurredAt: '2026-03-02T15:00:00Z', sex: 'male', ageBand: '18-24', nationality: 'HN', profile: 'in_transit', channel: 'phone', topics: ['trafficking'] });
  for (let i = 0; i < 6; i++) await t.newVisit(hub.id, { occurredAt: `2026-01-1${i}T15:00:00Z`, nationality: 'SV', topics: ['documents'] });
  // An outreach activity with three boys among 35 participants, and a second one with 6.
  for (const participants of [{ girls: 12, boys: 3, women: 20, men: 0, other: 0 }, { girls: 0, boys: 0, women: 6, men: 0, other: 0 }]) {
    const created = await t.request('POST', '/api/activities', {
      token: staff,
      body: { hubId: hub.id, type: 'school_talk', occurredOn: '2026-02-03', place: 'Escuela', participants, topics: ['irregular_migration_risks'] },
    });
    expect(created.status).toBe(201);
  }
  // Six referrals submitted: five for legal aid, one for child protection.
  const person = await t.newPerson(hub.id);
  const provider = await newProvider(t, { needCategories: ['legal_aid', 'child_protection'] });
  for (const needCategory of ['legal_aid', 'legal_aid', 'legal_aid', 'legal_aid', 'legal_aid', 'child_protection'] as const) {
    await referralIn(t, 'submitted', person.id, provider.id, { needCategory });
  }
  // The referrals were submitted today: make them Q1's.
  await t.sql(`UPDATE referrals SET submitted_at = '2026-02-15T15:00:00Z' WHERE hub_id = $1`, [hub.id]);
});
afterAll(() => t.close());

/** The export's published table: one cell per (section, code), and the equations a reader knows. */
function exportTable(records: string[][]): { cells: Published[]; equations: Equation[] } {
  const rows = records.slice(1);
  const cells = rows.map((r) => (/^\d+$/.test(r[3]) ? Number(r[3]) : r[3]));
  const at = (section: string, code: string) => rows.findIndex((r) => r[0] === section && r[1] === code);
  const all = (section: string) => rows.flatMap((r, i) => (r[0] === section ? [i] : []));
  const equations: Equation[] = [
    ...['peopleByCountry', 'peopleBySex', 'peopleByAgeBand', 'peopleByProfile', 'peopleByNationality'].map((s) => ({ cells: all(s), total: at('visitTotals', 'peopleReached') })),
    ...['consultationsByChannel', 'consultationsByMonth'].map((s) => ({ cells: all(s), total: at('visitTotals', 'consultations') })),
    ...['activitiesByType', 'activitiesByMonth'].map((s) => ({ cells: all(s), total: at('activityTotals', 'activities') })),
    ...['participantsByGroup', 'participantsByActivityType', 'participantsByMonth'].map((s) => ({ cells: all(s), total: at('activityTotals', 'participants') })),
    { cells: all('referralsByNeed'), total: at('referralFunnel', 'submitted') },
  ];
  for (const e of equations) if (e.total < 0 || e.cells.length === 0) throw new Error(`the spec's table is missing a row: ${JSON.stringify(e)}`);
  return { cells, equations };
}

/** The API's published table, read the same way from the JSON. */
function apiTable(d: Dashboard): { cells: Published[]; equations: Equation[] } {
  const cells: Published[] = [];
  const add = (count: Published) => cells.push(count) - 1;
  const list = (items: { count: Published }[]) => items.map((item) => add(item.count));
  const { visits: v, activities: a, referrals: r } = d;
  const people = add(v.peopleReached);
  const consultations = add(v.consultations);
  const activities = add(a.activities);
  const participants = add(a.participants.total);
  const submitted = add(r.submitted);
  return {
    cells,
    equations: [
      ...[v.byCountry, v.bySex, v.byAgeBand, v.byProfile, v.byNationality].map((items) => ({ cells: list(items), total: people })),
      { cells: list(v.channels), total: consultations },
      { cells: v.byMonth.map((m) => add(m.consultations)), total: consultations },
      { cells: list(a.byType), total: activities },
      { cells: a.byMonth.map((m) => add(m.activities)), total: activities },
      { cells: (['girls', 'boys', 'women', 'men', 'other'] as const).map((g) => add(a.participants[g])), total: participants },
      { cells: a.byType.map((x) => add(x.participants)), total: participants },
      { cells: a.byMonth.map((m) => add(m.participants)), total: participants },
      { cells: list(r.byNeed), total: submitted },
    ],
  };
}

describe('the dashboard export', () => {
  it.each([
    ['staff', () => staff],
    ['a supervisor', () => supervisor],
    ['an admin', () => t.adminToken],
  ])('gives %s nothing that subtraction recovers', async (_, token) => {
    const file = await download(t, 'GET', `/api/exports/dashboard.csv?${Q1}&hubId=${hub.id}&codes=true`, token());
    expect(file.status).toBe(200);
    const { cells, equations } = exportTable(await csvRecords(file.bytes));
    expect(cells).toContain('<5'); // the data has small counts, so the attack has something to try
    expect(subtractionAttack(cells, equations)).toEqual([]);
  });

  it('withholds the next smallest count beside a "<5": the women beside the one man', async () => {
    const records = await csvRecords((await download(t, 'GET', `/api/exports/dashboard.csv?${Q1}&hubId=${hub.id}&codes=true`, staff)).bytes);
    expect(records.filter((r) => r[0] === 'peopleBySex').map((r) => [r[1], r[3]])).toEqual([['female', 'x'], ['male', '<5']]);
    expect(records).toContainEqual(['visitTotals', 'peopleReached', 'peopleReached', '14']);
  });
});

describe('the dashboard API (and so the quarter in numbers)', () => {
  it.each([
    ['staff', () => staff],
    ['a supervisor', () => supervisor],
  ])('gives %s nothing that subtraction recovers', async (_, token) => {
    const res = await t.request<Dashboard>('GET', `/api/reports/dashboard?${Q1}&hubId=${hub.id}`, { token: token() });
    expect(res.status).toBe(200);
    const { cells, equations } = apiTable(res.body);
    expect(cells).toContain('<5');
    expect(subtractionAttack(cells, equations)).toEqual([]);
  });

  it('gives admins every count', async () => {
    const res = await t.request<Dashboard>('GET', `/api/reports/dashboard?${Q1}&hubId=${hub.id}`, { token: t.adminToken });
    expect(res.body.visits.bySex).toEqual([{ code: 'female', count: 13 }, { code: 'male', count: 1 }]);
    expect(res.body.activities.participants).toEqual({ girls: 12, boys: 3, women: 26, men: 0, other: 0, total: 41 });
  });
});
