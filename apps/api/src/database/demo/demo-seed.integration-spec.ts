// The demo `npm start` loads: every seeder's records are valid through the API, in the demo accounts' scope.
import type { Page, Person, PersonDetail, Visit } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

const DEMO_PASSWORD = 'Demo-password-1';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ SEED_DEMO: 'true', DEMO_PASSWORD });
});
afterAll(() => t.close());

it('loads the demo hubs and accounts once', async () => {
  const [{ hubs }] = await t.sql<{ hubs: number }>('SELECT count(*)::int AS hubs FROM hubs');
  expect(hubs).toBe(17);
  for (const email of ['admin@example.org', 'supervisor@example.org', 'staff@example.org', 'staff2@example.org', 'counselor@example.org']) {
    await expect(t.login(email, DEMO_PASSWORD)).resolves.toHaveProperty('accessToken');
  }
});

it('gives the Tecún Umán staff persons to search and follow-ups due today', async () => {
  const { accessToken } = await t.login('staff@example.org', DEMO_PASSWORD);
  // A typo and no accents: the demo persons are searchable like any other.
  const found = await t.request<Page<Person>>('GET', '/api/persons?q=maria coyoi', { token: accessToken });
  expect(found.status).toBe(200);
  expect(found.body.items.map((p) => p.code)).toEqual(['GT-TCU-000001']);

  const person = await t.request<PersonDetail>('GET', `/api/persons/${found.body.items[0].id}`, { token: accessToken });
  expect(person.body.visits).toHaveLength(2);
  expect(person.body.identifying.givenName).not.toBe('María Elena'); // masked

  const due = await t.request<Page<Visit>>('GET', '/api/visits?followUpDue=true', { token: accessToken });
  expect(due.body.items.length).toBeGreaterThanOrEqual(2);
  expect(new Set(due.body.items.map((v) => v.hubId)).size).toBe(1); // their hub only
});

it('numbers person codes on from the demo persons', async () => {
  const [tcu] = await t.sql<{ id: string; next: number }>("SELECT id, next_person_number AS next FROM hubs WHERE code = 'TCU'");
  const [{ persons }] = await t.sql<{ persons: number }>('SELECT count(*)::int AS persons FROM persons WHERE hub_id = $1', [tcu.id]);
  expect(tcu.next).toBe(persons + 1);
  const person = await t.newPerson(tcu.id);
  expect(person.code).toBe(`GT-TCU-${String(persons + 1).padStart(6, '0')}`);
});
