// Harvesting by staff (issue 14, gap 1): revealing identifying data has a per-user quota per hour and
// per day, counted from the audit trail in the database (so it holds across replicas); beyond it 429
// with Retry-After and an audit event the supervisors see. A reveal names a reason from a list, plus
// free text. Lists carry only what they show (no visit notes, no referral reasons or outcomes; the
// audited detail reads keep them), and a person search by document number is audited as a reveal.
import type { ApiError, AuditEvent, Consent, Hub, Page, Person, Referral, ReferralDetail, User, Visit } from '@mih/contracts';
import { act, newProvider, newReferral } from '../testing/referral-fixtures';
import { createTestApp, TestApp } from '../testing/test-app';

const CONSENT: Consent = { given: true, purposes: ['follow_up', 'referral'], date: '2025-03-01' };
const HOUR = 3;
const DAY = 5;

describe('harvesting by staff', () => {
  let t: TestApp;
  let hub: Hub;
  let supervisor: { user: User; token: string };
  let persons: Person[];

  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const reveal = (id: string, token: string, body: Record<string, unknown> = { reasonCode: 'referral', reason: 'Legal aid needs the name' }) =>
    t.request<Person & Partial<ApiError>>('POST', `/api/persons/${id}/reveal`, { token, body });
  const revealsBy = (userId: string) =>
    t.sql<{ action: string; entity_id: string; hub_id: string; details: Record<string, unknown> }>(
      `SELECT action, entity_id, hub_id, details FROM audit_events WHERE actor_id = $1 AND action IN ('reveal', 'reveal_refused') ORDER BY id`,
      [userId],
    );
  /** Reveals another replica recorded for this user, `minutesAgo` back. */
  const earlierReveals = (userId: string, count: number, minutesAgo: number) =>
    t.sql(
      `INSERT INTO audit_events (occurred_at, actor_id, action, entity_type, entity_id, hub_id, details)
       SELECT now() - make_interval(mins => $2), $1, 'reveal', 'person', $3, $4, '{"reasonCode":"referral"}' FROM generate_series(1, $5)`,
      [userId, minutesAgo, persons[0].id, hub.id, count],
    );
  const staffMember = () => t.newUser('staff', { hubIds: [hub.id] });

  beforeAll(async () => {
    t = await createTestApp({ REVEAL_QUOTA_PER_HOUR: String(HOUR), REVEAL_QUOTA_PER_DAY: String(DAY) });
    hub = await t.newHub({ countryCode: 'GT' });
    supervisor = await t.newUser('supervisor', { hubIds: [hub.id] });
    persons = [];
    for (let i = 0; i < 8; i++) {
      persons.push(await t.newPerson(hub.id, { consent: CONSENT, givenName: `Persona${i}`, familyName: 'Pérez', documentNumber: `DOC-98765${i}` }));
    }
  });
  afterAll(() => t?.close());

  describe('the reveal quota', () => {
    it(`lets a user reveal ${HOUR} persons in an hour, then answers 429 with Retry-After and no personal data`, async () => {
      const staff = await staffMember();
      for (const person of persons.slice(0, HOUR)) expect((await reveal(person.id, staff.token)).status).toBe(200);
      const refused = await reveal(persons[HOUR].id, staff.token);
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({ statusCode: 429, code: 'reveal_quota_exceeded', message: 'Too many reveals of identifying data; try again later' });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(3500);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect(JSON.stringify(refused.body)).not.toContain('Persona');
    });

    it('audits the refusal where the hub’s supervisor sees it', async () => {
      const staff = await staffMember();
      await earlierReveals(staff.user.id, HOUR, 10);
      expect((await reveal(persons[1].id, staff.token)).status).toBe(429);
      const events = (await revealsBy(staff.user.id)).filter((e) => e.action === 'reveal_refused');
      expect(events).toEqual([{ action: 'reveal_refused', entity_id: persons[1].id, hub_id: hub.id, details: { window: 'hour', quota: HOUR, reasonCode: 'referral' } }]);
      const seen = await t.request<Page<AuditEvent>>('GET', `/api/audit-events?action=reveal_refused&actorId=${staff.user.id}`, { token: supervisor.token });
      expect(seen.status).toBe(200);
      expect(seen.body.items).toHaveLength(1);
    });

    it('counts the reveals recorded in the database by any replica, and forgets those older than an hour', async () => {
      const staff = await staffMember();
      await earlierReveals(staff.user.id, HOUR, 61);
      expect((await reveal(persons[0].id, staff.token)).status).toBe(200);
      await earlierReveals(staff.user.id, HOUR - 2, 5);
      expect((await reveal(persons[0].id, staff.token)).status).toBe(429);
    });

    it(`stops a user at ${DAY} a day, with Retry-After until the oldest of them is a day old`, async () => {
      const staff = await staffMember();
      await earlierReveals(staff.user.id, DAY, 120);
      const refused = await reveal(persons[2].id, staff.token);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(Math.abs(retryAfter - 22 * 3600)).toBeLessThan(60);
      expect((await revealsBy(staff.user.id)).at(-1)?.details).toMatchObject({ window: 'day', quota: DAY });
    });

    it('is per user: a colleague still reveals', async () => {
      const [first, second] = [await staffMember(), await staffMember()];
      await earlierReveals(first.user.id, HOUR, 1);
      expect((await reveal(persons[3].id, first.token)).status).toBe(429);
      expect((await reveal(persons[3].id, second.token)).status).toBe(200);
    });

    it(`lets exactly ${HOUR} of ${HOUR * 2} reveals sent at once through`, async () => {
      const staff = await staffMember();
      const responses = await Promise.all(persons.slice(0, HOUR * 2).map((p) => reveal(p.id, staff.token)));
      expect(responses.filter((r) => r.status === 200)).toHaveLength(HOUR);
      expect(responses.filter((r) => r.status === 429)).toHaveLength(HOUR);
      expect((await revealsBy(staff.user.id)).filter((e) => e.action === 'reveal')).toHaveLength(HOUR);
    });
  });

  describe('the reveal reason', () => {
    it('is a code from the list plus free text, both audited', async () => {
      const staff = await staffMember();
      const response = await reveal(persons[4].id, staff.token, { reasonCode: 'contact_person', reason: 'Call back about the appointment' });
      expect(response.status).toBe(200);
      expect(response.body.identifying.givenName).toBe('Persona4');
      expect((await revealsBy(staff.user.id)).map((e) => e.details)).toEqual([
        { reasonCode: 'contact_person', reason: 'Call back about the appointment', revealed: ['givenName', 'familyName', 'documentNumber'] },
      ]);
    });

    it('takes the code alone', async () => {
      const staff = await staffMember();
      expect((await reveal(persons[4].id, staff.token, { reasonCode: 'identity_check' })).status).toBe(200);
    });

    it.each([
      ['reasonCode', { reason: 'Legal aid needs the name' }],
      ['reasonCode', { reasonCode: 'curiosity', reason: 'Legal aid needs the name' }],
      ['reasonCode', { reasonCode: 7 }],
      ['reason', { reasonCode: 'other' }],
      ['reason', { reasonCode: 'other', reason: 'why' }],
      ['reason', { reasonCode: 'referral', reason: 'x'.repeat(501) }],
      ['extra', { reasonCode: 'referral', extra: true }],
    ])('answers 400 naming %s for %j, and audits nothing', async (field, body) => {
      const staff = await staffMember();
      const response = await reveal(persons[4].id, staff.token, body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
      expect(await revealsBy(staff.user.id)).toEqual([]);
    });
  });

  describe('a person search by document number', () => {
    it('is audited as a reveal of each person it found that way, without the number', async () => {
      const staff = await staffMember();
      const response = await t.request<Page<Person>>('GET', `/api/persons?hubId=${hub.id}&q=987655`, { token: staff.token });
      expect(response.status).toBe(200);
      expect(response.body.items.map((p) => p.id)).toEqual([persons[5].id]);
      const events = await revealsBy(staff.user.id);
      expect(events).toEqual([{ action: 'reveal', entity_id: persons[5].id, hub_id: hub.id, details: { via: 'documentSearch' } }]);
    });

    it('is audited even past the reveal quota, and does not count against it: its results stay masked', async () => {
      const staff = await staffMember();
      await earlierReveals(staff.user.id, HOUR - 1, 1);
      for (const q of ['987656', '987657']) {
        const response = await t.request<Page<Person>>('GET', `/api/persons?hubId=${hub.id}&q=${q}`, { token: staff.token });
        expect(response.status).toBe(200);
        expect(response.body.items[0].identifying.givenName).not.toContain('Persona');
      }
      expect((await revealsBy(staff.user.id)).filter((e) => e.details['via'] === 'documentSearch')).toHaveLength(2);
      expect((await reveal(persons[0].id, staff.token)).status).toBe(200); // the last reveal of the hour
    });

    it('needs at least 4 characters of the number: a shorter fragment singles no one out', async () => {
      const staff = await staffMember();
      const response = await t.request<Page<Person>>('GET', `/api/persons?hubId=${hub.id}&q=987`, { token: staff.token });
      expect(response.body.items.length).toBeGreaterThan(1);
      expect(await revealsBy(staff.user.id)).toEqual([]);
    });

    it('leaves no reveal for a search by name or by code', async () => {
      const staff = await staffMember();
      for (const q of ['Persona1 Pérez', persons[1].code]) {
        const response = await t.request<Page<Person>>('GET', `/api/persons?hubId=${hub.id}&q=${encodeURIComponent(q)}`, { token: staff.token });
        expect(response.body.items.map((p) => p.id)).toContain(persons[1].id);
      }
      expect(await revealsBy(staff.user.id)).toEqual([]);
    });
  });

  describe('lists carry only what they show', () => {
    it('GET /api/visits: no note (hasNote says there is one); the audited detail read has it', async () => {
      const staff = await staffMember();
      const visit = await t.newVisit(hub.id, { note: 'Says the recruiter kept her passport', followUpOn: new Date().toISOString().slice(0, 10) }, staff.token);
      for (const query of [`hubId=${hub.id}`, 'followUpDue=true']) {
        const page = (await t.request<Page<Visit>>('GET', `/api/visits?${query}&limit=200`, { token: staff.token })).body;
        const item = page.items.find((v) => v.id === visit.id) as unknown as Record<string, unknown>;
        expect(item).toBeDefined();
        expect(item).not.toHaveProperty('note');
        expect(item['hasNote']).toBe(true);
      }
      const detail = await t.request<Visit>('GET', `/api/visits/${visit.id}`, { token: staff.token });
      expect(detail.body.note).toBe('Says the recruiter kept her passport');
      expect(await t.sql("SELECT 1 FROM audit_events WHERE action = 'read' AND entity_type = 'visit' AND entity_id = $1", [visit.id])).toHaveLength(1);
    });

    it('GET /api/referrals: no reason, no outcome (the review queue neither); the audited detail read has them', async () => {
      const staff = await staffMember();
      const provider = await newProvider(t);
      const draft = await newReferral(t, persons[6].id, provider.id, { reason: 'Trafficking risk, needs shelter' }, staff.token);
      const submitted = (await act(t, draft, 'submit', staff.token)).body;
      const rejected = (await act(t, submitted, 'reject', supervisor.token, 'Wrong provider')).body;
      expect(rejected.outcome).toBe('Wrong provider');
      const other = (await act(t, await newReferral(t, persons[6].id, provider.id, {}, staff.token), 'submit', staff.token)).body;
      for (const [query, id] of [[`personId=${persons[6].id}`, rejected.id], ['queue=review', other.id]]) {
        const page = (await t.request<Page<Referral>>('GET', `/api/referrals?${query}&limit=200`, { token: supervisor.token })).body;
        const item = page.items.find((r) => r.id === id) as unknown as Record<string, unknown>;
        expect(item).toBeDefined();
        expect(item).not.toHaveProperty('reason');
        expect(item).not.toHaveProperty('outcome');
      }
      const detail = (await t.request<ReferralDetail>('GET', `/api/referrals/${rejected.id}`, { token: supervisor.token })).body;
      expect(detail).toMatchObject({ reason: 'Trafficking risk, needs shelter', outcome: 'Wrong provider' });
    });
  });
});
