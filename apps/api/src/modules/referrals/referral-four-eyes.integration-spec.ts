// Four eyes on referrals (issue 14, gap 3): whoever wrote or submitted a referral never approves it; a
// returned referral always goes back to review, whatever its new urgency; an emergency that skips review
// says so on the referral, in its timeline, in the list and in the audit trail.
import type { ApiError, AuditEvent, Hub, Page, Person, Referral, ReferralDetail, ServiceProvider, User } from '@mih/contracts';
import { act, newProvider, newReferral } from '../../testing/referral-fixtures';
import { createTestApp, TestApp } from '../../testing/test-app';

describe('four eyes on referrals', () => {
  let t: TestApp;
  let hub: Hub;
  let person: Person;
  let provider: ServiceProvider;
  let staff: { user: User; token: string };
  let supervisor: { user: User; token: string };
  let otherSupervisor: { user: User; token: string };
  let otherAdmin: { user: User; token: string };

  const detail = async (id: string, token = t.adminToken) => (await t.request<ReferralDetail>('GET', `/api/referrals/${id}`, { token })).body;
  const patch = (referral: Referral, body: Record<string, unknown>, token = staff.token) =>
    t.request<Referral>('PATCH', `/api/referrals/${referral.id}`, { token, body: { version: referral.version, ...body } });

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ countryCode: 'GT' });
    [staff, supervisor, otherSupervisor, otherAdmin] = await Promise.all([
      t.newUser('staff', { hubIds: [hub.id] }),
      t.newUser('supervisor', { hubIds: [hub.id] }),
      t.newUser('supervisor', { countryCodes: ['GT'] }),
      t.newUser('admin'),
    ]);
    person = await t.newPerson(hub.id);
    provider = await newProvider(t, { needCategories: ['child_protection', 'legal_aid', 'health'] });
  });
  afterAll(() => t?.close());

  describe('the approver is never the author', () => {
    it('answers 403 approver_is_author to a supervisor approving a referral they wrote, and changes nothing', async () => {
      const draft = await newReferral(t, person.id, provider.id, {}, supervisor.token);
      const submitted = (await act(t, draft, 'submit', supervisor.token)).body;
      const response = await act(t, submitted, 'approve', supervisor.token);
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ statusCode: 403, code: 'approver_is_author', message: 'Someone other than the author of a referral must approve it' });
      const after = await detail(submitted.id);
      expect(after).toMatchObject({ status: 'submitted', version: submitted.version });
      expect(after.events.map((e) => e.kind)).toEqual(['create', 'submit']);
      expect((await act(t, submitted, 'approve', otherSupervisor.token)).status).toBe(200);
    });

    it('holds for admins too', async () => {
      const draft = await newReferral(t, person.id, provider.id, {}, t.adminToken);
      const submitted = (await act(t, draft, 'submit', t.adminToken)).body;
      expect((await act(t, submitted, 'approve', t.adminToken)).body).toMatchObject({ statusCode: 403, code: 'approver_is_author' });
      expect((await act(t, submitted, 'approve', otherAdmin.token)).status).toBe(200);
    });

    it('counts whoever submitted it as an author (a supervisor who took over a colleague’s draft)', async () => {
      const draft = await newReferral(t, person.id, provider.id, {}, staff.token);
      const reassigned = (await patch(draft, { assignedTo: supervisor.user.id })).body;
      const submitted = (await act(t, reassigned, 'submit', supervisor.token)).body;
      expect((await act(t, submitted, 'approve', supervisor.token)).body).toMatchObject({ statusCode: 403, code: 'approver_is_author' });
      expect((await act(t, submitted, 'approve', otherSupervisor.token)).status).toBe(200);
    });

    it('lets the author still return, reject or cancel their own referral (nothing goes out without a second person)', async () => {
      const draft = await newReferral(t, person.id, provider.id, {}, supervisor.token);
      const submitted = (await act(t, draft, 'submit', supervisor.token)).body;
      expect((await act(t, submitted, 'return', supervisor.token, 'Rethink')).status).toBe(200);
    });
  });

  describe('a returned referral goes back to review', () => {
    const returned = async (overrides = {}) => {
      const draft = await newReferral(t, person.id, provider.id, overrides, staff.token);
      const submitted = (await act(t, draft, 'submit', staff.token)).body;
      return (await act(t, submitted, 'return', supervisor.token, 'Add details')).body;
    };

    it('when its urgency was raised to emergency: submitted, in the review queue, not approved', async () => {
      const raised = (await patch(await returned(), { urgency: 'emergency' })).body;
      expect(raised.urgency).toBe('emergency');
      const response = await act(t, raised, 'submit', staff.token);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'submitted', reviewSkipped: false });
      const queue = (await t.request<Page<Referral>>('GET', '/api/referrals?queue=review&limit=200', { token: supervisor.token })).body;
      expect(queue.items[0]?.id).toBe(raised.id); // the most urgent first
      expect((await detail(raised.id)).events.map((e) => e.kind)).toEqual(['create', 'submit', 'return', 'update', 'submit']);
    });

    it('when its need category changed', async () => {
      const changed = (await patch(await returned(), { needCategory: 'health' })).body;
      expect((await act(t, changed, 'submit', staff.token)).body).toMatchObject({ status: 'submitted', needCategory: 'health' });
    });

    it('when a priority referral comes back as an emergency with a new reason', async () => {
      const referral = await returned({ urgency: 'priority' });
      const emergency = (await patch(referral, { urgency: 'emergency', reason: 'Worse now' })).body;
      expect((await act(t, emergency, 'submit', staff.token)).body).toMatchObject({ status: 'submitted' });
    });
  });

  describe('an emergency that skips review', () => {
    let skipped: Referral;

    beforeAll(async () => {
      const draft = await newReferral(t, person.id, provider.id, { urgency: 'emergency' }, staff.token);
      skipped = (await act(t, draft, 'submit', staff.token)).body;
    });

    it('is approved and flagged reviewSkipped in the answer, the detail and the list', async () => {
      expect(skipped).toMatchObject({ status: 'approved', reviewSkipped: true });
      expect(await detail(skipped.id, supervisor.token)).toMatchObject({ reviewSkipped: true });
      const page = (await t.request<Page<Referral>>('GET', '/api/referrals?limit=200', { token: supervisor.token })).body;
      expect(page.items.find((r) => r.id === skipped.id)).toMatchObject({ reviewSkipped: true });
      expect(page.items.filter((r) => r.id !== skipped.id).every((r) => r.reviewSkipped === false)).toBe(true);
    });

    it('can be listed on its own: ?reviewSkipped=true', async () => {
      const page = (await t.request<Page<Referral>>('GET', '/api/referrals?reviewSkipped=true&limit=200', { token: supervisor.token })).body;
      expect(page.items.map((r) => r.id)).toEqual([skipped.id]);
      const bad = await t.request<ApiError>('GET', '/api/referrals?reviewSkipped=maybe', { token: supervisor.token });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((e) => e.field)).toEqual(['reviewSkipped']);
    });

    it('shows the system approval in the timeline as a skipped review', async () => {
      const events = (await detail(skipped.id, supervisor.token)).events;
      expect(events.map((e) => [e.kind, e.reviewSkipped])).toEqual([
        ['create', false],
        ['submit', false],
        ['approve', true],
      ]);
    });

    it('is audited as a skipped review, visible to the hub’s supervisor in the audit trail', async () => {
      const response = await t.request<Page<AuditEvent>>('GET', `/api/audit-events?entityType=referral&entityId=${skipped.id}&limit=50`, { token: supervisor.token });
      expect(response.status).toBe(200);
      const submit = response.body.items.find((e) => e.action === 'update' && e.details['action'] === 'submit');
      expect(submit?.details).toMatchObject({ from: 'draft', to: 'approved', reviewSkipped: true, urgency: 'emergency' });
    });
  });
});
