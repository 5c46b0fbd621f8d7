// The demo outreach: counselors with profiles, months of activities, and a Tecún Umán inbox with a case
// waiting past 48 hours — all readable through the API in the demo accounts' scope.
import type { Activity, ActivityTotals, Case, Counselor, Page, SentCase } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

const DEMO_PASSWORD = 'Demo-password-1';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ SEED_DEMO: 'true', DEMO_PASSWORD });
});
afterAll(() => t.close());

it('lets the TCU counselor sign in and see their own activities and the status of their cases', async () => {
  const { accessToken, user } = await t.login('counselor@example.org', DEMO_PASSWORD);
  const activities = await t.request<Page<Activity>>('GET', '/api/activities?limit=200', { token: accessToken });
  expect(activities.body.items.length).toBeGreaterThan(10);
  expect(activities.body.items.every((a) => a.createdBy === user.id || a.counselors.some((c) => c.id === user.id))).toBe(true);
  const cases = await t.request<Page<SentCase>>('GET', '/api/cases', { token: accessToken });
  expect(new Set(cases.body.items.map((c) => c.status))).toEqual(new Set(['new', 'in_progress', 'closed']));
  expect(cases.body.items[0]).not.toHaveProperty('description');
});

it('gives the TCU staff an inbox, oldest first, with one case overdue', async () => {
  const { accessToken } = await t.login('staff@example.org', DEMO_PASSWORD);
  const inbox = await t.request<Page<Case>>('GET', '/api/cases?inbox=true', { token: accessToken });
  expect(inbox.body.items.length).toBeGreaterThanOrEqual(3);
  expect(inbox.body.items.filter((c) => c.overdue)).toHaveLength(1);
  const created = inbox.body.items.map((c) => c.createdAt);
  expect(created).toEqual([...created].sort());
  for (const c of inbox.body.items) expect((await t.request('GET', `/api/cases/${c.id}`, { token: accessToken })).status).toBe(200);
});

it('totals months of activities for the supervisor, and lists the roster with profiles', async () => {
  const { accessToken } = await t.login('supervisor@example.org', DEMO_PASSWORD);
  const totals = await t.request<ActivityTotals>('GET', '/api/activities/totals', { token: accessToken });
  expect(totals.body.activities).toBeGreaterThan(50);
  expect(totals.body.total).toBe(totals.body.female + totals.body.male + totals.body.participants.other);
  const counselors = await t.request<Page<Counselor>>('GET', '/api/counselors', { token: accessToken });
  expect(counselors.body.items.map((c) => c.displayName)).toEqual(['Carmen López', 'Lucía Xicará', 'Rosa Tzul']);
  expect(counselors.body.items.every((c) => c.community && c.trainedOn && c.languages.length > 0)).toBe(true);
  await expect(t.login('counselor.tcu2@example.org', DEMO_PASSWORD)).resolves.toHaveProperty('accessToken');
});
