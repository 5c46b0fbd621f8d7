// Visits (consultations) as hub staff log them: anonymous or linked to a person, validated against the
// reference lists, idempotent by client id, listed newest first with filters and keyset pages, and
// versioned updates including follow-ups. Who may do what is in modules/records-scope.integration-spec.ts.
import { randomUUID } from 'node:crypto';
import type { ApiError, Hub, Page, Person, User, Visit } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe('visits', () => {
  let t: TestApp;
  let hub: Hub;
  let otherHub: Hub;
  let staff: User;
  let staffToken: string;

  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const anonymous = () => ({
    hubId: hub.id,
    occurredAt: '2025-05-06T14:30:00-06:00',
    channel: 'in_person',
    sex: 'female',
    ageBand: '25-59',
    nationality: 'GT',
    profile: 'intending',
    topics: ['documents', 'labour_migration'],
  });
  const create = (body: Record<string, unknown>, token = staffToken) => t.request<Visit & Partial<ApiError>>('POST', '/api/visits', { token, body });
  const get = (id: string, token = staffToken) => t.request<Visit & Partial<ApiError>>('GET', `/api/visits/${id}`, { token });
  const patch = (id: string, body: Record<string, unknown>, token = staffToken) => t.request<Visit & Partial<ApiError>>('PATCH', `/api/visits/${id}`, { token, body });
  const list = (query: string, token = staffToken) => t.request<Page<Visit>>('GET', `/api/visits?${query}`, { token });
  const auditOf = (id: string) =>
    t.sql<{ action: string; actor_id: string; hub_id: string; details: Record<string, unknown> }>(
      'SELECT action, actor_id, hub_id, details FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id',
      ['visit', id],
    );

  async function createOk(overrides: Record<string, unknown> = {}): Promise<Visit> {
    const response = await create({ ...anonymous(), ...overrides });
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ code: 'TCU', countryCode: 'GT' });
    otherHub = await t.newHub({ code: 'CHQ', countryCode: 'HN' });
    ({ user: staff, token: staffToken } = await t.newUser('staff', { hubIds: [hub.id, otherHub.id] }));
  });
  afterAll(() => t?.close());

  describe('POST /api/visits', () => {
    it('answers 201 with the full representation of an anonymous visit, logged by the caller', async () => {
      const response = await create({ ...anonymous(), needs: ['documentation'], vulnerabilities: ['pregnant'], note: '  Pregunta por visas H-2A  ', followUpOn: '2025-05-20' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        hubId: hub.id,
        occurredAt: '2025-05-06T20:30:00.000Z',
        staffId: staff.id,
        channel: 'in_person',
        personId: null,
        personCode: null,
        sex: 'female',
        ageBand: '25-59',
        nationality: 'GT',
        profile: 'intending',
        topics: ['documents', 'labour_migration'],
        needs: ['documentation'],
        vulnerabilities: ['pregnant'],
        note: 'Pregunta por visas H-2A',
        followUpOn: '2025-05-20',
        followUpDoneAt: null,
        version: 1,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
      expect((await get(response.body.id)).body).toEqual(response.body);
      const events = await auditOf(response.body.id);
      expect(events.map((e) => e.action)).toEqual(['create', 'read']);
      expect(events[0]).toMatchObject({ hub_id: hub.id, actor_id: staff.id });
    });

    it('stores needs and vulnerabilities as [] and note and follow-up as null when left out; a blank note is no note', async () => {
      const visit = await createOk({ note: '   ' });
      expect(visit).toMatchObject({ needs: [], vulnerabilities: [], note: null, followUpOn: null });
    });

    describe('linked to a person', () => {
      let person: Person;
      beforeAll(async () => {
        person = await t.newPerson(hub.id, { sex: 'male', nationality: 'HN', profile: 'returnee_deported', birthYear: 2008 }, staffToken);
      });

      it("copies the person's sex, nationality and profile, and the age band at the visit from the year of birth", async () => {
        const { sex, ageBand, nationality, profile, ...rest } = anonymous();
        void [sex, ageBand, nationality, profile];
        const response = await create({ ...rest, personId: person.id, occurredAt: '2025-05-06T14:30:00Z' });
        expect(response.status).toBe(201);
        expect(response.body).toMatchObject({ personId: person.id, personCode: person.code, sex: 'male', nationality: 'HN', profile: 'returnee_deported', ageBand: '12-17' });
        const later = await create({ ...rest, personId: person.id, occurredAt: '2026-01-02T10:00:00Z' });
        expect(later.body.ageBand).toBe('18-24');
      });

      it('takes the age band from the date of birth when the person has one', async () => {
        const withBirthday = await t.newPerson(hub.id, { consent: { given: true, purposes: ['follow_up'], date: '2025-01-01' }, dateOfBirth: '2007-06-15', birthYear: 2007 }, staffToken);
        const visit = (day: string) => create({ hubId: hub.id, channel: 'phone', topics: ['documents'], personId: withBirthday.id, occurredAt: `${day}T12:00:00Z` });
        expect((await visit('2025-06-14')).body.ageBand).toBe('12-17');
        expect((await visit('2025-06-15')).body.ageBand).toBe('18-24');
      });

      it("keeps values sent with the visit over the person's", async () => {
        const visit = await createOk({ personId: person.id, profile: 'intending', sex: 'other' });
        expect(visit).toMatchObject({ personId: person.id, profile: 'intending', sex: 'other', nationality: 'GT', ageBand: '25-59' });
      });

      it('answers 400 naming ageBand when the person has neither a year of birth nor an age band', async () => {
        const ageless = await t.newPerson(hub.id, { birthYear: undefined }, staffToken);
        const response = await create({ hubId: hub.id, occurredAt: new Date().toISOString(), channel: 'phone', topics: ['documents'], personId: ageless.id });
        expect(response.status).toBe(400);
        expect(fields(response.body)).toEqual(['ageBand']);
      });

      it('answers 404 for a person that does not exist', async () => {
        const response = await create({ ...anonymous(), personId: randomUUID() });
        expect(response.status).toBe(404);
        expect(response.body.message).toBe('Person not found');
      });
    });

    it('answers 400 naming each of sex, ageBand, nationality and profile when an anonymous visit lacks them', async () => {
      const { sex, ageBand, nationality, profile, ...rest } = anonymous();
      void [sex, ageBand, nationality, profile];
      const response = await create(rest);
      expect(response.status).toBe(400);
      expect(fields(response.body).sort()).toEqual(['ageBand', 'nationality', 'profile', 'sex']);
    });

    it.each(['hubId', 'occurredAt', 'channel', 'topics', 'sex', 'ageBand', 'nationality', 'profile'])('answers 400 naming %s when it is missing', async (field) => {
      const body: Record<string, unknown> = anonymous();
      delete body[field];
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(fields(response.body)).toEqual([field]);
    });

    const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    it.each([
      ['id', 'client-1'],
      ['hubId', 'TCU'],
      ['occurredAt', 'yesterday'],
      ['occurredAt', '2025-05-06'],
      ['occurredAt', '2025-05-06T14:30:00'],
      ['occurredAt', '2025-13-06T14:30:00Z'],
      ['occurredAt', inMinutes(10)],
      ['occurredAt', '1970-01-01T00:00:00Z'],
      ['channel', 'email'],
      ['personId', 'P-1'],
      ['personId', null],
      ['sex', 'woman'],
      ['ageBand', '18-30'],
      ['nationality', 'XX'],
      ['profile', 'tourist'],
      ['topics', []],
      ['topics', 'documents'],
      ['topics', ['documents', 'documents']],
      ['needs', 'shelter'],
      ['vulnerabilities', [7]],
      ['note', 'x'.repeat(2001)],
      ['note', 12],
      ['followUpOn', '2025-02-30'],
      ['followUpOn', '20/05/2025'],
      ['staffId', randomUUID()],
      ['foo', 'unknown field'],
    ])('answers 400 naming %s for %j', async (field, value) => {
      const response = await create({ ...anonymous(), [field]: value });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('accepts occurredAt a few minutes ahead (device clocks drift) and a note of 2000 characters', async () => {
      const visit = await createOk({ occurredAt: inMinutes(2), note: 'n'.repeat(2000) });
      expect(visit.note).toHaveLength(2000);
    });

    it.each([
      ['topics', { topics: ['documents', 'astrology'] }],
      ['needs', { needs: ['shelter', 'spaceship'] }],
      ['vulnerabilities', { vulnerabilities: ['documents'] }],
    ])('answers 400 naming %s for a code its reference list does not have', async (field, overrides) => {
      const response = await create({ ...anonymous(), ...overrides });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field, constraints: ['isReferenceCode'], message: expect.any(String) }]);
    });

    it('names every field with an unknown code at once', async () => {
      const response = await create({ ...anonymous(), topics: ['x1'], needs: ['x2'], vulnerabilities: ['x3'] });
      expect(fields(response.body)).toEqual(['topics', 'needs', 'vulnerabilities']);
    });

    it('answers 404 for a hub outside the caller scope, and stores nothing', async () => {
      const foreign = await t.newHub({ countryCode: 'CR' });
      const id = randomUUID();
      const response = await create({ ...anonymous(), id, hubId: foreign.id });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Hub not found' });
      expect(await t.sql('SELECT 1 FROM visits WHERE id = $1', [id])).toEqual([]);
    });

    describe('with a client-generated id', () => {
      it('answers the same record (200) for the same create sent again: one row, one audit event', async () => {
        const id = randomUUID();
        const body = { ...anonymous(), id, note: 'Retry me', followUpOn: '2025-06-01' };
        const first = await create(body);
        expect(first.status).toBe(201);
        expect(first.body.id).toBe(id);
        const again = await create(body);
        expect(again.status).toBe(200);
        expect(again.body).toEqual(first.body);
        expect(await t.sql('SELECT count(*)::int AS n FROM visits WHERE id = $1', [id])).toEqual([{ n: 1 }]);
        expect((await auditOf(id)).map((e) => e.action)).toEqual(['create']);
      });

      it('treats the same instant in another time zone as the same content', async () => {
        const id = randomUUID();
        expect((await create({ ...anonymous(), id, occurredAt: '2025-05-06T14:30:00-06:00' })).status).toBe(201);
        expect((await create({ ...anonymous(), id, occurredAt: '2025-05-06T20:30:00.000Z' })).status).toBe(200);
      });

      it('answers 200 for a linked visit sent again without the demographics it took from the person', async () => {
        const person = await t.newPerson(hub.id, {}, staffToken);
        const body = { hubId: hub.id, id: randomUUID(), occurredAt: '2025-05-06T14:30:00Z', channel: 'phone', topics: ['documents'], personId: person.id };
        expect((await create(body)).status).toBe(201);
        expect((await create(body)).status).toBe(200);
      });

      it('answers the stored record (200) for a create sent again after its quarter was locked; a new one there is refused', async () => {
        const body = { ...anonymous(), hubId: otherHub.id, id: randomUUID(), occurredAt: '2024-02-10T10:00:00Z' };
        const first = await create(body);
        expect(first.status).toBe(201);
        await t.sql(
          `INSERT INTO quarter_locks (hub_id, year, quarter, starts_at, ends_at, time_zone, locked_by)
           VALUES ($1, 2024, 1, '2024-01-01T06:00:00Z', '2024-04-01T06:00:00Z', 'America/Guatemala', $2)`,
          [otherHub.id, staff.id],
        );
        const again = await create(body);
        expect(again.status).toBe(200);
        expect(again.body).toEqual(first.body);
        const other = await create({ ...body, id: randomUUID() });
        expect(other.status).toBe(409);
        expect(other.body.code).toBe('quarter_locked');
        expect((await auditOf(body.id)).map((e) => e.action)).toEqual(['create']);
      });

      it('stores one row when the same create arrives twice at once', async () => {
        const id = randomUUID();
        const responses = await Promise.all([create({ ...anonymous(), id }), create({ ...anonymous(), id })]);
        expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
        expect(await t.sql('SELECT count(*)::int AS n FROM visits WHERE id = $1', [id])).toEqual([{ n: 1 }]);
        expect((await auditOf(id)).map((e) => e.action)).toEqual(['create']);
      });

      it.each([
        ['topics', { topics: ['documents'] }],
        ['note', { note: 'Another note' }],
        ['occurredAt', { occurredAt: '2025-05-06T14:31:00-06:00' }],
        ['needs left out', { needs: undefined }],
      ])('answers 409 conflict when the id exists with other content (%s), and changes nothing', async (_, overrides) => {
        const id = randomUUID();
        const first = await create({ ...anonymous(), id, needs: ['shelter'], note: 'First' });
        const response = await create({ ...anonymous(), id, needs: ['shelter'], note: 'First', ...overrides });
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('conflict');
        expect((await get(id)).body).toEqual(first.body);
      });
    });
  });

  describe('GET /api/visits/:id', () => {
    it('writes an audit event for every read', async () => {
      const visit = await createOk();
      await get(visit.id);
      await get(visit.id);
      expect((await auditOf(visit.id)).filter((e) => e.action === 'read')).toHaveLength(2);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await get(randomUUID())).status).toBe(404);
      expect((await get('abc')).status).toBe(400);
    });
  });

  describe('GET /api/visits', () => {
    let listHub: Hub;
    let listToken: string;
    let lister: User;
    let person: Person;
    const byId: Record<string, Visit> = {};
    const ids = (items: Visit[]) => items.map((v) => v.id);
    const query = (q: string) => list(`hubId=${listHub.id}&${q}`, listToken);

    beforeAll(async () => {
      listHub = await t.newHub({ code: 'LST', countryCode: 'GT' });
      ({ user: lister, token: listToken } = await t.newUser('staff', { hubIds: [listHub.id] }));
      person = await t.newPerson(listHub.id, {}, listToken);
      const visit = (name: string, overrides: Record<string, unknown>, token = listToken) =>
        t.newVisit(listHub.id, overrides, token).then((v) => (byId[name] = v));
      await visit('jan', { occurredAt: '2025-01-15T10:00:00Z', channel: 'phone', topics: ['trafficking'] });
      await visit('feb', { occurredAt: '2025-02-15T10:00:00Z', profile: 'in_transit', topics: ['documents', 'trafficking'] });
      await visit('mar', { occurredAt: '2025-03-15T10:00:00Z', personId: person.id, followUpOn: isoDay(-1) });
      await visit('apr', { occurredAt: '2025-04-15T10:00:00Z', channel: 'outreach', followUpOn: isoDay(0) });
      await visit('may', { occurredAt: '2025-05-15T10:00:00Z', followUpOn: isoDay(1) }, t.adminToken);
      // Three at the same instant: the id breaks the tie.
      for (const name of ['t1', 't2', 't3']) await visit(name, { occurredAt: '2025-06-01T09:00:00Z', channel: 'messaging' });
    });

    /** Newest first, ties by id descending. */
    const newestFirst = (names: string[]) =>
      names
        .map((n) => byId[n])
        .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id))
        .map((v) => v.id);
    const everyone = () => Object.keys(byId);

    it('lists the hub visits newest first', async () => {
      const response = await query('');
      expect(response.status).toBe(200);
      expect(ids(response.body.items)).toEqual(newestFirst(everyone()));
      expect(response.body.nextCursor).toBeNull();
    });

    it.each([1, 2, 3])('walks every page with limit=%i: newest first, no duplicates or gaps, ties included', async (limit) => {
      const seen: Visit[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: Page<Visit> } = await query(`limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...response.body.items);
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(ids(seen)).toEqual(newestFirst(everyone()));
    });

    it.each([
      ['from=2025-03-15T10:00:00Z', ['mar', 'apr', 'may', 't1', 't2', 't3']],
      ['to=2025-03-15T10:00:00Z', ['jan', 'feb']],
      ['from=2025-02-01&to=2025-04-01', ['feb', 'mar']],
      ['channel=phone', ['jan']],
      ['channel=messaging', ['t1', 't2', 't3']],
      ['profile=in_transit', ['feb']],
      ['topic=trafficking', ['jan', 'feb']],
      ['topic=documents&channel=outreach', ['apr']],
      ['followUpDue=true', ['mar', 'apr']],
      ['followUpDue=false', ['jan', 'feb', 'mar', 'apr', 'may', 't1', 't2', 't3']],
    ])('filters by %s', async (q, names) => {
      const response = await query(q);
      expect(response.status).toBe(200);
      expect(ids(response.body.items)).toEqual(newestFirst(names));
    });

    it('filters by staff member and by person', async () => {
      expect(ids((await query(`staffId=${lister.id}`)).body.items)).toEqual(newestFirst(everyone().filter((n) => n !== 'may')));
      expect(ids((await query(`personId=${person.id}`)).body.items)).toEqual([byId['mar'].id]);
    });

    it('drops a visit from the follow-ups due once the follow-up is done', async () => {
      const visit = await t.newVisit(listHub.id, { occurredAt: '2025-07-01T10:00:00Z', followUpOn: isoDay(-3) }, listToken);
      expect(ids((await query('followUpDue=true')).body.items)).toContain(visit.id);
      expect((await patch(visit.id, { version: 1, followUpDone: true }, listToken)).status).toBe(200);
      expect(ids((await query('followUpDue=true')).body.items)).toEqual(newestFirst(['mar', 'apr']));
    });

    it.each(['channel=email', 'profile=tourist', 'followUpDue=yes', 'from=yesterday', 'to=2025-13-01', 'hubId=LST', 'staffId=me', 'limit=0', 'cursor=xyz', 'sex=female'])(
      'answers 400 for %s',
      async (q) => {
        expect((await list(q)).status).toBe(400);
      },
    );
  });

  describe('PATCH /api/visits/:id', () => {
    it('applies the changes with the version read: 200, version 2, audit with before and after but not the note', async () => {
      const visit = await createOk({ note: 'Habló de su primo en Houston' });
      const response = await patch(visit.id, { version: 1, channel: 'phone', topics: ['trafficking'], needs: ['legal_aid'], note: 'Corrected note', followUpOn: '2025-06-01' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        ...visit,
        channel: 'phone',
        topics: ['trafficking'],
        needs: ['legal_aid'],
        note: 'Corrected note',
        followUpOn: '2025-06-01',
        version: 2,
        updatedAt: expect.stringMatching(ISO),
      });
      const [update] = (await auditOf(visit.id)).filter((e) => e.action === 'update');
      expect(update.details).toEqual({
        changes: {
          channel: { from: 'in_person', to: 'phone' },
          topics: { from: ['documents', 'labour_migration'], to: ['trafficking'] },
          needs: { from: [], to: ['legal_aid'] },
          followUpOn: { from: null, to: '2025-06-01' },
        },
        noteChanged: true,
      });
      expect(JSON.stringify(await t.sql('SELECT details FROM audit_events'))).not.toMatch(/Houston|Corrected note/);
    });

    it('marks the follow-up done with a timestamp, keeps it on a second done, and reopens it', async () => {
      const visit = await createOk({ followUpOn: isoDay(-1) });
      const done = await patch(visit.id, { version: 1, followUpDone: true });
      expect(done.status).toBe(200);
      expect(done.body.followUpDoneAt).toEqual(expect.stringMatching(ISO));
      expect(Math.abs(Date.parse(done.body.followUpDoneAt as string) - Date.now())).toBeLessThan(60_000);
      const doneAgain = await patch(visit.id, { version: 2, followUpDone: true });
      expect(doneAgain.body.followUpDoneAt).toBe(done.body.followUpDoneAt);
      const reopened = await patch(visit.id, { version: 3, followUpDone: false });
      expect(reopened.body).toMatchObject({ followUpDoneAt: null, version: 4 });
    });

    it('reopens a done follow-up moved to another date, unless followUpDone is sent', async () => {
      const visit = await createOk({ followUpOn: isoDay(-1) });
      await patch(visit.id, { version: 1, followUpDone: true });
      const moved = await patch(visit.id, { version: 2, followUpOn: isoDay(7) });
      expect(moved.body).toMatchObject({ followUpOn: isoDay(7), followUpDoneAt: null });
      const movedAndDone = await patch(visit.id, { version: 3, followUpOn: isoDay(8), followUpDone: true });
      expect(movedAndDone.body.followUpDoneAt).toEqual(expect.stringMatching(ISO));
    });

    it('clears the note and the follow-up date sent as null', async () => {
      const visit = await createOk({ note: 'x', followUpOn: '2025-06-01' });
      const response = await patch(visit.id, { version: 1, note: null, followUpOn: null });
      expect(response.body).toMatchObject({ note: null, followUpOn: null });
    });

    it('answers 409 stale_version for an old version and changes nothing', async () => {
      const visit = await createOk();
      expect((await patch(visit.id, { version: 1, channel: 'phone' })).status).toBe(200);
      const stale = await patch(visit.id, { version: 1, channel: 'outreach' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await get(visit.id)).body).toMatchObject({ channel: 'phone', version: 2 });
    });

    it.each([
      ['version', { channel: 'phone' }],
      ['topics', { version: 1, topics: [] }],
      ['topics', { version: 1, topics: ['astrology'] }],
      ['channel', { version: 1, channel: null }],
      ['occurredAt', { version: 1, occurredAt: '2999-01-01T00:00:00Z' }],
      ['note', { version: 1, note: 'x'.repeat(2001) }],
      ['followUpDone', { version: 1, followUpDone: 'yes' }],
      ['sex', { version: 1, sex: 'male' }],
      ['personId', { version: 1, personId: randomUUID() }],
      ['hubId', { version: 1, hubId: randomUUID() }],
    ])('answers 400 naming %s for %j', async (field, body) => {
      const visit = await createOk();
      const response = await patch(visit.id, body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
      expect((await get(visit.id)).body.version).toBe(1);
    });

    it('answers 404 for an unknown visit', async () => {
      expect((await patch(randomUUID(), { version: 1, channel: 'phone' })).status).toBe(404);
    });
  });
});
