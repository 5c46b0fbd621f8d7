// Outreach activities: validated payload (participants by sex and age, a total of zero refused),
// idempotent creates by client id, counselors' own records, filters, keyset pages, exact totals and
// versioned updates.
import { randomUUID } from 'node:crypto';
import type { Activity, ActivityTotals, ApiError, Hub, Page, Participants, User } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('activities', () => {
  let t: TestApp;
  let hub: Hub;
  let otherHub: Hub;
  let staff: User;
  let staffToken: string;
  let counselor: User;
  let counselorToken: string;
  let coCounselor: User;
  let coCounselorToken: string;
  let otherCounselorToken: string;
  let foreignStaffToken: string;

  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const participants = (overrides: Partial<Participants> = {}): Participants => ({ girls: 3, boys: 2, women: 10, men: 5, other: 0, ...overrides });
  const valid = () => ({
    hubId: hub.id,
    type: 'info_session',
    occurredOn: '2025-05-06',
    place: 'Escuela Oficial Rural Mixta, Ayutla',
    participants: participants(),
    topics: ['irregular_migration_risks', 'trafficking'],
  });
  type Answer = Activity & Partial<ApiError>;
  const create = (body: Record<string, unknown>, token = staffToken) => t.request<Answer>('POST', '/api/activities', { token, body });
  const get = (id: string, token = staffToken) => t.request<Answer>('GET', `/api/activities/${id}`, { token });
  const patch = (id: string, body: Record<string, unknown>, token = staffToken) => t.request<Answer>('PATCH', `/api/activities/${id}`, { token, body });
  const list = (query: string, token = staffToken) => t.request<Page<Activity>>('GET', `/api/activities?${query}`, { token });
  const totals = (query: string, token = staffToken) => t.request<ActivityTotals & Partial<ApiError>>('GET', `/api/activities/totals?${query}`, { token });

  async function createOk(overrides: Record<string, unknown> = {}, token = staffToken): Promise<Activity> {
    const response = await create({ ...valid(), ...overrides }, token);
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ code: 'TCU', countryCode: 'GT' });
    otherHub = await t.newHub({ code: 'UPA', countryCode: 'CR' });
    ({ user: staff, token: staffToken } = await t.newUser('staff', { hubIds: [hub.id] }));
    ({ user: counselor, token: counselorToken } = await t.newUser('counselor', { hubIds: [hub.id] }));
    ({ user: coCounselor, token: coCounselorToken } = await t.newUser('counselor', { hubIds: [hub.id] }));
    ({ token: otherCounselorToken } = await t.newUser('counselor', { hubIds: [hub.id] }));
    ({ token: foreignStaffToken } = await t.newUser('staff', { hubIds: [otherHub.id] }));
  });
  afterAll(() => t?.close());

  describe('POST /api/activities', () => {
    it('answers 201 with the full representation and the derived total, audited without notes', async () => {
      const response = await create({
        ...valid(),
        community: '  Barrio El Progreso ',
        counselorIds: [counselor.id],
        campaign: 'Piénsalo dos veces',
        materials: '120 folletos',
        notes: 'Preguntaron por visas de trabajo temporal',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        hubId: hub.id,
        type: 'info_session',
        occurredOn: '2025-05-06',
        place: 'Escuela Oficial Rural Mixta, Ayutla',
        community: 'Barrio El Progreso',
        participants: { girls: 3, boys: 2, women: 10, men: 5, other: 0 },
        participantsTotal: 20,
        topics: ['irregular_migration_risks', 'trafficking'],
        counselors: [{ id: counselor.id, displayName: counselor.displayName }],
        campaign: 'Piénsalo dos veces',
        materials: '120 folletos',
        notes: 'Preguntaron por visas de trabajo temporal',
        createdBy: staff.id,
        version: 1,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
      expect((await get(response.body.id)).body).toEqual(response.body);
      const [event] = await t.sql('SELECT action, actor_id, hub_id, details FROM audit_events WHERE entity_type = $1 AND entity_id = $2', ['activity', response.body.id]);
      expect(event).toMatchObject({ action: 'create', actor_id: staff.id, hub_id: hub.id });
      expect(JSON.stringify(event.details)).not.toContain('visas');
    });

    it('stores the optional fields as null and no counselors when staff leave them out; a blank note is none', async () => {
      const activity = await createOk({ notes: '   ' });
      expect(activity).toMatchObject({ community: null, campaign: null, materials: null, notes: null, counselors: [] });
    });

    it('names the counselor who records it among its counselors, first', async () => {
      const activity = await createOk({ counselorIds: [coCounselor.id] }, counselorToken);
      expect(activity.counselors.map((c) => c.id)).toEqual([counselor.id, coCounselor.id]);
      expect(activity.createdBy).toBe(counselor.id);
    });

    it.each(['hubId', 'type', 'occurredOn', 'place', 'participants', 'topics'])('answers 400 naming %s when it is missing', async (field) => {
      const body: Record<string, unknown> = valid();
      delete body[field];
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(fields(response.body)).toEqual([field]);
    });

    it.each(['girls', 'boys', 'women', 'men', 'other'] as const)('answers 400 naming participants.%s when it is missing, negative, fractional, too big or text', async (group) => {
      const { [group]: _, ...rest } = participants();
      void _;
      for (const value of [undefined, -1, 2.5, 100_001, '12', null]) {
        const response = await create({ ...valid(), participants: value === undefined ? rest : { ...rest, [group]: value } });
        expect({ value, status: response.status, fields: fields(response.body) }).toEqual({ value, status: 400, fields: [`participants.${group}`] });
      }
    });

    it('accepts a group of exactly 100000 and a total made of one group', async () => {
      const activity = await createOk({ participants: { girls: 0, boys: 0, women: 0, men: 0, other: 100_000 } });
      expect(activity.participantsTotal).toBe(100_000);
    });

    it('answers 400 naming participants when nobody took part (a total of zero)', async () => {
      const response = await create({ ...valid(), participants: { girls: 0, boys: 0, women: 0, men: 0, other: 0 } });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'participants', constraints: ['someoneTookPart'], message: expect.any(String) }]);
    });

    it.each([
      ['participants', 20],
      ['participants', [1, 2, 3, 4, 5]],
      ['participants.total', { ...participants(), total: 20 }],
      ['participantsTotal', 20],
      ['id', 'client-1'],
      ['hubId', 'TCU'],
      ['type', 'concert'],
      ['occurredOn', '2025-02-30'],
      ['occurredOn', '06/05/2025'],
      ['occurredOn', isoDay(3)],
      ['place', ''],
      ['place', 'x'.repeat(201)],
      ['community', 'x'.repeat(121)],
      ['topics', []],
      ['topics', ['documents', 'documents']],
      ['topics', 'documents'],
      ['counselorIds', ['me']],
      ['counselorIds', 'all'],
      ['campaign', 'x'.repeat(121)],
      ['materials', 42],
      ['notes', 'x'.repeat(2001)],
      ['createdBy', randomUUID()],
      ['foo', 'unknown field'],
    ])('answers 400 naming %s for %j', async (field, value) => {
      const body: Record<string, unknown> = { ...valid() };
      if (field === 'participants.total') body['participants'] = value;
      else body[field] = value;
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('answers 400 naming topics for a code the topics list does not have', async () => {
      const response = await create({ ...valid(), topics: ['documents', 'astrology'] });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'topics', constraints: ['isReferenceCode'], message: expect.any(String) }]);
    });

    it('answers 400 naming counselorIds for staff, a stranger or a counselor of another hub', async () => {
      const { user: elsewhere } = await t.newUser('counselor', { hubIds: [otherHub.id] });
      for (const id of [staff.id, randomUUID(), elsewhere.id]) {
        const response = await create({ ...valid(), counselorIds: [id] });
        expect(fields(response.body)).toEqual(['counselorIds']);
      }
    });

    it('answers 404 for a hub outside the caller scope (counselors too), and stores nothing', async () => {
      for (const token of [staffToken, counselorToken]) {
        const id = randomUUID();
        const response = await create({ ...valid(), id, hubId: otherHub.id }, token);
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Hub not found' });
        expect(await t.sql('SELECT 1 FROM activities WHERE id = $1', [id])).toEqual([]);
      }
    });

    describe('with a client-generated id', () => {
      it('answers the same record (200) for the same create sent again: one row, one audit event', async () => {
        const id = randomUUID();
        const body = { ...valid(), id, campaign: 'Piénsalo dos veces' };
        const first = await create(body, counselorToken);
        const again = await create(body, counselorToken);
        expect([first.status, again.status]).toEqual([201, 200]);
        expect(again.body).toEqual(first.body);
        expect(await t.sql('SELECT count(*)::int AS n FROM activities WHERE id = $1', [id])).toEqual([{ n: 1 }]);
        expect(await t.sql("SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'create'", [id])).toEqual([{ n: 1 }]);
      });

      it('stores the same create sent at once only once', async () => {
        const body = { ...valid(), id: randomUUID() };
        const answers = await Promise.all([create(body), create(body), create(body)]);
        expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
        expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      });

      it('answers 409 naming id for the same id with other content, or an id of a record the caller cannot see', async () => {
        const id = randomUUID();
        await createOk({ id });
        const changed = await create({ ...valid(), id, participants: participants({ men: 6 }) });
        expect(changed.status).toBe(409);
        expect(fields(changed.body)).toEqual(['id']);
        const foreign = await create({ ...valid(), id, hubId: otherHub.id }, foreignStaffToken);
        expect(foreign.status).toBe(409);
      });
    });
  });

  describe('who sees what', () => {
    let byStaff: Activity;
    let byCounselor: Activity;
    let naming: Activity;
    let foreign: Activity;

    beforeAll(async () => {
      byStaff = await createOk({ place: 'Salón comunal' });
      byCounselor = await createOk({ place: 'Mercado municipal' }, counselorToken);
      naming = await createOk({ place: 'Feria de salud', counselorIds: [counselor.id] });
      foreign = await createOk({ hubId: otherHub.id, place: 'Plaza de Upala' }, foreignStaffToken);
    });

    it('lets a counselor read the activities they recorded or that name them, and answers 404 for others', async () => {
      expect((await get(byCounselor.id, counselorToken)).status).toBe(200);
      expect((await get(naming.id, counselorToken)).status).toBe(200);
      expect((await get(byStaff.id, counselorToken)).status).toBe(404);
      expect((await get(foreign.id, counselorToken)).status).toBe(404);
      expect((await get(byCounselor.id, otherCounselorToken)).status).toBe(404);
    });

    it('lists for a counselor only their own activities, whatever the filters', async () => {
      for (const query of ['', `hubId=${hub.id}`, `counselorId=${coCounselor.id}`, 'limit=200']) {
        const ids = (await list(query, otherCounselorToken)).body.items.map((a) => a.id);
        expect({ query, ids }).toEqual({ query, ids: [] });
      }
      const mine = (await list('limit=200', counselorToken)).body.items;
      expect(mine.map((a) => a.id)).toEqual(expect.arrayContaining([byCounselor.id, naming.id]));
      expect(mine.every((a) => a.createdBy === counselor.id || a.counselors.some((c) => c.id === counselor.id))).toBe(true);
    });

    it('answers 404 to staff of another hub, and lists them none of this hub', async () => {
      expect((await get(byStaff.id, foreignStaffToken)).status).toBe(404);
      expect((await patch(byStaff.id, { version: 1, place: 'x' }, foreignStaffToken)).status).toBe(404);
      expect((await list('limit=200', foreignStaffToken)).body.items.map((a) => a.id)).toEqual([foreign.id]);
    });

    it("lets a counselor update their own activity but answers 404 for another counselor's", async () => {
      expect((await patch(byCounselor.id, { version: byCounselor.version, materials: '40 afiches' }, counselorToken)).status).toBe(200);
      expect((await patch(byCounselor.id, { version: 2, place: 'x' }, coCounselorToken)).status).toBe(404);
      expect((await patch(byStaff.id, { version: 1, place: 'x' }, counselorToken)).status).toBe(404);
    });

    it('answers 404 for an unknown activity and 400 for an id that is not a UUID', async () => {
      expect((await get(randomUUID())).status).toBe(404);
      expect((await get('totally-not-an-id')).status).toBe(400);
    });
  });

  describe('GET /api/activities and /totals', () => {
    let listHub: Hub;
    let token: string;
    let c1: User;
    let c2: User;
    const byName: Record<string, Activity> = {};

    beforeAll(async () => {
      listHub = await t.newHub({ code: 'LST', countryCode: 'GT' });
      ({ token } = await t.newUser('staff', { hubIds: [listHub.id] }));
      ({ user: c1 } = await t.newUser('counselor', { hubIds: [listHub.id] }));
      ({ user: c2 } = await t.newUser('counselor', { hubIds: [listHub.id] }));
      const add = async (name: string, overrides: Record<string, unknown>) => {
        byName[name] = await createOk({ hubId: listHub.id, place: name, ...overrides }, token);
      };
      await add('jan', { occurredOn: '2025-01-15', type: 'school_talk', participants: participants({ girls: 40, boys: 35, women: 2, men: 1, other: 0 }), counselorIds: [c1.id] });
      await add('feb', { occurredOn: '2025-02-10', type: 'community_fair', campaign: 'Piénsalo dos veces', participants: participants({ girls: 10, boys: 12, women: 80, men: 60, other: 3 }), counselorIds: [c1.id, c2.id] });
      await add('mar', { occurredOn: '2025-03-01', type: 'workshop', campaign: 'PIENSALO DOS VECES 2025', participants: participants({ girls: 0, boys: 0, women: 15, men: 0, other: 1 }), counselorIds: [c2.id] });
      await add('apr', { occurredOn: '2025-04-20', type: 'info_session', participants: participants({ girls: 1, boys: 1, women: 1, men: 1, other: 1 }) });
      for (const name of ['t1', 't2', 't3']) await add(name, { occurredOn: '2025-05-05', type: 'home_visit', participants: participants({ girls: 0, boys: 0, women: 2, men: 1, other: 0 }) });
    });

    const ids = (items: Activity[]) => items.map((a) => a.id);
    const newestFirst = (names: string[]) =>
      names
        .map((n) => byName[n])
        .sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.id.localeCompare(a.id))
        .map((a) => a.id);
    const everyone = () => Object.keys(byName);

    it('lists the hub activities newest first', async () => {
      const response = await list('', token);
      expect(response.status).toBe(200);
      expect(ids(response.body.items)).toEqual(newestFirst(everyone()));
    });

    it.each([1, 2, 3])('walks every page with limit=%i without duplicates or gaps', async (limit) => {
      const seen: Activity[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: Page<Activity> } = await list(`limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, token);
        seen.push(...response.body.items);
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(ids(seen)).toEqual(newestFirst(everyone()));
    });

    const cases = (): [string, string[]][] => [
      ['from=2025-02-10', ['feb', 'mar', 'apr', 't1', 't2', 't3']],
      ['to=2025-02-10', ['jan', 'feb']],
      ['from=2025-02-01&to=2025-03-31', ['feb', 'mar']],
      ['type=home_visit', ['t1', 't2', 't3']],
      ['campaign=piensalo', ['feb', 'mar']],
      ['campaign=2025', ['mar']],
      [`counselorId=${c1.id}`, ['jan', 'feb']],
      [`counselorId=${c2.id}&type=workshop`, ['mar']],
    ];

    it('filters by period, type, campaign (case and accents ignored) and counselor', async () => {
      for (const [query, names] of cases()) {
        expect({ query, ids: ids((await list(query, token)).body.items) }).toEqual({ query, ids: newestFirst(names) });
      }
    });

    it('totals the filtered set exactly, by sex and age', async () => {
      const all = await totals('', token);
      expect(all.status).toBe(200);
      expect(all.body).toEqual({
        activities: 7,
        participants: { girls: 51, boys: 48, women: 104, men: 65, other: 5 },
        total: 273,
        female: 155,
        male: 113,
        children: 99,
        adults: 169,
      });
      for (const [query, names] of cases()) {
        const expected = names.map((n) => byName[n].participantsTotal).reduce((a, b) => a + b, 0);
        const body = (await totals(query, token)).body;
        expect({ query, activities: body.activities, total: body.total }).toEqual({ query, activities: names.length, total: expected });
      }
      expect((await totals('type=campaign_event', token)).body).toMatchObject({ activities: 0, total: 0, participants: { girls: 0, boys: 0, women: 0, men: 0, other: 0 } });
    });

    it('totals only what the caller may see: a counselor their own, staff of another hub nothing here', async () => {
      expect((await totals(`hubId=${listHub.id}`, foreignStaffToken)).body).toMatchObject({ activities: 0, total: 0 });
      expect((await totals('', otherCounselorToken)).body).toMatchObject({ activities: 0, total: 0 });
    });

    it.each(['type=concert', 'from=yesterday', 'to=2025-13-01', 'hubId=LST', 'counselorId=me', 'limit=0', 'cursor=xyz', 'sex=female'])('answers 400 for %s', async (query) => {
      expect((await list(query, token)).status).toBe(400);
    });

    it.each(['type=concert', 'from=2025-02-30', 'limit=10', 'cursor=abc'])('answers 400 to the totals for %s', async (query) => {
      expect((await totals(query, token)).status).toBe(400);
    });
  });

  describe('PATCH /api/activities/:id', () => {
    it('applies the changes with the version read; the audit has before and after, the notes only named', async () => {
      const activity = await createOk({ notes: 'Llegó la radio local' });
      const response = await patch(activity.id, {
        version: 1,
        type: 'workshop',
        participants: participants({ men: 9 }),
        counselorIds: [coCounselor.id],
        campaign: 'Piénsalo dos veces',
        notes: 'Otra nota',
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        ...activity,
        type: 'workshop',
        participants: participants({ men: 9 }),
        participantsTotal: 24,
        counselors: [{ id: coCounselor.id, displayName: coCounselor.displayName }],
        campaign: 'Piénsalo dos veces',
        notes: 'Otra nota',
        version: 2,
        updatedAt: expect.stringMatching(ISO),
      });
      const [update] = await t.sql("SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'update'", [activity.id]);
      expect(update.details).toEqual({
        changes: {
          type: { from: 'info_session', to: 'workshop' },
          participants: { from: participants(), to: participants({ men: 9 }) },
          counselorIds: { from: [], to: [coCounselor.id] },
          campaign: { from: null, to: 'Piénsalo dos veces' },
        },
        notesChanged: true,
      });
      expect(JSON.stringify(update.details)).not.toMatch(/radio|Otra nota/);
    });

    it('clears optional texts sent as null', async () => {
      const activity = await createOk({ community: 'Centro', campaign: 'X', materials: 'Y', notes: 'Z' });
      const response = await patch(activity.id, { version: 1, community: null, campaign: null, materials: null, notes: null });
      expect(response.body).toMatchObject({ community: null, campaign: null, materials: null, notes: null });
    });

    it('answers 409 stale_version for an old version and changes nothing', async () => {
      const activity = await createOk();
      expect((await patch(activity.id, { version: 1, place: 'Nuevo lugar' })).status).toBe(200);
      const stale = await patch(activity.id, { version: 1, place: 'Otro lugar' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await get(activity.id)).body).toMatchObject({ place: 'Nuevo lugar', version: 2 });
    });

    it.each([
      ['version', { place: 'x' }],
      ['participants', { version: 1, participants: { girls: 0, boys: 0, women: 0, men: 0, other: 0 } }],
      ['participants.men', { version: 1, participants: { girls: 0, boys: 0, women: 1, men: -3, other: 0 } }],
      ['participants', { version: 1, participants: null }],
      ['place', { version: 1, place: null }],
      ['topics', { version: 1, topics: [] }],
      ['occurredOn', { version: 1, occurredOn: isoDay(5) }],
      ['hubId', { version: 1, hubId: otherHub?.id ?? randomUUID() }],
      ['createdBy', { version: 1, createdBy: randomUUID() }],
    ])('answers 400 naming %s for %j', async (field, body) => {
      const activity = await createOk();
      const response = await patch(activity.id, body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
      expect((await get(activity.id)).body.version).toBe(1);
    });
  });
});
