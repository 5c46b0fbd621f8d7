// The demo providers and referrals `npm start` loads: valid through the API, consistent with the state
// machine, and giving each demo account something to do (a review queue, answers, an overdue follow-up).
import { Page, REFERRAL_TRANSITIONS, Referral, ReferralAction, ReferralDetail, ServiceProvider, UnreadCount } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

const DEMO_PASSWORD = 'Demo-password-1';
let t: TestApp;
const tokenOf = async (email: string) => (await t.login(email, DEMO_PASSWORD)).accessToken;

beforeAll(async () => {
  t = await createTestApp({ SEED_DEMO: 'true', DEMO_PASSWORD });
});
afterAll(() => t.close());

it('lists service providers in every demo country, with need codes of the reference list', async () => {
  const token = await tokenOf('staff@example.org');
  const providers = (await t.request<Page<ServiceProvider>>('GET', '/api/service-providers?limit=200', { token })).body.items;
  const countries = new Set(providers.flatMap((p) => p.countryCodes));
  for (const country of ['GT', 'HN', 'SV', 'MX', 'CR', 'PA', 'DO', 'HT', 'BZ']) expect(countries).toContain(country);
  const [{ unknown }] = await t.sql(
    "SELECT count(*)::int AS unknown FROM service_providers, unnest(need_categories) AS n(code) WHERE code NOT IN (SELECT code FROM reference_items WHERE list = 'needCategories')",
  );
  expect(unknown).toBe(0);
  const haitian = providers.filter((p) => p.countryCodes.includes('HT'));
  expect(haitian.every((p) => p.languages[0] === 'fr')).toBe(true);
  const nearTecunUman = (await t.request<Page<ServiceProvider>>('GET', '/api/service-providers?countryCode=GT&municipality=Ayutla&needCategory=shelter', { token })).body;
  expect(nearTecunUman.items.map((p) => p.name)).toContain('Casa del Migrante Tecún Umán');
});

it('gives the Guatemala supervisor a review queue and the Tecún Umán staff referrals in several states', async () => {
  const queue = (await t.request<Page<Referral>>('GET', '/api/referrals?queue=review', { token: await tokenOf('supervisor@example.org') })).body.items;
  expect(queue.length).toBeGreaterThanOrEqual(2);
  expect(queue[0].urgency).toBe('priority');

  const staffToken = await tokenOf('staff@example.org');
  const mine = (await t.request<Page<Referral>>('GET', '/api/referrals', { token: staffToken })).body.items;
  expect(new Set(mine.map((r) => r.status))).toEqual(new Set(['draft', 'submitted', 'returned', 'approved', 'accepted', 'completed']));
  expect(mine.some((r) => r.overdue)).toBe(true);
  expect((await t.request<UnreadCount>('GET', '/api/notifications/unread-count', { token: staffToken })).body.count).toBeGreaterThan(0);
  expect((await t.request<Page<Referral>>('GET', '/api/referrals', { token: await tokenOf('staff2@example.org') })).body.items.length).toBe(1);
});

it('writes timelines the state machine allows, ending in each referral’s status', async () => {
  const token = await tokenOf('admin@example.org');
  const all = (await t.request<Page<Referral>>('GET', '/api/referrals?limit=200', { token })).body.items;
  expect(all.length).toBeGreaterThanOrEqual(8);
  for (const referral of all) {
    const detail = (await t.request<ReferralDetail>('GET', `/api/referrals/${referral.id}`, { token })).body;
    let status = 'draft';
    for (const event of detail.events.filter((e) => e.toStatus && e.kind !== 'create')) {
      expect(REFERRAL_TRANSITIONS[event.kind as ReferralAction].from).toContain(status);
      expect(event.fromStatus).toBe(status);
      status = event.toStatus as string;
    }
    expect(status).toBe(referral.status);
  }
});
