// The referral state machine over HTTP: every action from every status (allowed and refused), who may
// take which action, comments and outcomes, emergencies, stale versions and concurrent approvals.
import { randomUUID } from 'node:crypto';
import {
  ApiError,
  Hub,
  Person,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  REFERRAL_TRANSITIONS,
  Referral,
  ReferralAction,
  ReferralDetail,
  ReferralStatus,
  Role,
  ServiceProvider,
} from '@mih/contracts';
import { act, commentFor, newProvider, newReferral, referralIn } from '../../testing/referral-fixtures';
import { createTestApp, TestApp } from '../../testing/test-app';

const CASES = REFERRAL_STATUSES.flatMap((status) => REFERRAL_ACTIONS.map((action) => [status, action] as [ReferralStatus, ReferralAction]));

describe('referral transitions', () => {
  let t: TestApp;
  let hub: Hub;
  let person: Person;
  let provider: ServiceProvider;
  const tokens = {} as Record<Role | 'otherStaff' | 'otherSupervisor', string>;

  const eventsOf = (id: string) =>
    t.sql<{ kind: string; from_status: string | null; to_status: string | null; actor_id: string | null; comment: string | null }>(
      'SELECT kind, from_status, to_status, actor_id, comment FROM referral_events WHERE referral_id = $1 ORDER BY id',
      [id],
    );
  const detail = async (id: string) => (await t.request<ReferralDetail>('GET', `/api/referrals/${id}`, { token: t.adminToken })).body;

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ countryCode: 'GT' });
    const otherHub = await t.newHub({ countryCode: 'GT' });
    const [staff, supervisor, counselor, otherStaff, otherSupervisor] = await Promise.all([
      t.newUser('staff', { hubIds: [hub.id] }),
      t.newUser('supervisor', { hubIds: [hub.id] }),
      t.newUser('counselor', { hubIds: [hub.id] }),
      t.newUser('staff', { hubIds: [otherHub.id] }),
      t.newUser('supervisor', { countryCodes: ['HN'] }),
    ]);
    Object.assign(tokens, {
      admin: t.adminToken,
      supervisor: supervisor.token,
      staff: staff.token,
      counselor: counselor.token,
      otherStaff: otherStaff.token,
      otherSupervisor: otherSupervisor.token,
    });
    person = await t.newPerson(hub.id);
    provider = await newProvider(t);
  });
  afterAll(() => t?.close());

  describe('every action from every status', () => {
    it.each(CASES)('from %s, %s', async (status, action) => {
      const referral = await referralIn(t, status, person.id, provider.id);
      const eventsBefore = (await eventsOf(referral.id)).length;
      const response = await act(t, referral, action, t.adminToken, commentFor(action));
      const { from, to } = REFERRAL_TRANSITIONS[action];
      if (from.includes(status)) {
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ status: to, version: referral.version + 1 });
        const events = await eventsOf(referral.id);
        expect(events).toHaveLength(eventsBefore + 1);
        expect(events.at(-1)).toMatchObject({ kind: action, from_status: status, to_status: to, comment: commentFor(action) ?? null });
      } else {
        expect(response.status).toBe(409);
        expect(response.body).toEqual({ statusCode: 409, code: 'conflict', message: `The action '${action}' is not allowed on a referral that is ${status}` });
        expect(await eventsOf(referral.id)).toHaveLength(eventsBefore);
        expect((await detail(referral.id)).version).toBe(referral.version);
      }
    });
  });

  describe('who may take which action', () => {
    const ROLES = ['admin', 'supervisor', 'staff', 'counselor'] as const;
    const allowed = (role: Role, action: ReferralAction) =>
      role === 'admin' || role === 'supervisor' || (role === 'staff' && !['approve', 'return', 'reject'].includes(action));
    const MATRIX = ROLES.flatMap((role) => REFERRAL_ACTIONS.map((action) => [role, action] as [Role, ReferralAction]));

    it.each(MATRIX)('%s: %s', async (role, action) => {
      const referral = await referralIn(t, REFERRAL_TRANSITIONS[action].from[0], person.id, provider.id);
      const response = await act(t, referral, action, tokens[role], commentFor(action));
      expect(response.status).toBe(allowed(role, action) ? 200 : 403);
      if (!allowed(role, action)) expect((response.body as unknown as ApiError).code).toBe('forbidden');
    });

    it.each(REFERRAL_ACTIONS)('answers 404 to staff of another hub and a supervisor of another country: %s', async (action) => {
      const referral = await referralIn(t, REFERRAL_TRANSITIONS[action].from[0], person.id, provider.id);
      for (const token of [tokens.otherStaff, tokens.otherSupervisor]) {
        const response = await act(t, referral, action, token, commentFor(action));
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Referral not found' });
      }
    });

    it('records staff taking the provider’s answer by phone as their own event', async () => {
      const referral = await referralIn(t, 'approved', person.id, provider.id);
      expect((await act(t, referral, 'accept', tokens.staff)).status).toBe(200);
      expect((await detail(referral.id)).events.at(-1)).toMatchObject({ kind: 'accept', viaProviderLink: false, actorId: expect.any(String), actorName: expect.any(String) });
    });
  });

  describe('comments and outcomes', () => {
    it.each(['return', 'reject', 'decline', 'complete'] as ReferralAction[])('answers 400 naming comment when %s has none, or a blank one', async (action) => {
      const referral = await referralIn(t, REFERRAL_TRANSITIONS[action].from[0], person.id, provider.id);
      for (const comment of [undefined, '   ', null]) {
        const body = comment === undefined ? { version: referral.version } : { version: referral.version, comment };
        const response = await t.request<ApiError>('POST', `/api/referrals/${referral.id}/${action}`, { token: t.adminToken, body });
        expect(response.status).toBe(400);
        expect(response.body.errors?.map((e) => e.field)).toEqual(['comment']);
      }
      expect((await detail(referral.id)).version).toBe(referral.version);
    });

    it.each([
      ['complete', 'Enrolled in the programme'],
      ['decline', 'No places left'],
      ['reject', 'Wrong provider for this need'],
    ] as [ReferralAction, string][])('stores the comment of %s as the outcome', async (action, comment) => {
      const referral = await referralIn(t, REFERRAL_TRANSITIONS[action].from[0], person.id, provider.id);
      const response = await act(t, referral, action, t.adminToken, comment);
      expect(response.body.outcome).toBe(comment);
    });

    it('keeps the comment of a return on the timeline only, and a resubmission takes a new submittedAt', async () => {
      const referral = await referralIn(t, 'submitted', person.id, provider.id);
      const returned = (await act(t, referral, 'return', tokens.supervisor, 'Add the child’s age')).body;
      expect(returned).toMatchObject({ status: 'returned', outcome: null });
      expect((await detail(referral.id)).events.at(-1)).toMatchObject({ kind: 'return', comment: 'Add the child’s age' });
      const resubmitted = (await act(t, returned, 'submit', tokens.staff)).body;
      expect(resubmitted.status).toBe('submitted');
      expect(Date.parse(resubmitted.submittedAt as string)).toBeGreaterThan(Date.parse(referral.submittedAt as string));
    });

    it('answers 400 naming comment for one longer than 2000 characters', async () => {
      const referral = await referralIn(t, 'accepted', person.id, provider.id);
      const response = await act(t, referral, 'complete', t.adminToken, 'x'.repeat(2001));
      expect(response.status).toBe(400);
    });
  });

  describe('emergencies', () => {
    it('go from submit straight to approved: a submit event by the author, then an approve event by the system', async () => {
      const referral = await newReferral(t, person.id, provider.id, { urgency: 'emergency' }, tokens.staff);
      const response = await act(t, referral, 'submit', tokens.staff);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'approved', version: 2, submittedAt: expect.any(String) });
      const events = (await detail(referral.id)).events;
      expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus, e.actorId === null, e.viaProviderLink])).toEqual([
        ['create', null, 'draft', false, false],
        ['submit', 'draft', 'submitted', false, false],
        ['approve', 'submitted', 'approved', true, false],
      ]);
    });

    it('are not in the review queue', async () => {
      const referral = await newReferral(t, person.id, provider.id, { urgency: 'emergency' }, tokens.staff);
      await act(t, referral, 'submit', tokens.staff);
      const queue = (await t.request('GET', '/api/referrals?queue=review&limit=200', { token: tokens.supervisor })).body;
      expect(queue.items.map((r: Referral) => r.id)).not.toContain(referral.id);
    });
  });

  describe('versions and concurrency', () => {
    it('answers 409 stale_version for an old version, with a message other than an illegal transition’s', async () => {
      const referral = await referralIn(t, 'submitted', person.id, provider.id);
      const response = await act(t, { id: referral.id, version: referral.version - 1 }, 'approve');
      expect(response.status).toBe(409);
      expect(response.body).toEqual({ statusCode: 409, code: 'stale_version', message: 'Referral was changed by someone else; reload it and try again' });
    });

    it('answers stale_version rather than an illegal transition when the version is old as well', async () => {
      const referral = await referralIn(t, 'completed', person.id, provider.id);
      const response = await act(t, { id: referral.id, version: 1 }, 'approve');
      expect((response.body as unknown as ApiError).code).toBe('stale_version');
    });

    it('lets exactly one of 10 parallel approvals win: one 200, nine 409, one approve event', async () => {
      const referral = await referralIn(t, 'submitted', person.id, provider.id);
      const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => act(t, referral, 'approve', i % 2 ? tokens.supervisor : t.adminToken)));
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      expect(responses.filter((r) => r.status === 409)).toHaveLength(9);
      expect(responses.filter((r) => r.status === 409).every((r) => (r.body as unknown as ApiError).code === 'stale_version')).toBe(true);
      const events = await eventsOf(referral.id);
      expect(events.filter((e) => e.kind === 'approve')).toHaveLength(1);
      expect((await detail(referral.id)).version).toBe(referral.version + 1);
    });

    it('lets one of an approval and a rejection sent at once win', async () => {
      const referral = await referralIn(t, 'submitted', person.id, provider.id);
      const responses = await Promise.all([act(t, referral, 'approve'), act(t, referral, 'reject', t.adminToken, 'No')]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await eventsOf(referral.id)).filter((e) => ['approve', 'reject'].includes(e.kind))).toHaveLength(1);
    });
  });

  describe('bad requests', () => {
    it('answers 404 for an action that does not exist and for an unknown referral', async () => {
      const referral = await referralIn(t, 'draft', person.id, provider.id);
      expect((await act(t, referral, 'publish' as ReferralAction)).status).toBe(404);
      expect((await act(t, { id: randomUUID(), version: 1 }, 'submit')).status).toBe(404);
    });

    it.each([
      ['version', {}],
      ['version', { version: 'one' }],
      ['version', { version: 0 }],
      ['comment', { version: 1, comment: 5 }],
      ['extra', { version: 1, extra: true }],
    ])('answers 400 naming %s for %j', async (field, body) => {
      const referral = await referralIn(t, 'draft', person.id, provider.id);
      const response = await t.request<ApiError>('POST', `/api/referrals/${referral.id}/submit`, { token: t.adminToken, body });
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.field)).toEqual([field]);
    });
  });
});
