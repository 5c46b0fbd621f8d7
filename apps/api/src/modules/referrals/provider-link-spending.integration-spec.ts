// The provider link is no longer a 30-day, reusable credential (issue 14, gap 4). The link on the slip
// (purpose 'answer') shows the minimum and takes one accept or decline, then is spent; accepting hands
// the provider a second link (purpose 'outcome') that shows the person's identity (when consent allows)
// and takes one outcome, then is spent. A link lives until the referral's due date plus a margin.
// Replays and reuse, one by one and at once, change nothing twice.
import type { ApiError, Hub, Person, ProviderLink, ProviderLinkRespondResponse, ProviderReferralView, Referral, ReferralDetail, ServiceProvider, User } from '@mih/contracts';
import { act, referralIn, newProvider } from '../../testing/referral-fixtures';
import { createTestApp, TestApp } from '../../testing/test-app';

const GONE = { statusCode: 404, code: 'not_found', message: 'Provider link not found' };
const MARGIN_DAYS = 14;
const DAY_MS = 86_400_000;

const dayFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('provider links are spent', () => {
  let t: TestApp;
  let hub: Hub;
  let staff: { user: User; token: string };
  let reachable: Person;
  let provider: ServiceProvider;

  const newLink = (referral: Pick<Referral, 'id'>) => t.request<ProviderLink & Partial<ApiError>>('POST', `/api/referrals/${referral.id}/provider-link`, { token: staff.token });
  const view = (token: string) => t.request<ProviderReferralView & Partial<ApiError>>('POST', '/api/provider-links/view', { body: { token } });
  const respond = (token: string, action: string, comment?: string) =>
    t.request<ProviderLinkRespondResponse & Partial<ApiError>>('POST', '/api/provider-links/respond', { body: { token, action, ...(comment ? { comment } : {}) } });
  const eventsOf = async (id: string) => (await t.request<ReferralDetail>('GET', `/api/referrals/${id}`, { token: t.adminToken })).body.events.map((e) => e.kind);
  const approved = (overrides = {}) => referralIn(t, 'approved', reachable.id, provider.id, overrides);

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ countryCode: 'GT' });
    staff = await t.newUser('staff', { hubIds: [hub.id] });
    reachable = await t.newPerson(hub.id, {
      consent: { given: true, purposes: ['follow_up', 'referral'], date: '2025-03-01' },
      givenName: 'Kevin Josué',
      familyName: 'Mejía Paz',
      phone: '+504 9988 7766',
    });
    provider = await newProvider(t);
  });
  afterAll(() => t?.close());

  describe('its lifetime', () => {
    it(`runs to the end of the referral's due date plus ${MARGIN_DAYS} days, not a fixed 30 days`, async () => {
      const referral = await approved({ dueOn: dayFromToday(40) });
      const link = (await newLink(referral)).body;
      expect(link.expiresAt).toBe(`${dayFromToday(40 + MARGIN_DAYS)}T23:59:59.000Z`);
    });

    it('follows the due date: past it and the margin the link stops, moved later it works again', async () => {
      const referral = await approved({ dueOn: dayFromToday(2) });
      const link = (await newLink(referral)).body;
      // Issued a month ago, due a margin and a day ago: over.
      await t.sql("UPDATE provider_links SET created_at = now() - interval '30 days' WHERE referral_id = $1", [referral.id]);
      await t.sql('UPDATE referrals SET due_on = current_date - $2::int WHERE id = $1', [referral.id, MARGIN_DAYS + 1]);
      expect((await view(link.token)).body).toEqual(GONE);
      await t.sql('UPDATE referrals SET due_on = current_date + 3 WHERE id = $1', [referral.id]);
      expect((await view(link.token)).status).toBe(200);
    });
  });

  describe('the link on the slip', () => {
    it('says what it is for, and shows the minimum: no name, no phone, until the provider accepts', async () => {
      const referral = await approved();
      const link = (await newLink(referral)).body;
      expect(link.purpose).toBe('answer');
      const shown = (await view(link.token)).body;
      expect(shown).toMatchObject({ purpose: 'answer', allowedActions: ['accept', 'decline'], person: { name: null, phone: null } });
      expect(JSON.stringify(shown)).not.toContain('Kevin');
      expect(JSON.stringify(shown)).not.toContain('9988');
    });

    it('takes one accept, which hands over a link for the outcome and the identity; then it is spent, and a replay changes nothing', async () => {
      const referral = await approved();
      const link = (await newLink(referral)).body;
      const accepted = await respond(link.token, 'accept');
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', purpose: 'outcome', allowedActions: ['complete', 'decline'], person: { name: 'Kevin Josué Mejía Paz', phone: '+504 9988 7766' } });
      expect(accepted.body.outcomeLink).toMatchObject({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), purpose: 'outcome' });
      expect(accepted.body.outcomeLink?.token).not.toBe(link.token);

      expect((await respond(link.token, 'accept')).body).toEqual(GONE);
      expect((await respond(link.token, 'decline', 'Changed our mind')).body).toEqual(GONE);
      expect((await view(link.token)).body).toEqual(GONE);
      expect(await eventsOf(referral.id)).toEqual(['create', 'submit', 'approve', 'provider_link', 'accept']);
    });

    it('takes one decline, then is spent', async () => {
      const referral = await approved();
      const link = (await newLink(referral)).body;
      const declined = await respond(link.token, 'decline', 'No places left');
      expect(declined.body).toMatchObject({ status: 'declined', allowedActions: [] });
      expect(declined.body.outcomeLink).toBeUndefined();
      expect((await view(link.token)).body).toEqual(GONE);
    });

    it('is spent once staff record the acceptance themselves; a new link is then for the outcome', async () => {
      const referral = await approved();
      const link = (await newLink(referral)).body;
      expect((await act(t, referral, 'accept', staff.token)).status).toBe(200);
      expect((await view(link.token)).body).toEqual(GONE);
      const outcome = (await newLink(referral)).body;
      expect(outcome.purpose).toBe('outcome');
      expect((await view(outcome.token)).body).toMatchObject({ purpose: 'outcome', allowedActions: ['complete', 'decline'], person: { name: 'Kevin Josué Mejía Paz' } });
    });

    it('lets one of five accepts sent at once through: one event, one outcome link', async () => {
      const referral = await approved();
      const link = (await newLink(referral)).body;
      const answers = await Promise.all(Array.from({ length: 5 }, () => respond(link.token, 'accept')));
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 404)).toHaveLength(4);
      expect((await eventsOf(referral.id)).filter((k) => k === 'accept')).toHaveLength(1);
      expect(await t.sql("SELECT 1 FROM provider_links WHERE referral_id = $1 AND purpose = 'outcome'", [referral.id])).toHaveLength(1);
    });
  });

  describe('the link for the outcome', () => {
    const acceptedWithLink = async () => {
      const referral = await approved();
      const link = (await newLink(referral)).body;
      const answer = (await respond(link.token, 'accept')).body;
      return { referral, outcome: answer.outcomeLink as ProviderLink };
    };

    it('refuses a second accept with 409 and takes one outcome; then it is spent and a replay changes nothing', async () => {
      const { referral, outcome } = await acceptedWithLink();
      expect((await respond(outcome.token, 'accept')).status).toBe(409);
      const completed = await respond(outcome.token, 'complete', 'Enrolled');
      expect(completed.body).toMatchObject({ status: 'completed', allowedActions: [] });
      expect((await respond(outcome.token, 'complete', 'Enrolled')).body).toEqual(GONE);
      expect((await view(outcome.token)).body).toEqual(GONE);
      expect((await eventsOf(referral.id)).filter((k) => k === 'complete')).toHaveLength(1);
    });

    it('takes a decline as the outcome too, once', async () => {
      const { outcome } = await acceptedWithLink();
      expect((await respond(outcome.token, 'decline', 'Could not reach the family')).body).toMatchObject({ status: 'declined' });
      expect((await respond(outcome.token, 'decline', 'Could not reach the family')).body).toEqual(GONE);
    });

    it('is revoked, like any link, by a newer one staff issue', async () => {
      const { referral, outcome } = await acceptedWithLink();
      const newer = (await newLink(referral)).body;
      expect((await view(outcome.token)).body).toEqual(GONE);
      expect((await view(newer.token)).status).toBe(200);
    });
  });
});
