// Persons as hub staff and supervisors use them: create with pseudonymous codes and consent rules,
// masked reads with an audit trail, reveal with a reason, accent- and typo-tolerant search, versioned
// updates, idempotent creates and merges. Who may do what is in modules/records-scope.integration-spec.ts.
import { randomUUID } from 'node:crypto';
import type { ApiError, Hub, Page, Person, PersonDetail } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CONSENT = { given: true, purposes: ['follow_up', 'referral'], date: '2025-03-01' };
const IDENTIFYING = { givenName: 'José', familyName: 'Hernández', dateOfBirth: '1990-05-12', documentNumber: '2456 78901 0101', phone: '+502 5555-1234' };
const IDENTIFYING_VALUES = ['José', 'Hernández', 'Jose', 'Hernandez', '1990-05-12', '2456 78901 0101', '+502 5555-1234', '5555-1234'];

describe('persons', () => {
  let t: TestApp;
  let hub: Hub;
  let otherHub: Hub;
  let staffToken: string;
  let supervisorToken: string;

  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const base = () => ({ hubId: hub.id, sex: 'female', nationality: 'GT', profile: 'returnee_deported' });
  const create = (body: Record<string, unknown>, token = staffToken) => t.request<Person & Partial<ApiError>>('POST', '/api/persons', { token, body });
  const get = (id: string, token = staffToken) => t.request<PersonDetail>('GET', `/api/persons/${id}`, { token });
  const patch = (id: string, body: Record<string, unknown>, token = staffToken) => t.request<Person & Partial<ApiError>>('PATCH', `/api/persons/${id}`, { token, body });
  const list = (query: string, token = supervisorToken) => t.request<Page<Person>>('GET', `/api/persons?${query}`, { token });
  const reveal = (id: string, reason: unknown, token = staffToken) =>
    t.request<Person>('POST', `/api/persons/${id}/reveal`, { token, body: { reasonCode: 'other', ...(reason === undefined ? {} : { reason }) } });
  const merge = (id: string, body: Record<string, unknown>, token = supervisorToken) => t.request<Person>('POST', `/api/persons/${id}/merge`, { token, body });
  const auditOf = (id: string) =>
    t.sql<{ action: string; actor_id: string; hub_id: string; details: Record<string, unknown> }>(
      'SELECT action, actor_id, hub_id, details FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id',
      ['person', id],
    );

  async function createOk(overrides: Record<string, unknown> = {}, token = staffToken): Promise<Person> {
    const response = await create({ ...base(), ...overrides }, token);
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ code: 'TCU', countryCode: 'GT' });
    otherHub = await t.newHub({ code: 'CHQ', countryCode: 'HN' });
    [staffToken, supervisorToken] = await Promise.all([
      t.newUser('staff', { hubIds: [hub.id, otherHub.id] }).then((u) => u.token),
      t.newUser('supervisor', { countryCodes: ['GT', 'HN'] }).then((u) => u.token),
    ]);
  });
  afterAll(() => t?.close());

  describe('POST /api/persons', () => {
    it('answers 201 with the full representation: code, version 1, identifying fields masked', async () => {
      const response = await create({ ...base(), birthYear: 1990, ageBand: '25-59', vulnerabilities: ['deported_returnee'], consent: CONSENT, ...IDENTIFYING });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        code: expect.stringMatching(/^GT-TCU-\d{6}$/),
        hubId: hub.id,
        sex: 'female',
        nationality: 'GT',
        profile: 'returnee_deported',
        birthYear: 1990,
        ageBand: '25-59',
        vulnerabilities: ['deported_returnee'],
        consent: CONSENT,
        identifying: { givenName: 'J***', familyName: 'H***', dateOfBirth: '1990-**-**', documentNumber: '****01', phone: '****34' },
        identifyingRevealed: false,
        mergedIntoId: null,
        preferredLanguage: null,
        createdBy: expect.stringMatching(UUID),
        version: 1,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
      for (const value of IDENTIFYING_VALUES) expect(JSON.stringify(response.body)).not.toContain(value);
      const [row] = await t.sql('SELECT given_name, family_name, document_number, phone, to_char(date_of_birth, $2) AS dob FROM persons WHERE id = $1', [
        response.body.id,
        'YYYY-MM-DD',
      ]);
      expect(row).toEqual({ given_name: 'José', family_name: 'Hernández', document_number: '2456 78901 0101', phone: '+502 5555-1234', dob: '1990-05-12' });
    });

    it('stores a minimal person: no identifying data, consent null, vulnerabilities []', async () => {
      const person = await createOk();
      expect(person).toMatchObject({ birthYear: null, ageBand: null, vulnerabilities: [], consent: null });
      expect(person.identifying).toEqual({ givenName: null, familyName: null, dateOfBirth: null, documentNumber: null, phone: null });
    });

    it('numbers codes per hub, <country>-<hub code>-<6 digits>, one after the other', async () => {
      const numberOf = (p: Person) => Number(p.code.slice(-6));
      const first = await createOk();
      const second = await createOk();
      const inOther = await createOk({ hubId: otherHub.id });
      const inOtherAgain = await createOk({ hubId: otherHub.id });
      expect(second.code).toMatch(/^GT-TCU-\d{6}$/);
      expect(numberOf(second)).toBe(numberOf(first) + 1);
      expect(inOther.code).toMatch(/^HN-CHQ-\d{6}$/);
      expect(numberOf(inOtherAgain)).toBe(numberOf(inOther) + 1);
      const [{ next }] = await t.sql('SELECT next_person_number AS next FROM hubs WHERE id = $1', [otherHub.id]);
      expect(next).toBe(numberOf(inOtherAgain) + 1);
    });

    it('numbers the first person of a new hub 000001 and hands out distinct codes under concurrency', async () => {
      const fresh = await t.newHub({ code: 'PAR', countryCode: 'GT' });
      const people = await Promise.all(Array.from({ length: 8 }, () => createOk({ hubId: fresh.id }, t.adminToken)));
      expect(people.map((p) => p.code).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `GT-PAR-00000${i + 1}`));
    });

    it('derives birthYear from dateOfBirth and refuses a birthYear that contradicts it', async () => {
      const derived = await createOk({ consent: CONSENT, dateOfBirth: '2001-07-30' });
      expect(derived.birthYear).toBe(2001);
      const response = await create({ ...base(), consent: CONSENT, dateOfBirth: '2001-07-30', birthYear: 2000 });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['birthYear']);
    });

    it.each(Object.keys(IDENTIFYING))('answers 400 naming %s when it is sent without consent', async (field) => {
      const response = await create({ ...base(), [field]: IDENTIFYING[field as keyof typeof IDENTIFYING] });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(response.body.errors).toEqual([{ field, constraints: ['requiresConsent'], message: expect.any(String) }]);
    });

    it('names every identifying field sent with consent refused, and stores nothing', async () => {
      const before = await t.sql('SELECT count(*)::int AS n FROM persons');
      const response = await create({ ...base(), consent: { given: false, purposes: [], date: '2025-03-01' }, ...IDENTIFYING });
      expect(response.status).toBe(400);
      expect(fields(response.body).sort()).toEqual(Object.keys(IDENTIFYING).sort());
      expect(JSON.stringify(response.body)).not.toContain('Hernández');
      expect(await t.sql('SELECT count(*)::int AS n FROM persons')).toEqual(before);
    });

    it('accepts identifying fields sent as null without consent (nothing to store)', async () => {
      expect((await create({ ...base(), givenName: null, phone: null })).status).toBe(201);
    });

    it('records a refused consent with its date', async () => {
      const person = await createOk({ consent: { given: false, purposes: [], date: '2025-03-01' } });
      expect(person.consent).toEqual({ given: false, purposes: [], date: '2025-03-01' });
    });

    it.each(['hubId', 'sex', 'nationality', 'profile'])('answers 400 naming %s when it is missing', async (field) => {
      const body: Record<string, unknown> = base();
      delete body[field];
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    const nextYear = new Date().getUTCFullYear() + 1;
    const tomorrowPlusOne = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    it.each([
      ['id', 'not-a-uuid'],
      ['hubId', 'TCU'],
      ['sex', 'f'],
      ['nationality', 'ZZ'],
      ['nationality', 'GTM'],
      ['profile', 'migrant'],
      ['birthYear', 1899],
      ['birthYear', nextYear],
      ['birthYear', 1990.5],
      ['birthYear', '1990'],
      ['ageBand', '18-30'],
      ['vulnerabilities', 'pregnant'],
      ['vulnerabilities', ['pregnant', 'pregnant']],
      ['vulnerabilities', ['x'.repeat(61)]],
      ['consent', true],
      ['consent.purposes', { given: true, purposes: ['marketing'], date: '2025-03-01' }],
      ['consent.purposes', { given: true, purposes: [], date: '2025-03-01' }],
      ['consent.date', { given: true, purposes: ['referral'] }],
      ['consent.date', { given: true, purposes: ['referral'], date: tomorrowPlusOne }],
      ['consent.given', { given: 'yes', purposes: ['referral'], date: '2025-03-01' }],
      ['consent.extra', { given: true, purposes: ['referral'], date: '2025-03-01', extra: 1 }],
      ['givenName', 'x'.repeat(101)],
      ['givenName', '   '],
      ['familyName', 7],
      ['documentNumber', 'x'.repeat(41)],
      ['phone', 'call me'],
      ['dateOfBirth', tomorrowPlusOne],
      ['dateOfBirth', '1990-13-01'],
      ['dateOfBirth', '1990-02-30'],
      ['dateOfBirth', '12/05/1990'],
      ['foo', 'unknown field'],
    ])('answers 400 naming %s for %j', async (field, value) => {
      const [top, nested] = field.split('.');
      const body: Record<string, unknown> = { ...base(), [top]: nested ? value : value };
      if (top !== 'consent' && top !== 'foo' && ['givenName', 'familyName', 'documentNumber', 'phone', 'dateOfBirth'].includes(top)) body['consent'] = CONSENT;
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('answers 400 naming vulnerabilities for a code not in the list', async () => {
      const response = await create({ ...base(), vulnerabilities: ['pregnant', 'not_a_vulnerability'] });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'vulnerabilities', constraints: ['isReferenceCode'], message: expect.stringContaining('not_a_vulnerability') }]);
    });

    it('answers 404, naming no field, for a hub outside the caller scope or unknown', async () => {
      const foreign = await t.newHub({ countryCode: 'CR' });
      for (const hubId of [foreign.id, randomUUID()]) {
        const response = await create({ ...base(), hubId });
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Hub not found' });
      }
    });

    describe('with a client-generated id', () => {
      it('answers the same record (200) for the same create sent again: one row, one audit event', async () => {
        const id = randomUUID();
        const body = { ...base(), id, consent: CONSENT, givenName: 'Ana', vulnerabilities: ['pregnant'] };
        const first = await create(body);
        expect(first.status).toBe(201);
        expect(first.body.id).toBe(id);
        const again = await create(body);
        expect(again.status).toBe(200);
        expect(again.body).toEqual(first.body);
        expect(await t.sql('SELECT count(*)::int AS n FROM persons WHERE id = $1', [id])).toEqual([{ n: 1 }]);
        expect((await auditOf(id)).filter((e) => e.action === 'create')).toHaveLength(1);
      });

      it('stores one row when the same create arrives twice at once', async () => {
        const id = randomUUID();
        const responses = await Promise.all([create({ ...base(), id }), create({ ...base(), id })]);
        expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
        expect(responses[0].body).toEqual(responses[1].body);
        expect(await t.sql('SELECT count(*)::int AS n FROM persons WHERE id = $1', [id])).toEqual([{ n: 1 }]);
      });

      it('answers 409 conflict when the id exists with other content, and changes nothing', async () => {
        const id = randomUUID();
        const first = await create({ ...base(), id });
        const response = await create({ ...base(), id, sex: 'male' });
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('conflict');
        expect(fields(response.body)).toEqual(['id']);
        expect((await get(id)).body).toMatchObject({ sex: 'female', version: first.body.version });
      });

      it('answers 409 when the id belongs to a record the caller cannot see', async () => {
        const foreign = await t.newHub({ countryCode: 'CR' });
        const id = randomUUID();
        await createOk({ id, hubId: foreign.id }, t.adminToken);
        expect((await create({ ...base(), id, hubId: foreign.id })).status).toBe(409);
      });
    });
  });

  describe('GET /api/persons/:id', () => {
    it('answers the person masked with the timeline of visits, newest first', async () => {
      const person = await createOk({ consent: CONSENT, ...IDENTIFYING });
      const older = await t.newVisit(hub.id, { personId: person.id, occurredAt: '2025-01-10T15:00:00Z' }, staffToken);
      const newer = await t.newVisit(hub.id, { personId: person.id, occurredAt: '2025-06-10T15:00:00Z' }, staffToken);
      await t.newVisit(hub.id, {}, staffToken); // anonymous: not on the timeline
      const response = await get(person.id);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ...person, visits: [newer, older], referrals: [] });
      expect(response.body.visits[0]).toMatchObject({ personId: person.id, personCode: person.code });
      for (const value of IDENTIFYING_VALUES) expect(JSON.stringify(response.body)).not.toContain(value);
    });

    it('writes an audit event for every read: action read, the hub, no personal data', async () => {
      const person = await createOk({ consent: CONSENT, ...IDENTIFYING });
      await get(person.id);
      await get(person.id);
      const reads = (await auditOf(person.id)).filter((e) => e.action === 'read');
      expect(reads).toHaveLength(2);
      expect(reads[0]).toMatchObject({ hub_id: hub.id, actor_id: expect.stringMatching(UUID) });
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await get(randomUUID())).status).toBe(404);
      const malformed = await get('123');
      expect(malformed.status).toBe(400);
      expect(fields(malformed.body)).toEqual(['id']);
    });
  });

  describe('POST /api/persons/:id/reveal', () => {
    it('answers the identifying fields unmasked and audits the reason and the fields shown', async () => {
      const person = await createOk({ consent: CONSENT, givenName: 'José', familyName: 'Hernández', documentNumber: 'A1234567' });
      const response = await reveal(person.id, 'Referral to legal aid needs the document number');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        ...person,
        identifying: { givenName: 'José', familyName: 'Hernández', dateOfBirth: null, documentNumber: 'A1234567', phone: null },
        identifyingRevealed: true,
      });
      const reveals = (await auditOf(person.id)).filter((e) => e.action === 'reveal');
      expect(reveals).toHaveLength(1);
      expect(reveals[0].details).toEqual({ reasonCode: 'other', reason: 'Referral to legal aid needs the document number', revealed: ['givenName', 'familyName', 'documentNumber'] });
    });

    it.each([
      ['missing', undefined],
      ['too short', 'why'],
      ['blank', '       '],
      ['too long', 'x'.repeat(501)],
      ['not text', 42],
    ])('answers 400 naming reason when it is %s, and audits nothing', async (_, reason) => {
      const person = await createOk();
      const response = await reveal(person.id, reason);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['reason']);
      expect((await auditOf(person.id)).filter((e) => e.action === 'reveal')).toEqual([]);
    });

    it('answers 404 for an unknown person', async () => {
      expect((await reveal(randomUUID(), 'Checking the record')).status).toBe(404);
    });
  });

  describe('GET /api/persons', () => {
    let listHub: Hub;
    let people: Person[];
    let josé: Person;
    let joséMaría: Person;
    let maría: Person;
    let byDocument: Person;
    const ids = (items: Person[]) => items.map((p) => p.id);
    const searchIds = async (q: string, extra = '') => {
      const response = await list(`hubId=${listHub.id}&q=${encodeURIComponent(q)}${extra}`);
      expect(response.status).toBe(200);
      return ids(response.body.items);
    };

    beforeAll(async () => {
      listHub = await t.newHub({ code: 'LST', countryCode: 'GT' });
      const named = (givenName: string, familyName: string, extra: Record<string, unknown> = {}) =>
        createOk({ hubId: listHub.id, consent: CONSENT, givenName, familyName, ...extra }, t.adminToken);
      josé = await named('José', 'Hernández', { profile: 'in_transit', sex: 'male' });
      joséMaría = await named('José María', 'Hernández Ochoa', { sex: 'male' });
      maría = await named('María', 'López', { profile: 'in_transit' });
      byDocument = await named('Wilson', 'Pérez', { documentNumber: 'HND-0801-1990-12345' });
      const anonymous = await createOk({ hubId: listHub.id, sex: 'other' }, t.adminToken);
      people = [josé, joséMaría, maría, byDocument, anonymous];
    });

    it('lists newest first with identifying fields masked', async () => {
      const response = await list(`hubId=${listHub.id}`);
      expect(response.status).toBe(200);
      expect(ids(response.body.items)).toEqual(ids([...people].reverse()));
      expect(response.body.items.every((p) => p.identifyingRevealed === false)).toBe(true);
      expect(response.body.items.find((p) => p.id === josé.id)?.identifying).toMatchObject({ givenName: 'J***', familyName: 'H***' });
      expect(JSON.stringify(response.body)).not.toMatch(/Hern|López|Wilson|12345|search/);
    });

    it('walks every page with limit=2: newest first, no duplicates or gaps', async () => {
      const seen: Person[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: Page<Person> } = await list(`hubId=${listHub.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...response.body.items);
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(ids(seen)).toEqual(ids([...people].reverse()));
    });

    it.each([
      ['profile=in_transit', () => [maría, josé]],
      ['sex=male', () => [joséMaría, josé]],
      ['sex=male&profile=in_transit', () => [josé]],
    ])('filters by %s', async (query, expected) => {
      expect(ids((await list(`hubId=${listHub.id}&${query}`)).body.items)).toEqual(ids(expected()));
    });

    it("finds 'José Hernández' with a typo and no accents: q=jose hernadez, best match first", async () => {
      const found = await searchIds('jose hernadez');
      expect(found[0]).toBe(josé.id);
      expect(found).toContain(joséMaría.id);
      expect(found).not.toContain(maría.id);
    });

    it.each([
      ['JOSÉ HERNÁNDEZ', () => josé],
      ['hernandez jose', () => josé],
      ['jose ochoa', () => joséMaría],
      ['jose hernandez', () => josé],
      ['maria lopes', () => maría],
      ['Lopez', () => maría],
      ['wilson perez', () => byDocument],
      ['0801-1990', () => byDocument],
      ['hnd-0801-1990-12345', () => byDocument],
    ])('finds the person for q=%s', async (q, expected) => {
      expect((await searchIds(q))[0]).toBe(expected().id);
    });

    it('finds a person by code, in full or in part', async () => {
      expect(await searchIds(maría.code)).toEqual([maría.id]);
      expect(await searchIds(maría.code.toLowerCase())).toEqual([maría.id]);
      expect((await searchIds(maría.code.slice(-6))).slice(0, 1)).toEqual([maría.id]);
    });

    it('answers no match for unrelated text, and treats % and _ as plain characters', async () => {
      expect(await searchIds('Zacarías Quispe')).toEqual([]);
      expect(await searchIds('%%')).toEqual([]);
      expect(await searchIds('__')).toEqual([]);
    });

    it('pages through search results with the cursor, best match first, without duplicates', async () => {
      const all = await searchIds('jose hernandez');
      expect(all.length).toBeGreaterThanOrEqual(2);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: Page<Person> } = await list(`hubId=${listHub.id}&q=jose%20hernandez&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...ids(response.body.items));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    });

    it.each(['q=a', `q=${'x'.repeat(101)}`, 'profile=migrant', 'sex=f', 'hubId=TCU', 'limit=0', 'limit=201', 'cursor=bad', 'extra=1'])('answers 400 for %s', async (query) => {
      expect((await list(query)).status).toBe(400);
    });
  });

  describe('PATCH /api/persons/:id', () => {
    it('applies the changes with the version read: 200, version 2, audit with before and after', async () => {
      const person = await createOk({ vulnerabilities: ['pregnant'] });
      const response = await patch(person.id, { version: 1, profile: 'in_transit', sex: 'female', vulnerabilities: ['pregnant', 'disability'], birthYear: 1985 });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        ...person,
        profile: 'in_transit',
        vulnerabilities: ['pregnant', 'disability'],
        birthYear: 1985,
        version: 2,
        updatedAt: expect.stringMatching(ISO),
      });
      const updates = (await auditOf(person.id)).filter((e) => e.action === 'update');
      expect(updates).toHaveLength(1);
      expect(updates[0].details).toEqual({
        changes: {
          profile: { from: 'returnee_deported', to: 'in_transit' },
          vulnerabilities: { from: ['pregnant'], to: ['pregnant', 'disability'] },
          birthYear: { from: null, to: 1985 },
        },
        identifyingChanged: [],
      });
    });

    it('stores identifying fields once consent is recorded; the audit names the fields, never the values', async () => {
      const person = await createOk();
      const response = await patch(person.id, { version: 1, consent: CONSENT, ...IDENTIFYING });
      expect(response.status).toBe(200);
      expect(response.body.identifying).toEqual({ givenName: 'J***', familyName: 'H***', dateOfBirth: '1990-**-**', documentNumber: '****01', phone: '****34' });
      expect(response.body.birthYear).toBe(1990);
      const [update] = (await auditOf(person.id)).filter((e) => e.action === 'update');
      expect(update.details['identifyingChanged']).toEqual(Object.keys(IDENTIFYING));
      expect(update.details['changes']).toEqual({ birthYear: { from: null, to: 1990 }, consent: { from: null, to: CONSENT } });
      const search = await list(`hubId=${hub.id}&q=jose%20hernandez`);
      expect(search.body.items.map((p) => p.id)).toContain(person.id);
    });

    it('clears one identifying field sent as null', async () => {
      const person = await createOk({ consent: CONSENT, givenName: 'Ana', phone: '5555-1234' });
      const response = await patch(person.id, { version: 1, phone: null });
      expect(response.status).toBe(200);
      expect(response.body.identifying).toMatchObject({ givenName: 'A***', phone: null });
      expect((await auditOf(person.id)).find((e) => e.action === 'update')?.details['identifyingChanged']).toEqual(['phone']);
    });

    it('answers 400 naming the identifying fields sent while the record has no consent', async () => {
      const person = await createOk();
      const response = await patch(person.id, { version: 1, givenName: 'Ana', documentNumber: '123456' });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['givenName', 'documentNumber']);
      expect((await get(person.id)).body.version).toBe(1);
    });

    it('clears every identifying field when consent is withdrawn, and search no longer finds the name', async () => {
      const person = await createOk({ consent: CONSENT, givenName: 'Eulalia', familyName: 'Tzul', documentNumber: 'EU-998877' });
      expect((await list(`hubId=${hub.id}&q=eulalia%20tzul`)).body.items.map((p) => p.id)).toEqual([person.id]);
      const response = await patch(person.id, { version: 1, consent: { given: false, purposes: [], date: '2025-04-01' } });
      expect(response.status).toBe(200);
      expect(response.body.consent).toEqual({ given: false, purposes: [], date: '2025-04-01' });
      expect(response.body.identifying).toEqual({ givenName: null, familyName: null, dateOfBirth: null, documentNumber: null, phone: null });
      expect(await t.sql('SELECT given_name, family_name, document_number, search_text FROM persons WHERE id = $1', [person.id])).toEqual([
        { given_name: null, family_name: null, document_number: null, search_text: person.code.toLowerCase() },
      ]);
      expect((await list(`hubId=${hub.id}&q=eulalia%20tzul`)).body.items).toEqual([]);
      const [update] = (await auditOf(person.id)).filter((e) => e.action === 'update');
      expect(update.details['identifyingChanged']).toEqual(['givenName', 'familyName', 'documentNumber']);
    });

    it('answers 400 for an identifying value sent with consent withdrawn in the same request', async () => {
      const person = await createOk({ consent: CONSENT, givenName: 'Ana' });
      const response = await patch(person.id, { version: 1, consent: { given: false, purposes: [], date: '2025-04-01' }, givenName: 'Ana' });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['givenName']);
    });

    it('answers 409 stale_version for an old version and changes nothing', async () => {
      const person = await createOk();
      expect((await patch(person.id, { version: 1, profile: 'in_transit' })).status).toBe(200);
      const stale = await patch(person.id, { version: 1, profile: 'immigrant' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await get(person.id)).body).toMatchObject({ profile: 'in_transit', version: 2 });
    });

    it.each([
      ['version', { profile: 'in_transit' }],
      ['version', { version: 0 }],
      ['sex', { version: 1, sex: null }],
      ['profile', { version: 1, profile: 'migrant' }],
      ['nationality', { version: 1, nationality: null }],
      ['vulnerabilities', { version: 1, vulnerabilities: ['unknown_code'] }],
      ['hubId', { version: 1, hubId: randomUUID() }],
      ['code', { version: 1, code: 'GT-TCU-999999' }],
    ])('answers 400 naming %s for %j', async (field, body) => {
      const person = await createOk();
      const response = await patch(person.id, body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('answers 404 for an unknown person', async () => {
      expect((await patch(randomUUID(), { version: 1, profile: 'in_transit' })).status).toBe(404);
    });
  });

  describe('POST /api/persons/:id/merge', () => {
    it('moves the duplicate visits, closes the duplicate, bumps both versions and audits both records', async () => {
      const kept = await createOk({ consent: CONSENT, givenName: 'Rosa', familyName: 'Ajú', ageBand: '25-59' });
      const duplicate = await createOk({ consent: CONSENT, givenName: 'Rosa', familyName: 'Aju', ageBand: '25-59' });
      const keptVisit = await t.newVisit(hub.id, { personId: kept.id, occurredAt: '2025-02-01T10:00:00Z' }, staffToken);
      const moved = [
        await t.newVisit(hub.id, { personId: duplicate.id, occurredAt: '2025-03-01T10:00:00Z' }, staffToken),
        await t.newVisit(otherHub.id, { personId: duplicate.id, occurredAt: '2025-04-01T10:00:00Z' }, staffToken),
      ];

      const response = await merge(kept.id, { duplicateId: duplicate.id, version: 1 });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ...kept, version: 2, updatedAt: expect.stringMatching(ISO) });

      const detail = (await get(kept.id)).body;
      expect(detail.visits.map((v) => v.id)).toEqual([moved[1].id, moved[0].id, keptVisit.id]);
      expect(detail.visits.every((v) => v.personId === kept.id && v.personCode === kept.code)).toBe(true);
      expect(detail.visits.find((v) => v.id === moved[0].id)?.version).toBe(2);

      const closed = (await get(duplicate.id)).body;
      expect(closed).toMatchObject({ mergedIntoId: kept.id, version: 2, visits: [] });
      expect((await list(`hubId=${hub.id}&q=rosa%20aju`)).body.items.map((p) => p.id)).toEqual([kept.id]);

      const keptEvent = (await auditOf(kept.id)).find((e) => e.details['merged']);
      const duplicateEvent = (await auditOf(duplicate.id)).find((e) => e.details['mergedInto']);
      expect(keptEvent).toMatchObject({ action: 'update', details: { merged: { duplicateId: duplicate.id, duplicateCode: duplicate.code, visitsMoved: 2 } } });
      expect(duplicateEvent).toMatchObject({ action: 'update', details: { mergedInto: { personId: kept.id, code: kept.code, visitsMoved: 2 } } });
    });

    it('answers 403 to staff and changes nothing', async () => {
      const [kept, duplicate] = [await createOk(), await createOk()];
      const response = await merge(kept.id, { duplicateId: duplicate.id, version: 1 }, staffToken);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('forbidden');
      expect((await get(duplicate.id)).body).toMatchObject({ mergedIntoId: null, version: 1 });
    });

    it('answers 409 stale_version for an old version of the person kept, and moves nothing', async () => {
      const [kept, duplicate] = [await createOk(), await createOk({ birthYear: 2010 })];
      const visit = await t.newVisit(hub.id, { personId: duplicate.id }, staffToken);
      expect((await patch(kept.id, { version: 1, profile: 'in_transit' })).status).toBe(200);
      const response = await merge(kept.id, { duplicateId: duplicate.id, version: 1 });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('stale_version');
      expect((await t.request('GET', `/api/visits/${visit.id}`, { token: staffToken })).body.personId).toBe(duplicate.id);
      expect((await get(duplicate.id)).body.mergedIntoId).toBeNull();
    });

    it('answers 409 when either record was merged already, and refuses changes and new visits on the closed one', async () => {
      const [kept, duplicate, third] = [await createOk(), await createOk(), await createOk()];
      expect((await merge(kept.id, { duplicateId: duplicate.id, version: 1 })).status).toBe(200);
      expect((await merge(third.id, { duplicateId: duplicate.id, version: 1 })).status).toBe(409);
      expect((await merge(duplicate.id, { duplicateId: third.id, version: 2 })).status).toBe(409);
      expect((await patch(duplicate.id, { version: 2, profile: 'in_transit' })).status).toBe(409);
      const visit = await t.request('POST', '/api/visits', {
        token: staffToken,
        body: { hubId: hub.id, occurredAt: new Date().toISOString(), channel: 'phone', personId: duplicate.id, topics: ['documents'] },
      });
      expect(visit.status).toBe(400);
      expect(fields(visit.body)).toEqual(['personId']);
    });

    it.each([
      ['duplicateId', (id: string) => ({ duplicateId: id, version: 1 })],
      ['duplicateId', () => ({ duplicateId: 'nope', version: 1 })],
      ['version', () => ({ duplicateId: randomUUID() })],
    ])('answers 400 naming %s', async (field, body) => {
      const person = await createOk();
      const response = await merge(person.id, body(person.id));
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('answers 404 for a duplicate outside the supervisor scope or unknown', async () => {
      const foreign = await t.newHub({ countryCode: 'CR' });
      const outside = await createOk({ hubId: foreign.id }, t.adminToken);
      const kept = await createOk();
      expect((await merge(kept.id, { duplicateId: outside.id, version: 1 })).status).toBe(404);
      expect((await merge(kept.id, { duplicateId: randomUUID(), version: 1 })).status).toBe(404);
      expect((await get(kept.id)).body.version).toBe(1);
    });
  });

  it('never writes an identifying value into the audit trail', async () => {
    const rows = await t.sql<{ details: unknown }>('SELECT details FROM audit_events');
    const trail = JSON.stringify(rows);
    for (const value of [...IDENTIFYING_VALUES, 'Eulalia', 'Tzul', 'EU-998877', 'A1234567', 'Rosa', 'Wilson', 'HND-0801']) {
      expect({ value, found: trail.includes(value) }).toEqual({ value, found: false });
    }
  });
});
