// Cases identified in the community: a counselor sends minimal, consented data to the hub's inbox and
// then sees only the status; the hub team takes the case, links a person and closes it, each action
// versioned. Validation, scope (404 outside, 403 for counselors) and idempotent creates.
import { randomUUID } from 'node:crypto';
import type { Activity, ApiError, Case, CaseDetail, Hub, Page, Person, SentCase, User } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HOUR = 3_600_000;

describe('cases', () => {
  let t: TestApp;
  let hub: Hub;
  let otherHub: Hub;
  let staff: User;
  let staffToken: string;
  let counselor: User;
  let counselorToken: string;
  let otherCounselorToken: string;
  let foreignStaffToken: string;
  let supervisorToken: string;
  let activity: Activity;

  type Answer = CaseDetail & Partial<ApiError>;
  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const consent = { given: true, purposes: ['contact', 'follow_up'], date: '2025-05-06' };
  const valid = () => ({
    hubId: hub.id,
    needCategory: 'child_protection',
    urgency: 'priority',
    sex: 'male',
    ageBand: '12-17',
    nationality: 'HN',
    profile: 'in_transit',
    description: 'Adolescente viaja solo, pide información para seguir hacia el norte',
  });
  const create = (body: Record<string, unknown>, token = counselorToken) => t.request<Answer>('POST', '/api/cases', { token, body });
  const get = (id: string, token = staffToken) => t.request<Answer>('GET', `/api/cases/${id}`, { token });
  const list = (query: string, token = staffToken) => t.request<Page<Case> & Partial<ApiError>>('GET', `/api/cases?${query}`, { token });
  const act = (id: string, action: string, body: Record<string, unknown>, token = staffToken) =>
    t.request<Answer>('POST', `/api/cases/${id}/${action}`, { token, body });
  const createOk = async (overrides: Record<string, unknown> = {}, token = counselorToken) => {
    const response = await create({ ...valid(), ...overrides }, token);
    expect(response.status).toBe(201);
    return response.body;
  };
  /** Moves a case back in time, as if it had waited that long. */
  const age = (id: string, hours: number) => t.sql(`UPDATE cases SET created_at = now() - make_interval(hours => $2) WHERE id = $1`, [id, hours]);

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ code: 'TCU', countryCode: 'GT' });
    otherHub = await t.newHub({ code: 'UPA', countryCode: 'CR' });
    ({ user: staff, token: staffToken } = await t.newUser('staff', { hubIds: [hub.id] }));
    ({ user: counselor, token: counselorToken } = await t.newUser('counselor', { hubIds: [hub.id] }));
    ({ token: otherCounselorToken } = await t.newUser('counselor', { hubIds: [hub.id] }));
    ({ token: foreignStaffToken } = await t.newUser('staff', { hubIds: [otherHub.id] }));
    ({ token: supervisorToken } = await t.newUser('supervisor', { countryCodes: ['GT'] }));
    const participants = { girls: 4, boys: 6, women: 3, men: 2, other: 0 };
    activity = (await t.request<Activity>('POST', '/api/activities', {
      token: counselorToken,
      body: { hubId: hub.id, type: 'school_talk', occurredOn: '2025-05-06', place: 'Instituto', participants, topics: ['trafficking'] },
    })).body;
  });
  afterAll(() => t?.close());

  it('documents the cases, their inbox actions and the activities in OpenAPI', async () => {
    const { body } = await t.request<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/docs-json');
    for (const path of ['/api/cases', '/api/cases/{id}', '/api/cases/{id}/take', '/api/cases/{id}/link-person', '/api/cases/{id}/close', '/api/activities', '/api/activities/totals', '/api/counselors']) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    expect(JSON.stringify(body.paths['/api/cases'])).toContain('inbox');
  });

  describe('POST /api/cases', () => {
    it("answers the counselor with the case's status only, and the hub team with everything", async () => {
      const response = await create({ ...valid(), activityId: activity.id, vulnerabilities: ['unaccompanied_child'], consent, givenName: ' Kevin ', contact: '+504 9988 7766' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        hubId: hub.id,
        activityId: activity.id,
        needCategory: 'child_protection',
        urgency: 'priority',
        status: 'new',
        outcome: null,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
      const id = response.body.id;
      expect((await get(id, counselorToken)).body).toEqual(response.body);

      const detail = await get(id);
      expect(detail.status).toBe(200);
      expect(detail.body).toEqual({
        ...response.body,
        sex: 'male',
        ageBand: '12-17',
        nationality: 'HN',
        profile: 'in_transit',
        vulnerabilities: ['unaccompanied_child'],
        hasIdentifying: true,
        personId: null,
        personCode: null,
        createdBy: counselor.id,
        createdByName: counselor.displayName,
        assignedTo: null,
        assignedToName: null,
        takenAt: null,
        closedAt: null,
        waitingHours: 0,
        respondBy: new Date(Date.parse(response.body.createdAt) + 48 * HOUR).toISOString(),
        overdue: false,
        version: 1,
        description: valid().description,
        consent,
        givenName: 'Kevin',
        contact: '+504 9988 7766',
        closeComment: null,
      });
      const events = await t.sql('SELECT action, actor_id, details FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', ['case', id]);
      expect(events.map((e) => [e.action, e.actor_id])).toEqual([['create', counselor.id], ['read', staff.id]]);
      expect(events[0].details).toEqual({ needCategory: 'child_protection', urgency: 'priority', activityId: activity.id, identifying: ['givenName', 'contact'] });
      expect(JSON.stringify(events)).not.toMatch(/Kevin|9988|norte/);
    });

    it('lets hub staff record a case too, and answers them the whole case', async () => {
      const created = await createOk({}, staffToken);
      expect(created).toMatchObject({ createdBy: staff.id, status: 'new', hasIdentifying: false, consent: null, givenName: null });
    });

    it.each(['hubId', 'needCategory', 'urgency', 'sex', 'ageBand', 'nationality', 'profile', 'description'])('answers 400 naming %s when it is missing', async (field) => {
      const body: Record<string, unknown> = valid();
      delete body[field];
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it.each([
      ['id', 'case-1'],
      ['hubId', 'TCU'],
      ['activityId', 'talk-1'],
      ['urgency', 'urgent'],
      ['sex', 'boy'],
      ['ageBand', '10-14'],
      ['nationality', 'XX'],
      ['profile', 'tourist'],
      ['vulnerabilities', 'pregnant'],
      ['description', '   '],
      ['description', 'x'.repeat(1001)],
      ['givenName', 'x'.repeat(101)],
      ['consent', true],
      ['status', 'closed'],
      ['personId', randomUUID()],
      ['foo', 'unknown field'],
    ])('answers 400 naming %s for %j', async (field, value) => {
      const response = await create({ ...valid(), consent, [field]: value });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it.each([
      ['needCategory', { needCategory: 'spaceship' }],
      ['vulnerabilities', { vulnerabilities: ['documents'] }],
    ])('answers 400 naming %s for a code its reference list does not have', async (field, overrides) => {
      const response = await create({ ...valid(), ...overrides });
      expect(response.body.errors).toEqual([{ field, constraints: ['isReferenceCode'], message: expect.any(String) }]);
    });

    it('refuses a name or contact without consent, naming each; and consent given for no purpose', async () => {
      const without = await create({ ...valid(), givenName: 'Kevin', contact: '9988' });
      expect(without.status).toBe(400);
      expect(without.body.errors?.map((e) => [e.field, e.constraints])).toEqual([['givenName', ['requiresConsent']], ['contact', ['requiresConsent']]]);
      const refused = await create({ ...valid(), consent: { ...consent, given: false }, contact: '9988' });
      expect(fields(refused.body)).toEqual(['contact']);
      const noPurpose = await create({ ...valid(), consent: { ...consent, purposes: [] }, givenName: 'Kevin' });
      expect(fields(noPurpose.body)).toEqual(['consent.purposes']);
      const future = await create({ ...valid(), consent: { ...consent, date: '2999-01-01' } });
      expect(fields(future.body)).toEqual(['consent.date']);
    });

    it('answers 404 for an activity the caller cannot see and 400 for one of another hub', async () => {
      expect((await create({ ...valid(), activityId: activity.id }, otherCounselorToken)).status).toBe(404);
      expect((await create({ ...valid(), activityId: randomUUID() })).status).toBe(404);
      const elsewhere = (await t.request<Activity>('POST', '/api/activities', {
        token: t.adminToken,
        body: { hubId: otherHub.id, type: 'workshop', occurredOn: '2025-05-01', place: 'Upala', participants: { girls: 0, boys: 0, women: 1, men: 0, other: 0 }, topics: ['documents'] },
      })).body;
      const response = await create({ ...valid(), activityId: elsewhere.id }, t.adminToken);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['activityId']);
    });

    it('answers 404 for a hub outside the caller scope and stores nothing', async () => {
      const id = randomUUID();
      const response = await create({ ...valid(), id, hubId: otherHub.id });
      expect(response.status).toBe(404);
      expect(await t.sql('SELECT 1 FROM cases WHERE id = $1', [id])).toEqual([]);
    });

    it('answers the same case (200) for the same create sent again, and 409 naming id for other content', async () => {
      const body = { ...valid(), id: randomUUID(), consent, givenName: 'Kevin' };
      const first = await create(body);
      const again = await create(body);
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body).toEqual(first.body);
      expect(await t.sql('SELECT count(*)::int AS n FROM cases WHERE id = $1', [body.id])).toEqual([{ n: 1 }]);
      const changed = await create({ ...body, urgency: 'emergency' });
      expect(changed.status).toBe(409);
      expect(fields(changed.body)).toEqual(['id']);
      expect((await create(body, otherCounselorToken)).status).toBe(409);
    });
  });

  describe('who sees what', () => {
    let mine: SentCase;
    let theirs: SentCase;

    beforeAll(async () => {
      mine = await createOk({ description: 'Caso del consejero' });
      theirs = await createOk({ description: 'Caso de otro consejero' }, otherCounselorToken);
    });

    it('lists a counselor only the cases they sent, as status only', async () => {
      const response = await list('limit=200', otherCounselorToken);
      expect(response.status).toBe(200);
      expect(response.body.items.map((c) => c.id)).toEqual([theirs.id]);
      expect(Object.keys(response.body.items[0]).sort()).toEqual(['activityId', 'createdAt', 'hubId', 'id', 'needCategory', 'outcome', 'status', 'updatedAt', 'urgency']);
    });

    it("answers a counselor 404 for another counselor's case and 403 for the inbox and its actions", async () => {
      expect((await get(theirs.id, counselorToken)).status).toBe(404);
      expect((await act(theirs.id, 'take', { version: 1 }, counselorToken)).status).toBe(404);
      expect((await list('inbox=true', counselorToken)).status).toBe(403);
      expect((await list(`assignedTo=${staff.id}`, counselorToken)).status).toBe(403);
      for (const [action, body] of [['take', { version: 1 }], ['close', { version: 1, outcome: 'no_contact' }], ['link-person', { version: 1, personId: randomUUID() }]] as const) {
        expect({ action, status: (await act(mine.id, action, body, counselorToken)).status }).toEqual({ action, status: 403 });
      }
    });

    it('answers staff of another hub 404, and shows them none of these in lists or inbox', async () => {
      expect((await get(mine.id, foreignStaffToken)).status).toBe(404);
      expect((await act(mine.id, 'take', { version: 1 }, foreignStaffToken)).status).toBe(404);
      expect((await list('inbox=true&limit=200', foreignStaffToken)).body.items).toEqual([]);
      expect((await list(`hubId=${hub.id}`, foreignStaffToken)).body.items).toEqual([]);
    });

    it("shows the case in the inbox of the hub's staff and of the country's supervisor", async () => {
      for (const token of [staffToken, supervisorToken, t.adminToken]) {
        expect((await list('inbox=true&limit=200', token)).body.items.map((c) => c.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      }
    });
  });

  describe('the inbox flow', () => {
    let inboxHub: Hub;
    let token: string;
    let me: User;
    let colleagueToken: string;
    let sender: string;

    beforeAll(async () => {
      inboxHub = await t.newHub({ code: 'INB', countryCode: 'GT' });
      ({ user: me, token } = await t.newUser('staff', { hubIds: [inboxHub.id] }));
      ({ token: colleagueToken } = await t.newUser('staff', { hubIds: [inboxHub.id] }));
      ({ token: sender } = await t.newUser('counselor', { hubIds: [inboxHub.id] }));
    });

    const send = (overrides: Record<string, unknown> = {}) => createOk({ hubId: inboxHub.id, ...overrides }, sender);

    it('lists the open cases oldest first with the response timer; overdue past 48 hours', async () => {
      const old = await send({ urgency: 'routine' });
      const recent = await send({ urgency: 'emergency' });
      const closed = await send();
      await age(old.id, 50);
      await age(recent.id, 3);
      await age(closed.id, 60);
      await t.sql(`UPDATE cases SET status = 'closed', outcome = 'duplicate', closed_at = now() WHERE id = $1`, [closed.id]);

      const inbox = (await list('inbox=true', token)).body.items;
      expect(inbox.map((c) => c.id)).toEqual([old.id, recent.id]);
      expect(inbox[0]).toMatchObject({ waitingHours: 50, overdue: true, status: 'new' });
      expect(inbox[1]).toMatchObject({ waitingHours: 3, overdue: false });
      expect(inbox[0]).not.toHaveProperty('givenName');
      expect(inbox[0]).not.toHaveProperty('description');
      // Outside the inbox: every case, newest first.
      expect((await list('', token)).body.items.map((c) => c.id)).toEqual([recent.id, old.id, closed.id]);
      expect((await list('status=closed', token)).body.items.map((c) => c.id)).toEqual([closed.id]);
      await t.sql(`UPDATE cases SET status = 'closed', outcome = 'duplicate', closed_at = now() WHERE id = ANY($1)`, [[old.id, recent.id]]);
    });

    it('walks the inbox page by page, oldest first', async () => {
      const sent = [];
      for (let i = 0; i < 4; i++) sent.push(await send());
      for (const [i, c] of sent.entries()) await age(c.id, 10 - i);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: Page<Case> } = await list(`inbox=true&limit=3${cursor ? `&cursor=${cursor}` : ''}`, token);
        seen.push(...page.body.items.map((c) => c.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(sent.map((c) => c.id));
      await t.sql(`UPDATE cases SET status = 'closed', outcome = 'duplicate', closed_at = now() WHERE id = ANY($1)`, [seen]);
    });

    it('takes, links a person and closes a case, each with the version read; the counselor then sees the outcome', async () => {
      const sentCase = await send({ consent, givenName: 'Génesis', contact: '+502 5555 1234' });
      await age(sentCase.id, 5);

      const taken = await act(sentCase.id, 'take', { version: 1 }, token);
      expect(taken.status).toBe(200);
      expect(taken.body).toMatchObject({ status: 'in_progress', assignedTo: me.id, assignedToName: me.displayName, takenAt: expect.stringMatching(ISO), version: 2, waitingHours: 5, overdue: false });
      expect((await list('inbox=true', token)).body.items.map((c) => c.id)).toEqual([sentCase.id]);
      expect((await list(`assignedTo=${me.id}`, token)).body.items.map((c) => c.id)).toEqual([sentCase.id]);

      const person: Person = await t.newPerson(inboxHub.id, { sex: 'female', nationality: 'HN', profile: 'in_transit', birthYear: 2010 }, token);
      const linked = await act(sentCase.id, 'link-person', { version: 2, personId: person.id }, token);
      expect(linked.status).toBe(200);
      expect(linked.body).toMatchObject({ personId: person.id, personCode: person.code, status: 'in_progress', version: 3 });

      const closed = await act(sentCase.id, 'close', { version: 3, outcome: 'visit_logged', comment: 'Atendida en el centro' }, token);
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', outcome: 'visit_logged', closeComment: 'Atendida en el centro', closedAt: expect.stringMatching(ISO), version: 4, waitingHours: 5 });
      expect((await list('inbox=true', token)).body.items).toEqual([]);

      const seen = await get(sentCase.id, sender);
      expect(seen.body).toEqual({
        id: sentCase.id,
        hubId: inboxHub.id,
        activityId: null,
        needCategory: 'child_protection',
        urgency: 'priority',
        status: 'closed',
        outcome: 'visit_logged',
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
      const audit = await t.sql("SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'update' ORDER BY id", [sentCase.id]);
      expect(audit.map((e) => e.details)).toEqual([
        { action: 'take', fromStatus: 'new', toStatus: 'in_progress' },
        { action: 'link-person', fromStatus: 'in_progress', toStatus: 'in_progress', personId: person.id },
        { action: 'close', fromStatus: 'in_progress', toStatus: 'closed', outcome: 'visit_logged', commentGiven: true },
      ]);
      expect(JSON.stringify(audit)).not.toContain('Atendida');
    });

    it('answers 409 stale_version when someone else acted first, and changes nothing', async () => {
      const sentCase = await send();
      expect((await act(sentCase.id, 'take', { version: 1 }, colleagueToken)).status).toBe(200);
      const stale = await act(sentCase.id, 'take', { version: 1 }, token);
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await act(sentCase.id, 'close', { version: 1, outcome: 'no_contact' }, token)).status).toBe(409);
      expect((await get(sentCase.id, token)).body).toMatchObject({ status: 'in_progress', version: 2 });
      // Taking over a case someone holds is allowed with the current version.
      expect((await act(sentCase.id, 'take', { version: 2 }, token)).body).toMatchObject({ assignedTo: me.id, version: 3 });
    });

    it('closes a case nobody took, assigning it to whoever closed it; a closed case answers 409 to every action', async () => {
      const sentCase = await send();
      const closed = await act(sentCase.id, 'close', { version: 1, outcome: 'not_eligible' }, token);
      expect(closed.body).toMatchObject({ status: 'closed', assignedTo: me.id, takenAt: null, closeComment: null });
      for (const [action, body] of [['take', { version: 2 }], ['close', { version: 2, outcome: 'referred' }], ['link-person', { version: 2, personId: (await t.newPerson(inboxHub.id, {}, token)).id }]] as const) {
        const response = await act(sentCase.id, action, body, token);
        expect({ action, status: response.status, code: response.body.code }).toEqual({ action, status: 409, code: 'conflict' });
      }
    });

    it('links only a person the caller can see (404) who was not merged away (400)', async () => {
      const sentCase = await send();
      const foreignPerson = await t.newPerson(otherHub.id);
      expect((await act(sentCase.id, 'link-person', { version: 1, personId: foreignPerson.id }, token)).status).toBe(404);
      expect((await act(sentCase.id, 'link-person', { version: 1, personId: randomUUID() }, token)).status).toBe(404);
      const [kept, duplicate] = [await t.newPerson(inboxHub.id, {}, token), await t.newPerson(inboxHub.id, {}, token)];
      await t.sql('UPDATE persons SET merged_into_id = $1 WHERE id = $2', [kept.id, duplicate.id]);
      const merged = await act(sentCase.id, 'link-person', { version: 1, personId: duplicate.id }, token);
      expect(merged.status).toBe(400);
      expect(fields(merged.body)).toEqual(['personId']);
    });

    it.each([
      ['take', {}, 'version'],
      ['take', { version: 0 }, 'version'],
      ['take', { version: 1, assignedTo: randomUUID() }, 'assignedTo'],
      ['link-person', { version: 1 }, 'personId'],
      ['link-person', { version: 1, personId: 'P-1' }, 'personId'],
      ['close', { version: 1 }, 'outcome'],
      ['close', { version: 1, outcome: 'solved' }, 'outcome'],
      ['close', { version: 1, outcome: 'referred', comment: 'x'.repeat(1001) }, 'comment'],
    ])('answers 400 to %s with %j naming %s', async (action, body, field) => {
      const sentCase = await send();
      const response = await act(sentCase.id, action, body, token);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('answers 404 for an unknown case and for an action that does not exist', async () => {
      expect((await act(randomUUID(), 'take', { version: 1 }, token)).status).toBe(404);
      const sentCase = await send();
      expect((await act(sentCase.id, 'reopen', { version: 1 }, token)).status).toBe(404);
    });

    it.each(['inbox=yes', 'status=open', 'hubId=INB', 'assignedTo=me', 'limit=0', 'cursor=xyz', 'q=kevin'])('answers 400 for %s', async (query) => {
      expect((await list(query, token)).status).toBe(400);
    });
  });
});
