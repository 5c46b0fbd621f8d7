// In-app notifications: who is told about what (supervisors in scope only), reading one's own, and
// the overdue sweep (set-based, once per referral and user, one replica at a time).
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import type { Hub, Notification, Page, Person, ServiceProvider, User } from '@mih/contracts';
import { act, newProvider, newReferral, referralIn } from '../../testing/referral-fixtures';
import { createTestApp, TestApp } from '../../testing/test-app';
import { NotificationsService, OVERDUE_SWEEP_JOB } from './notifications.service';

type Account = { user: User; token: string };

describe('notifications', () => {
  let t: TestApp;
  let hub: Hub;
  let staff: Account;
  let colleague: Account;
  let countrySupervisor: Account;
  let hubSupervisor: Account;
  let foreignSupervisor: Account;
  let inactiveSupervisor: Account;
  let person: Person;
  let provider: ServiceProvider;
  let sweeper: NotificationsService;

  const noticesOf = (referralId: string) =>
    t.sql<{ user_id: string; kind: string }>('SELECT user_id, kind FROM notifications WHERE referral_id = $1 ORDER BY kind, user_id', [referralId]);
  const sorted = (rows: { user_id: string; kind: string }[]) => [...rows].sort((a, b) => (a.kind + a.user_id).localeCompare(b.kind + b.user_id));
  const list = (query: string, token: string) => t.request<Page<Notification>>('GET', `/api/notifications?${query}`, { token });
  const unread = async (token: string) => (await t.request<{ count: number }>('GET', '/api/notifications/unread-count', { token })).body.count;

  beforeAll(async () => {
    t = await createTestApp();
    // The tests run the sweep themselves.
    t.app.get(SchedulerRegistry).getCronJob(OVERDUE_SWEEP_JOB).stop();
    sweeper = t.app.get(NotificationsService);
    hub = await t.newHub({ countryCode: 'GT' });
    const foreignHub = await t.newHub({ countryCode: 'HN' });
    [staff, colleague, countrySupervisor, hubSupervisor, foreignSupervisor, inactiveSupervisor] = await Promise.all([
      t.newUser('staff', { hubIds: [hub.id] }),
      t.newUser('staff', { hubIds: [hub.id] }),
      t.newUser('supervisor', { countryCodes: ['GT'] }),
      t.newUser('supervisor', { hubIds: [hub.id] }),
      t.newUser('supervisor', { countryCodes: ['HN'], hubIds: [foreignHub.id] }),
      t.newUser('supervisor', { countryCodes: ['GT'] }),
    ]);
    await t.sql('UPDATE users SET active = false WHERE id = $1', [inactiveSupervisor.user.id]);
    person = await t.newPerson(hub.id);
    provider = await newProvider(t);
  });
  afterAll(() => t?.close());

  describe('who is told', () => {
    it('tells the active supervisors whose scope covers the hub of a submission, and nobody else', async () => {
      const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
      await act(t, referral, 'submit', staff.token);
      expect(await noticesOf(referral.id)).toEqual(
        sorted([
          { user_id: countrySupervisor.user.id, kind: 'referral_submitted' },
          { user_id: hubSupervisor.user.id, kind: 'referral_submitted' },
        ]),
      );
    });

    it('tells the same supervisors that an emergency was sent without review', async () => {
      const referral = await newReferral(t, person.id, provider.id, { urgency: 'emergency' }, staff.token);
      await act(t, referral, 'submit', staff.token);
      expect(await noticesOf(referral.id)).toEqual(
        sorted([
          { user_id: countrySupervisor.user.id, kind: 'referral_emergency_sent' },
          { user_id: hubSupervisor.user.id, kind: 'referral_emergency_sent' },
        ]),
      );
      const told = (await noticesOf(referral.id)).map((n) => n.user_id);
      for (const outOfScope of [foreignSupervisor, inactiveSupervisor, staff]) expect(told).not.toContain(outOfScope.user.id);
    });

    it('never tells the supervisor who submitted it', async () => {
      const referral = await newReferral(t, person.id, provider.id, {}, countrySupervisor.token);
      await act(t, referral, 'submit', countrySupervisor.token);
      expect(await noticesOf(referral.id)).toEqual([{ user_id: hubSupervisor.user.id, kind: 'referral_submitted' }]);
    });

    it.each([
      ['return', 'referral_returned'],
      ['reject', 'referral_rejected'],
    ] as const)('tells the assignee when a supervisor does %s', async (action, kind) => {
      const submitted = await act(t, await newReferral(t, person.id, provider.id, {}, staff.token), 'submit', staff.token);
      await act(t, submitted.body, action, countrySupervisor.token, 'Because');
      expect((await noticesOf(submitted.body.id)).filter((n) => n.user_id === staff.user.id)).toEqual([{ user_id: staff.user.id, kind }]);
    });

    it('tells the assignee of the provider’s answers, through the link or recorded by someone else', async () => {
      const submitted = await act(t, await newReferral(t, person.id, provider.id, {}, staff.token), 'submit', staff.token);
      const approved = await act(t, submitted.body, 'approve', countrySupervisor.token);
      const link = await t.request('POST', `/api/referrals/${approved.body.id}/provider-link`, { token: staff.token });
      await t.request('POST', '/api/provider-links/respond', { body: { token: link.body.token, action: 'accept' } });
      const accepted = (await t.request('GET', `/api/referrals/${approved.body.id}`, { token: staff.token })).body;
      await act(t, accepted, 'complete', hubSupervisor.token, 'Done');
      const toAssignee = (await noticesOf(approved.body.id)).filter((n) => n.user_id === staff.user.id);
      expect(toAssignee).toEqual([
        { user_id: staff.user.id, kind: 'referral_provider_answered' },
        { user_id: staff.user.id, kind: 'referral_provider_answered' },
      ]);
    });
  });

  describe('reading one’s own', () => {
    let reader: Account;
    let first: string;

    beforeAll(async () => {
      reader = await t.newUser('staff', { hubIds: [hub.id] });
      // Three referrals reassigned to the reader: three notices, oldest first.
      for (let i = 0; i < 3; i++) {
        const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
        await t.request('PATCH', `/api/referrals/${referral.id}`, { token: staff.token, body: { version: referral.version, assignedTo: reader.user.id } });
        if (i === 0) first = referral.id;
      }
    });

    it('lists only the caller’s notices, newest first, with the person code, in keyset pages', async () => {
      const page = (await list('limit=2', reader.token)).body;
      expect(page.items).toHaveLength(2);
      expect(page.items[0]).toEqual({ id: expect.any(String), kind: 'referral_assigned', referralId: expect.any(String), personCode: person.code, createdAt: expect.any(String), readAt: null });
      const next = (await list(`limit=2&cursor=${page.nextCursor}`, reader.token)).body;
      expect(next.items.map((n) => n.referralId)).toEqual([first]);
      expect(next.nextCursor).toBeNull();
      expect((await list('', colleague.token)).body.items).toEqual([]);
    });

    it('counts unread ones, marks one read (once), filters by unread, and marks all read', async () => {
      expect(await unread(reader.token)).toBe(3);
      const [newest] = (await list('', reader.token)).body.items;
      expect((await t.request('POST', `/api/notifications/${newest.id}/read`, { token: reader.token })).status).toBe(204);
      expect((await t.request('POST', `/api/notifications/${newest.id}/read`, { token: reader.token })).status).toBe(204);
      expect(await unread(reader.token)).toBe(2);
      expect((await list('unread=true', reader.token)).body.items.map((n) => n.id)).not.toContain(newest.id);
      expect((await list('unread=false', reader.token)).body.items.map((n) => n.id)).toEqual([newest.id]);
      expect((await t.request('POST', '/api/notifications/read-all', { token: reader.token })).status).toBe(204);
      expect(await unread(reader.token)).toBe(0);
    });

    it('answers 404 for someone else’s notice or an unknown one, and 400 for a malformed id', async () => {
      const [notice] = (await list('', reader.token)).body.items;
      expect((await t.request('POST', `/api/notifications/${notice.id}/read`, { token: colleague.token })).status).toBe(404);
      expect((await t.request('POST', `/api/notifications/${randomUUID()}/read`, { token: reader.token })).status).toBe(404);
      expect((await t.request('POST', '/api/notifications/abc/read', { token: reader.token })).status).toBe(400);
      expect((await list('unread=maybe', reader.token)).status).toBe(400);
    });

    it('answers 401 without a token', async () => {
      expect((await t.request('GET', '/api/notifications')).status).toBe(401);
    });
  });

  describe('the overdue sweep', () => {
    it('is scheduled', () => {
      expect(t.app.get(SchedulerRegistry).getCronJob(OVERDUE_SWEEP_JOB)).toBeDefined();
    });

    it('tells the assignee and the supervisors in scope about referrals waiting past their due date, once', async () => {
      const sweepHub = await t.newHub({ countryCode: 'GT' });
      const sweepPerson = await t.newPerson(sweepHub.id);
      const waiting = await Promise.all(['submitted', 'approved', 'accepted'].map((s) => referralIn(t, s as 'submitted', sweepPerson.id, provider.id)));
      const notWaiting = await Promise.all(['draft', 'returned', 'completed', 'cancelled'].map((s) => referralIn(t, s as 'draft', sweepPerson.id, provider.id)));
      const notDue = await referralIn(t, 'submitted', sweepPerson.id, provider.id);
      await t.sql('UPDATE referrals SET due_on = current_date - 1 WHERE hub_id = $1 AND id <> $2', [sweepHub.id, notDue.id]);
      await t.sql('DELETE FROM notifications WHERE referral_id IN (SELECT id FROM referrals WHERE hub_id = $1)', [sweepHub.id]);

      const added = await sweeper.sweepOverdue();
      for (const referral of waiting) {
        // Their author is assigned; the country supervisor covers the new hub, the hub supervisor does not.
        expect(await noticesOf(referral.id)).toEqual(
          sorted([
            { user_id: referral.assignedTo, kind: 'referral_overdue' },
            { user_id: countrySupervisor.user.id, kind: 'referral_overdue' },
          ]),
        );
      }
      for (const referral of [...notWaiting, notDue]) expect(await noticesOf(referral.id)).toEqual([]);
      expect(added).toBeGreaterThanOrEqual(6);

      expect(await sweeper.sweepOverdue()).toBe(0);
      const concurrent = await Promise.all([sweeper.sweepOverdue(), sweeper.sweepOverdue()]);
      expect(concurrent.every((n) => n === 0 || n === null)).toBe(true);
      expect(await t.sql("SELECT count(*)::int AS n FROM notifications WHERE kind = 'referral_overdue' AND referral_id = ANY($1)", [waiting.map((r) => r.id)])).toEqual([{ n: 6 }]);
    });

    it('answers null, adding nothing, while another replica holds the sweep lock', async () => {
      const { Client } = await import('pg');
      const other = new Client({ connectionString: t.databaseUrl });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT pg_advisory_xact_lock(727003)');
        expect(await sweeper.sweepOverdue()).toBeNull();
      } finally {
        await other.query('ROLLBACK');
        await other.end();
      }
    });
  });
});
