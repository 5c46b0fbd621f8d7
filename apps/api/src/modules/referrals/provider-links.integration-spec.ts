// One-time links for providers without an account: creating one (who, when, what is stored), what the
// provider sees, answering through it, and every way a token stops working — all the same 404. How a
// link is spent (one accept or decline, then one outcome) is in provider-link-spending.integration-spec.ts.
import { createHash, randomUUID } from 'node:crypto';
import type { ApiError, Hub, Person, ProviderLink, ProviderLinkRespondResponse, Referral, ReferralDetail, ServiceProvider, User } from '@mih/contracts';
import { act, newProvider, referralIn } from '../../testing/referral-fixtures';
import { createTestApp, TestApp } from '../../testing/test-app';

const GONE = { statusCode: 404, code: 'not_found', message: 'Provider link not found' };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('provider links', () => {
  let t: TestApp;
  let hub: Hub;
  let staff: { user: User; token: string };
  let otherStaff: { user: User; token: string };
  let counselor: { user: User; token: string };
  /** Consent covers referral: the provider sees name and phone. */
  let reachable: Person;
  /** Consent for follow-up only: the provider sees neither. */
  let private_: Person;
  let provider: ServiceProvider;

  const newLink = (referral: Pick<Referral, 'id'>, token = staff.token) => t.request<ProviderLink & Partial<ApiError>>('POST', `/api/referrals/${referral.id}/provider-link`, { token });
  const linkOf = async (referral: Pick<Referral, 'id'>) => {
    const response = await newLink(referral);
    expect(response.status).toBe(201);
    return response.body;
  };
  const view = (token: unknown) => t.request<ProviderLinkRespondResponse & Partial<ApiError>>('POST', '/api/provider-links/view', { body: { token } });
  const respond = (token: string, action: string, comment?: string) =>
    t.request<ProviderLinkRespondResponse & Partial<ApiError>>('POST', '/api/provider-links/respond', { body: { token, action, ...(comment ? { comment } : {}) } });
  /** Accepts through the slip's link; answers the link for the outcome it hands over. */
  const accept = async (link: ProviderLink) => (await respond(link.token, 'accept')).body.outcomeLink as ProviderLink;
  const detail = async (id: string) => (await t.request<ReferralDetail>('GET', `/api/referrals/${id}`, { token: t.adminToken })).body;
  const anonymousAudit = () =>
    t.sql<{ action: string; entity_type: string; entity_id: string | null; details: Record<string, unknown> }>(
      'SELECT action, entity_type, entity_id, details FROM audit_events WHERE actor_id IS NULL ORDER BY id',
    );

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ code: 'TCU', name: 'CIM Tecún Umán', countryCode: 'GT', municipality: 'Ayutla', phone: '+502 7776 8000', address: 'Municipalidad de Ayutla' });
    const otherHub = await t.newHub({ countryCode: 'GT' });
    [staff, otherStaff, counselor] = await Promise.all([
      t.newUser('staff', { hubIds: [hub.id] }),
      t.newUser('staff', { hubIds: [otherHub.id] }),
      t.newUser('counselor', { hubIds: [hub.id] }),
    ]);
    reachable = await t.newPerson(hub.id, {
      sex: 'male',
      nationality: 'HN',
      profile: 'in_transit',
      birthYear: undefined,
      ageBand: '12-17',
      consent: { given: true, purposes: ['follow_up', 'referral'], date: '2025-03-01' },
      givenName: 'Kevin Josué',
      familyName: 'Mejía Paz',
      phone: '+504 9988 7766',
      documentNumber: '0801-2008-00001',
    });
    private_ = await t.newPerson(hub.id, { consent: { given: true, purposes: ['follow_up'], date: '2025-03-01' }, givenName: 'Rosa', phone: '+502 4478 9012' });
    provider = await newProvider(t, { name: 'Institut du Bien-Être Social', languages: ['fr', 'es'] });
  });
  afterAll(() => t?.close());

  /** An approved referral of `person`, created by the staff member. */
  const approved = async (person = reachable) => {
    const draft = await t.request<Referral>('POST', '/api/referrals', {
      token: staff.token,
      body: { personId: person.id, serviceProviderId: provider.id, needCategory: 'child_protection', urgency: 'priority', reason: 'Unaccompanied adolescent', consentToShare: true },
    });
    const submitted = await act(t, draft.body, 'submit', staff.token);
    return (await act(t, submitted.body, 'approve')).body;
  };

  describe('POST /api/referrals/:id/provider-link', () => {
    it('answers a 32-byte base64url token, the page path with it in the fragment, what it is for and its expiry (due date + 14 days)', async () => {
      const referral = await approved();
      const link = await linkOf(referral);
      expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(link.path).toBe(`/provider#${link.token}`);
      expect(link.purpose).toBe('answer');
      const due = Date.parse(`${referral.dueOn}T00:00:00Z`);
      expect(Date.parse(link.expiresAt)).toBe(due + 15 * 86_400_000 - 1000); // the last second of the due date + 14 days
    });

    it('stores only the SHA-256 of the token; neither the database nor the audit trail holds the token', async () => {
      const referral = await approved();
      const link = await linkOf(referral);
      expect(await t.sql('SELECT token_hash FROM provider_links WHERE referral_id = $1', [referral.id])).toEqual([{ token_hash: sha256(link.token) }]);
      const dump = await t.sql("SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE '%' || $1 || '%'", [link.token]);
      expect(dump).toEqual([{ n: 0 }]);
      expect(JSON.stringify(await detail(referral.id))).not.toContain(link.token);
    });

    it("adds a 'provider_link' event and an audit event, and leaves status and version alone", async () => {
      const referral = await approved();
      await linkOf(referral);
      const after = await detail(referral.id);
      expect(after).toMatchObject({ status: 'approved', version: referral.version });
      expect(after.events.at(-1)).toMatchObject({ kind: 'provider_link', actorId: staff.user.id, fromStatus: null, toStatus: null });
      expect(await t.sql("SELECT actor_id FROM audit_events WHERE entity_type = 'provider_link' AND entity_id = $1", [referral.id])).toEqual([{ actor_id: staff.user.id }]);
    });

    it('answers 409 unless the referral is approved or accepted', async () => {
      for (const status of ['draft', 'submitted', 'returned', 'rejected', 'declined', 'completed', 'cancelled'] as const) {
        const referral = await referralIn(t, status, reachable.id, provider.id);
        const response = await newLink(referral, t.adminToken);
        expect({ status, code: response.status }).toEqual({ status, code: 409 });
      }
      expect((await newLink(await referralIn(t, 'accepted', reachable.id, provider.id), t.adminToken)).status).toBe(201);
    });

    it('answers 404 to staff of another hub and 403 to counselors', async () => {
      const referral = await approved();
      expect((await newLink(referral, otherStaff.token)).status).toBe(404);
      expect((await newLink(referral, counselor.token)).status).toBe(403);
    });
  });

  describe('POST /api/provider-links/view', () => {
    it('shows the provider the minimum data, in its language, without signing in', async () => {
      const referral = await approved();
      const link = await linkOf(referral);
      const response = await view(link.token);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        referralId: referral.id,
        purpose: 'answer',
        status: 'approved',
        needCategory: 'child_protection',
        urgency: 'priority',
        reason: 'Unaccompanied adolescent',
        dueOn: referral.dueOn,
        language: 'fr',
        // Name and phone only once the provider accepts (through the link for the outcome).
        person: { code: reachable.code, sex: 'male', ageBand: '12-17', nationality: 'HN', profile: 'in_transit', name: null, phone: null },
        provider: { name: 'Institut du Bien-Être Social' },
        hub: { name: 'CIM Tecún Umán', phone: '+502 7776 8000', address: 'Municipalidad de Ayutla', municipality: 'Ayutla', countryCode: 'GT' },
        referredBy: staff.user.displayName,
        allowedActions: ['accept', 'decline'],
      });
      expect(JSON.stringify(response.body)).not.toContain('0801-2008-00001');
    });

    it('shows name and phone after the provider accepted, when the person’s consent covers referral', async () => {
      const outcome = await accept(await linkOf(await approved()));
      expect((await view(outcome.token)).body.person).toMatchObject({ name: 'Kevin Josué Mejía Paz', phone: '+504 9988 7766' });
    });

    it('leaves out name and phone when the person’s consent does not cover referral, even after accepting', async () => {
      const outcome = await accept(await linkOf(await approved(private_)));
      expect((await view(outcome.token)).body.person).toMatchObject({ name: null, phone: null, ageBand: '25-59' });
    });

    it('audits the view with no actor, the link and the identifying fields shown (names only)', async () => {
      const referral = await approved();
      const outcome = await accept(await linkOf(referral));
      await view(outcome.token);
      const [audit] = (await anonymousAudit()).filter((a) => a.entity_id === referral.id && a.action === 'read');
      expect(audit).toMatchObject({ entity_type: 'referral', details: { viaProviderLink: true, providerLinkId: expect.any(String), shared: ['name', 'phone'] } });
      expect(JSON.stringify(audit)).not.toContain('Kevin');
    });

    it.each([
      ['a missing token', undefined],
      ['a number', 42],
      ['an empty string', ''],
      ['a very long string', 'x'.repeat(201)],
    ])('answers 400 naming token for %s', async (_, token) => {
      const response = await view(token);
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toEqual(['token']);
    });
  });

  describe('POST /api/provider-links/respond', () => {
    it('accepts, then completes with the outcome; the timeline shows answers through the link with no actor', async () => {
      const referral = await approved();
      const link = await linkOf(referral);
      const accepted = await respond(link.token, 'accept');
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', allowedActions: ['complete', 'decline'] });
      const completed = await respond((accepted.body.outcomeLink as ProviderLink).token, 'complete', 'Placed in a shelter; family tracing started');
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ status: 'completed', allowedActions: [] });
      const after = await detail(referral.id);
      expect(after).toMatchObject({ status: 'completed', outcome: 'Placed in a shelter; family tracing started' });
      expect(after.events.slice(-2)).toEqual([
        expect.objectContaining({ kind: 'accept', fromStatus: 'approved', toStatus: 'accepted', actorId: null, actorName: null, viaProviderLink: true }),
        expect.objectContaining({ kind: 'complete', fromStatus: 'accepted', toStatus: 'completed', actorId: null, viaProviderLink: true, comment: 'Placed in a shelter; family tracing started' }),
      ]);
    });

    it('declines with a reason, stored as the outcome', async () => {
      const referral = await approved();
      const link = await linkOf(referral);
      expect((await respond(link.token, 'decline', 'No places for adolescents')).body.status).toBe('declined');
      expect((await detail(referral.id)).outcome).toBe('No places for adolescents');
    });

    it('answers 400 naming comment for decline or complete without one, and 409 for an answer the link is not for', async () => {
      const link = await linkOf(await approved());
      const noComment = await respond(link.token, 'decline');
      expect(noComment.status).toBe(400);
      expect(noComment.body.errors?.map((e) => e.field)).toEqual(['comment']);
      expect((await respond(link.token, 'complete', 'Done')).status).toBe(409);
      const outcome = await accept(link); // the 400 and the 409 left the link unspent
      const noOutcome = await respond(outcome.token, 'complete');
      expect(noOutcome.status).toBe(400);
      expect(noOutcome.body.errors?.map((e) => e.field)).toEqual(['comment']);
    });

    it.each([
      ['action', { action: 'approve' }],
      ['action', { action: undefined }],
      ['comment', { action: 'decline', comment: 7 }],
      ['referralId', { action: 'accept', referralId: randomUUID() }],
    ])('answers 400 naming %s for %j', async (field, extra) => {
      const link = await linkOf(await approved());
      const response = await t.request<ApiError>('POST', '/api/provider-links/respond', { body: { token: link.token, ...extra } });
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toEqual([field]);
    });
  });

  describe('a token that no longer opens its referral answers the same 404', () => {
    it('when used up: the referral reached a final status', async () => {
      const link = await linkOf(await approved());
      const outcome = await accept(link);
      await respond(outcome.token, 'complete', 'Done');
      for (const token of [link.token, outcome.token]) {
        expect((await view(token)).body).toEqual(GONE);
        expect((await respond(token, 'decline', 'Again')).body).toEqual(GONE);
      }
    });

    it('when expired: issued long ago, past the due date and the margin', async () => {
      const referral = await approved();
      const link = await linkOf(referral);
      await t.sql("UPDATE provider_links SET created_at = now() - interval '40 days' WHERE referral_id = $1", [referral.id]);
      await t.sql('UPDATE referrals SET due_on = current_date - 15 WHERE id = $1', [referral.id]);
      expect((await view(link.token)).body).toEqual(GONE);
      expect((await respond(link.token, 'accept')).body).toEqual(GONE);
      expect((await detail(referral.id)).status).toBe('approved');
    });

    it('when revoked by a newer link, which works', async () => {
      const referral = await approved();
      const first = await linkOf(referral);
      const second = await linkOf(referral);
      expect((await view(first.token)).body).toEqual(GONE);
      expect((await view(second.token)).status).toBe(200);
    });

    it('when tampered with, unknown, or staff cancelled the referral', async () => {
      const referral = await approved();
      const link = await linkOf(referral);
      const flipped = link.token.slice(0, -1) + (link.token.endsWith('A') ? 'B' : 'A');
      expect((await view(flipped)).body).toEqual(GONE);
      expect((await view(link.token.slice(0, 20))).body).toEqual(GONE);
      expect((await view('not-a-token')).body).toEqual(GONE);
      await act(t, referral, 'cancel', staff.token);
      expect((await view(link.token)).body).toEqual(GONE);
    });

    it("lets a token act only on its own referral: another referral's token changes that one alone", async () => {
      const mine = await approved();
      const other = await approved();
      await linkOf(mine);
      const otherLink = await linkOf(other);
      const response = await respond(otherLink.token, 'accept');
      expect(response.body.referralId).toBe(other.id);
      expect((await detail(other.id)).status).toBe('accepted');
      expect((await detail(mine.id)).status).toBe('approved');
    });

    it('audits every refusal with no actor and why, without the token', async () => {
      const referral = await approved();
      const link = await linkOf(referral);
      await linkOf(referral); // revokes the first
      const before = (await anonymousAudit()).length;
      await view(link.token);
      await view('unknown-token');
      const refusals = (await anonymousAudit()).slice(before);
      expect(refusals).toEqual([
        { action: 'read', entity_type: 'provider_link', entity_id: referral.id, details: { use: 'view', refused: 'revoked', providerLinkId: expect.any(String) } },
        { action: 'read', entity_type: 'provider_link', entity_id: null, details: { use: 'view', refused: 'unknown_token' } },
      ]);
      expect(JSON.stringify(refusals)).not.toContain(link.token);
    });
  });

  it('audits every answer through the link with no actor', async () => {
    const referral = await approved();
    const link = await linkOf(referral);
    await respond(link.token, 'accept');
    const answers = (await anonymousAudit()).filter((a) => a.entity_id === referral.id && a.action === 'update');
    expect(answers).toEqual([
      expect.objectContaining({ entity_type: 'referral', details: expect.objectContaining({ action: 'accept', from: 'approved', to: 'accepted', viaProviderLink: true }) }),
    ]);
  });
});
