// Retention (issue 14, gap 7): the nightly run anonymises closed persons and cases past their country's
// period and nothing else; every dashboard and quarter figure is the same before and after; one replica
// runs it at a time; the preview tells exactly what the run then does; admins set the period (1-30 years).
import { randomUUID } from 'node:crypto';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import type { Dashboard, Hub, Person, QuarterChecks, RetentionPreview, RetentionSettings } from '@mih/contracts';
import { dataSourceOptions } from '../../database/data-source';
import { AuditService } from '../audit/audit.service';
import { createTestApp, TestApp } from '../../testing/test-app';
import { newProvider, referralIn } from '../../testing/referral-fixtures';
import { RETENTION_LOCK_KEY, RETENTION_RUN_JOB, RetentionService } from './retention.service';

const CONSENT = { given: true, purposes: ['follow_up', 'referral'] as ('follow_up' | 'referral')[], date: '2025-03-01' };
const IDENTIFYING = { givenName: 'Marisol', familyName: 'Quiñónez', dateOfBirth: '1988-11-02', documentNumber: '3011 44556 0101', phone: '+502 4444-9876' };
const PERSONAL_TEXT = ['Marisol', 'Quiñónez', 'quinonez', '3011 44556', '4444-9876', 'secreto'];
/** The run "six years from now": what is recorded today is six years old. */
const SIX_YEARS_ON = () => new Date(Date.now() + 6 * 365.25 * 24 * 3600 * 1000);

describe('retention', () => {
  let t: TestApp;
  let retention: RetentionService;
  let gt: Hub;
  let hn: Hub;
  let adminId: string;

  const personWithData = async (hub: Hub) => {
    const person = await t.newPerson(hub.id, { consent: CONSENT, ...IDENTIFYING, birthYear: undefined });
    await t.newVisit(hub.id, { personId: person.id, note: 'Marisol cuenta algo secreto' });
    return person;
  };
  const newCase = async (hub: Hub, status: 'new' | 'closed', personId: string | null = null) => {
    const id = randomUUID();
    await t.sql(
      `INSERT INTO cases (id, hub_id, need_category, urgency, sex, age_band, nationality, profile, description, consent_given, consent_purposes,
                          consent_date, given_name, contact, status, outcome, close_comment, person_id, created_by, closed_at)
       VALUES ($1, $2, 'child_protection', 'priority', 'female', '12-17', 'GT', 'in_transit', 'Marisol viaja sola, algo secreto', true, '{follow_up}',
               current_date, 'Marisol', '+502 4444-9876', $3, $4, $5, $6, $7, $8)`,
      [id, hub.id, status, status === 'closed' ? 'referred' : null, status === 'closed' ? 'Quiñónez: secreto' : null, personId, adminId, status === 'closed' ? new Date() : null],
    );
    return id;
  };
  const dashboard = async () => {
    const today = new Date().toISOString().slice(0, 10);
    const response = await t.request<Dashboard>('GET', `/api/reports/dashboard?from=2026-01-01&to=${today}`, { token: t.adminToken });
    expect(response.status).toBe(200);
    return response.body;
  };
  const quarterChecks = async () => {
    const now = new Date();
    const query = `year=${now.getUTCFullYear()}&quarter=${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const response = await t.request<QuarterChecks>('GET', `/api/quarter-locks/checks?${query}`, { token: t.adminToken });
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Every row of the tables the run may touch, as text, for "nothing else changed" and "nothing personal left". */
  const rowsOf = async (table: string, column: string, ids: string[]) =>
    (await t.sql<{ row: string }>(`SELECT to_jsonb(x)::text AS row FROM ${table} x WHERE ${column} = ANY($1) ORDER BY 1`, [ids])).map((r) => r.row);

  beforeAll(async () => {
    t = await createTestApp();
    t.app.get(SchedulerRegistry).getCronJob(RETENTION_RUN_JOB).stop(); // the tests run it themselves
    retention = t.app.get(RetentionService);
    [{ id: adminId }] = await t.sql(`SELECT id FROM users WHERE email = 'admin@test.example'`);
    gt = await t.newHub({ countryCode: 'GT' });
    hn = await t.newHub({ countryCode: 'HN' });
  });
  afterAll(() => t?.close());

  describe('the period per country', () => {
    const put = (country: string, body: unknown, token = t.adminToken) => t.request('PUT', `/api/retention/settings/${country}`, { token, body });

    it('lists every country with a hub at the default of 5 years until an admin sets one', async () => {
      const response = await t.request<RetentionSettings>('GET', '/api/retention/settings', { token: t.adminToken });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        defaultYears: 5,
        countries: [
          { countryCode: 'GT', years: 5, custom: false, updatedAt: null },
          { countryCode: 'HN', years: 5, custom: false, updatedAt: null },
        ],
      });
    });

    it.each([
      [{ years: 0 }, 'years'],
      [{ years: 31 }, 'years'],
      [{ years: 2.5 }, 'years'],
      [{ years: '10' }, 'years'],
      [{}, 'years'],
      [{ years: 10, extra: true }, 'extra'],
    ])('answers 400 naming the field for %j, and stores nothing', async (body, field) => {
      const response = await put('HN', body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await t.sql('SELECT * FROM retention_settings')).toEqual([]);
    });

    it('answers 400 naming countryCode for a code that is no country', async () => {
      const response = await put('XX', { years: 10 });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['countryCode']);
    });

    it('is for admins only', async () => {
      const { token } = await t.newUser('supervisor', { countryCodes: ['HN'] });
      expect((await put('HN', { years: 10 }, token)).status).toBe(403);
      expect((await t.request('GET', '/api/retention/preview', { token })).status).toBe(403);
    });

    it('sets a country\'s period, audited with before and after', async () => {
      const response = await put('hn', { years: 10 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ countryCode: 'HN', years: 10, custom: true });
      const [event] = await t.sql(`SELECT actor_id, details FROM audit_events WHERE entity_type = 'retention_setting'`);
      expect(event).toEqual({ actor_id: adminId, details: { countryCode: 'HN', changes: { years: { from: 5, to: 10 } } } });
    });
  });

  describe('the run', () => {
    let due: Person;
    let openReferralPerson: Person;
    let followUpPerson: Person;
    let hnPerson: Person;
    let dueCase: string;
    let openCase: string;
    let hnCase: string;
    let untouchedBefore: string[];

    beforeAll(async () => {
      const provider = await newProvider(t);
      // Due in GT (5 years): everything about them is closed. Its visit falls in a locked quarter.
      due = await personWithData(gt);
      await referralIn(t, 'completed', due.id, provider.id, { reason: 'Marisol necesita algo secreto' });
      await newCase(gt, 'closed', due.id);
      dueCase = await newCase(gt, 'closed');
      // Not due: a referral still in its lifecycle; a follow-up promised two years ahead; an open case.
      openReferralPerson = await personWithData(gt);
      await referralIn(t, 'submitted', openReferralPerson.id, provider.id, { reason: 'Marisol necesita algo secreto' });
      followUpPerson = await personWithData(gt);
      await t.sql(`UPDATE visits SET follow_up_on = current_date + 730 WHERE person_id = $1`, [followUpPerson.id]);
      openCase = await newCase(gt, 'new');
      // Not due: HN keeps records 10 years.
      hnPerson = await personWithData(hn);
      hnCase = await newCase(hn, 'closed');
      await t.sql(
        `INSERT INTO quarter_locks (hub_id, year, quarter, starts_at, ends_at, time_zone, locked_by)
         VALUES ($1, extract(year FROM now())::int, extract(quarter FROM now())::int,
                 date_trunc('quarter', now()), date_trunc('quarter', now()) + interval '3 months', 'UTC', $2)`,
        [gt.id, adminId],
      );
      const untouchedPersons = [openReferralPerson.id, followUpPerson.id, hnPerson.id];
      untouchedBefore = [
        ...(await rowsOf('persons', 'id', untouchedPersons)),
        ...(await rowsOf('visits', 'person_id', untouchedPersons)),
        ...(await rowsOf('referrals', 'person_id', untouchedPersons)),
        ...(await rowsOf('cases', 'id', [openCase, hnCase])),
      ];
    });

    it('previews, per country and kind, what is due, with the oldest last activity', async () => {
      const preview = await retention.preview(SIX_YEARS_ON());
      expect(preview.items).toEqual([
        { countryCode: 'GT', kind: 'persons', count: 1, oldest: expect.any(String) },
        { countryCode: 'GT', kind: 'cases', count: 2, oldest: expect.any(String) },
      ]);
      // Nothing is due today; the endpoint answers the same shape.
      const response = await t.request<RetentionPreview>('GET', '/api/retention/preview', { token: t.adminToken });
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([]);
    });

    it('anonymises exactly what the preview said, leaves every figure as it was and the rest untouched', async () => {
      const now = SIX_YEARS_ON();
      const preview = await retention.preview(now);
      const [dashboardBefore, checksBefore] = [await dashboard(), await quarterChecks()];
      expect(dashboardBefore.visits.consultations).toBe(4);
      expect(dashboardBefore.referrals.completed).toBe(1);

      const result = await retention.run(now);

      expect(result?.items).toEqual(preview.items);
      expect(result).toMatchObject({ visitNotes: 1, referrals: 1, referralComments: 1 });
      expect(await dashboard()).toEqual(dashboardBefore);
      expect(await quarterChecks()).toEqual(checksBefore);

      // The identifying data and free text are gone, the codes and dates stay.
      const [person] = await t.sql(`SELECT * FROM persons WHERE id = $1`, [due.id]);
      expect(person).toMatchObject({
        given_name: null, family_name: null, date_of_birth: null, document_number: null, phone: null,
        birth_year: 1988, sex: 'female', nationality: 'GT', profile: 'intending', code: due.code, search_text: due.code.toLowerCase(),
      });
      expect(person.anonymised_at).toEqual(expect.any(Date));
      const touched = [
        ...(await rowsOf('persons', 'id', [due.id])),
        ...(await rowsOf('visits', 'person_id', [due.id])),
        ...(await rowsOf('referrals', 'person_id', [due.id])),
        ...(await rowsOf('referral_events', 'referral_id', (await t.sql(`SELECT id FROM referrals WHERE person_id = $1`, [due.id])).map((r) => r.id))),
        ...(await rowsOf('cases', 'hub_id', [gt.id])).filter((row) => !row.includes(openCase)),
      ].join('\n');
      for (const text of PERSONAL_TEXT) expect(touched).not.toContain(text);
      const [kase] = await t.sql(`SELECT status, outcome, sex, age_band, closed_at, description FROM cases WHERE id = $1`, [dueCase]);
      expect(kase).toMatchObject({ status: 'closed', outcome: 'referred', sex: 'female', age_band: '12-17', description: '' });
      // Search by name or document number no longer finds them.
      for (const q of ['marisol', '3011 44556 0101']) {
        const found = await t.request('GET', `/api/persons?q=${encodeURIComponent(q)}&hubId=${gt.id}`, { token: t.adminToken });
        expect(found.body.items.map((p: Person) => p.id)).not.toContain(due.id);
      }

      // Not yet past retention, or not closed: byte for byte as before.
      const untouchedPersons = [openReferralPerson.id, followUpPerson.id, hnPerson.id];
      expect([
        ...(await rowsOf('persons', 'id', untouchedPersons)),
        ...(await rowsOf('visits', 'person_id', untouchedPersons)),
        ...(await rowsOf('referrals', 'person_id', untouchedPersons)),
        ...(await rowsOf('cases', 'id', [openCase, hnCase])),
      ]).toEqual(untouchedBefore);

      // The run is audited with counts only.
      const [event] = await t.sql(`SELECT actor_id, entity_id, details FROM audit_events WHERE action = 'anonymise'`);
      expect(event).toEqual({
        actor_id: null,
        entity_id: null,
        details: {
          asOf: now.toISOString(),
          items: [
            { countryCode: 'GT', kind: 'persons', count: 1 },
            { countryCode: 'GT', kind: 'cases', count: 2 },
          ],
          visitNotes: 1,
          referrals: 1,
          referralComments: 1,
        },
      });
      // Done once: the next run finds nothing due.
      expect((await retention.preview(now)).items).toEqual([]);
    });

    it('runs on one replica at a time: a second instance skips while the first holds the lock', async () => {
      const later = new Date(SIX_YEARS_ON().getTime() + 5 * 365.25 * 24 * 3600 * 1000); // HN's 10 years have passed too
      const expected = (await retention.preview(later)).items;
      expect(expected.length).toBeGreaterThan(0);
      // A second replica: its own connection pool and its own service.
      const replicaDb = new DataSource({ ...dataSourceOptions(t.databaseUrl), extra: { max: 2 } });
      await replicaDb.initialize();
      const replica = new RetentionService(replicaDb, new AuditService(replicaDb));
      // Hold the first run mid-way: it has the advisory lock but waits on a row another session locked.
      const blocker = await replicaDb.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query('SELECT 1 FROM persons WHERE id = $1 FOR UPDATE', [hnPerson.id]);
      try {
        const first = retention.run(later);
        await waitFor(async () => (await t.sql(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [RETENTION_LOCK_KEY]))[0].n === 1);
        expect(await replica.run(later)).toBeNull();
        await blocker.commitTransaction();
        expect((await first)?.items).toEqual(expected);
      } finally {
        if (blocker.isTransactionActive) await blocker.rollbackTransaction();
        await blocker.release();
        await replicaDb.destroy();
      }
      expect(await t.sql(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'anonymise'`)).toEqual([{ n: 2 }]);
    });

    it('keeps the referral timelines append-only: only a comment of an anonymised person\'s referral may be erased', async () => {
      // The app role cannot UPDATE referral_events at all (app-role spec); the run erases comments through
      // the migration role's function, and the trigger lets nothing else through, for anyone.
      const eventsOf = (personId: string) => `referral_id IN (SELECT id FROM referrals WHERE person_id = '${personId}')`;
      await expect(t.sql(`UPDATE referral_events SET comment = NULL WHERE ${eventsOf(openReferralPerson.id)}`)).rejects.toThrow(/append-only/);
      await expect(t.sql(`UPDATE referral_events SET occurred_at = occurred_at - interval '1 day' WHERE ${eventsOf(due.id)}`)).rejects.toThrow(/append-only/);
      await expect(t.sql(`DELETE FROM referral_events WHERE ${eventsOf(due.id)}`)).rejects.toThrow(/append-only/);
    });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
