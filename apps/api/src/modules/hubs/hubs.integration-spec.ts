// Hubs as an admin manages them: create, read, list (filters, accent-insensitive search, keyset pages),
// versioned updates with an audit trail, and validation. Scope per role is in modules/scope.integration-spec.ts.
import type { ApiError, Hub } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('hubs', () => {
  let t: TestApp;
  let codeCounter = 0;
  const nextCode = () => `H${(++codeCounter).toString().padStart(3, '0')}`;
  const base = () => ({ code: nextCode(), name: 'Hub', countryCode: 'GT', admin1: 'San Marcos', municipality: 'Ayutla' });

  const create = (body: Record<string, unknown>) => t.request<Hub & Partial<ApiError>>('POST', '/api/hubs', { token: t.adminToken, body });
  const get = (id: string) => t.request<Hub>('GET', `/api/hubs/${id}`, { token: t.adminToken });
  const patch = (id: string, body: Record<string, unknown>) => t.request<Hub & Partial<ApiError>>('PATCH', `/api/hubs/${id}`, { token: t.adminToken, body });
  const list = (query: string) => t.request<{ items: Hub[]; nextCursor: string | null }>('GET', `/api/hubs?${query}`, { token: t.adminToken });
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

  async function createOk(overrides: Record<string, unknown> = {}): Promise<Hub> {
    const response = await create({ ...base(), ...overrides });
    expect(response.status).toBe(201);
    return response.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  describe('POST /api/hubs', () => {
    it('answers 201 with the full representation: id, version 1, status active and services [] by default', async () => {
      const response = await create({ code: 'tcu', name: '  Tecún Umán  ', countryCode: 'gt', admin1: 'San Marcos', municipality: 'Ayutla' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        code: 'TCU',
        name: 'Tecún Umán',
        countryCode: 'GT',
        admin1: 'San Marcos',
        municipality: 'Ayutla',
        address: null,
        latitude: null,
        longitude: null,
        phone: null,
        openingHours: null,
        services: [],
        status: 'active',
        openedOn: null,
        version: 1,
        createdAt: expect.stringMatching(ISO),
        updatedAt: expect.stringMatching(ISO),
      });
    });

    it('stores every optional field', async () => {
      const body = {
        ...base(),
        address: '4a calle 2-10, zona 1',
        latitude: 14.6872,
        longitude: -92.1449,
        phone: '+502 7776-1234',
        openingHours: 'lun-vie 8:00-16:00',
        services: ['information', 'referrals'],
        status: 'closed',
        openedOn: '2024-03-15',
      };
      const response = await create(body);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject(body);
      expect((await get(response.body.id)).body).toEqual(response.body);
    });

    it('answers 409 naming code when the code is taken (case-insensitively)', async () => {
      const existing = await createOk();
      const response = await create({ ...base(), code: existing.code.toLowerCase() });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('conflict');
      expect(fields(response.body)).toEqual(['code']);
    });

    it.each(['code', 'name', 'countryCode', 'admin1', 'municipality'])('answers 400 naming %s when it is missing', async (field) => {
      const body: Record<string, unknown> = base();
      delete body[field];
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation_failed');
      expect(fields(response.body)).toEqual([field]);
    });

    it.each([
      ['countryCode', 'ZZ'],
      ['countryCode', 'GTM'],
      ['countryCode', 7],
      ['latitude', 91],
      ['latitude', -90.5],
      ['longitude', 181],
      ['latitude', '14.5'],
      ['code', 'abc-1'],
      ['code', 'A'],
      ['code', 'ABCDEFG'],
      ['name', ''],
      ['name', '   '],
      ['name', 'x'.repeat(121)],
      ['status', 'open'],
      ['services', 'information'],
      ['services', ['']],
      ['phone', 'call me'],
      ['openedOn', '2024-13-01'],
      ['foo', 'unknown field'],
    ])('answers 400 naming %s for the value %j', async (field, value) => {
      const response = await create({ ...base(), [field]: value });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('stores nothing when validation fails', async () => {
      const code = nextCode();
      expect((await create({ ...base(), code, latitude: 91 })).status).toBe(400);
      expect(await t.sql('SELECT 1 FROM hubs WHERE code = $1', [code])).toEqual([]);
    });
  });

  describe('GET /api/hubs/:id', () => {
    it('answers the hub as created', async () => {
      const hub = await createOk({ address: 'Parque central' });
      const response = await get(hub.id);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(hub);
    });
  });

  describe('GET /api/hubs', () => {
    let tecun: Hub;
    let closed: Hub;
    let sanJose: Hub;
    beforeAll(async () => {
      // Country SV is used only by this block, so the filters can be checked as exact sets.
      tecun = await createOk({ name: 'Tecún Umán', countryCode: 'SV', municipality: 'Ayutla' });
      closed = await createOk({ name: 'Cerrado 50%', countryCode: 'SV', status: 'closed', municipality: 'Santa Ana' });
      sanJose = await createOk({ name: 'San José', countryCode: 'NI', municipality: 'Peñas Blancas' });
    });
    const ids = (hubs: Hub[]) => hubs.map((h) => h.id).sort();

    it('answers {items, nextCursor}', async () => {
      const response = await list('countryCode=SV');
      expect(response.status).toBe(200);
      expect(Object.keys(response.body).sort()).toEqual(['items', 'nextCursor']);
      expect(response.body.nextCursor).toBeNull();
    });

    it.each([
      ['countryCode=SV', () => [tecun, closed]],
      ['countryCode=sv', () => [tecun, closed]],
      ['countryCode=NI', () => [sanJose]],
      ['countryCode=SV&status=closed', () => [closed]],
      ['countryCode=SV&status=active', () => [tecun]],
      ['countryCode=SV&q=tecun', () => [tecun]],
      ['countryCode=SV&q=TECÚN', () => [tecun]],
      ['countryCode=SV&q=uman', () => [tecun]],
      ['countryCode=NI&q=penas', () => [sanJose]],
      ['countryCode=SV&q=santa%20ana', () => [closed]],
    ])('filters by %s', async (query, expected) => {
      const response = await list(query);
      expect(response.status).toBe(200);
      expect(ids(response.body.items)).toEqual(ids(expected()));
    });

    it("finds 'Tecún Umán' with q=tecun across all hubs (accents ignored)", async () => {
      const response = await list('q=tecun');
      expect(response.body.items.map((h) => h.id)).toContain(tecun.id);
      for (const hub of response.body.items) expect(hub.name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase()).toContain('tecun');
    });

    it('finds a hub by its code', async () => {
      expect(ids((await list(`q=${sanJose.code.toLowerCase()}`)).body.items)).toEqual([sanJose.id]);
    });

    it('treats % and _ in q as plain characters', async () => {
      expect(ids((await list('q=%25')).body.items)).toEqual([closed.id]);
      expect((await list('q=_')).body.items).toEqual([]);
    });

    it.each(['status=open', 'countryCode=GTM', 'limit=201', `q=${'x'.repeat(101)}`])('answers 400 for %s', async (query) => {
      expect((await list(query)).status).toBe(400);
    });
  });

  describe('keyset pagination', () => {
    const names = ['Zacapa', 'Azul', 'Ñandú', 'Ávila', 'Nuevo Progreso', 'Esquipulas', 'Azul', 'Ocotepeque'];
    // Spanish order: accents do not move a letter (Á sorts with A) and Ñ is its own letter after N.
    const spanishOrder = ['Ávila', 'Azul', 'Azul', 'Esquipulas', 'Nuevo Progreso', 'Ñandú', 'Ocotepeque', 'Zacapa'];
    let created: Hub[];
    beforeAll(async () => {
      created = [];
      for (const name of names) created.push(await createOk({ name, countryCode: 'HN' }));
    });

    it('walks every page with limit=2, in Spanish order by name, with no duplicates or gaps', async () => {
      const seen: Hub[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await list(`countryCode=HN&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.status).toBe(200);
        expect(response.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...response.body.items);
        cursor = response.body.nextCursor;
        pages++;
        expect(pages).toBeLessThanOrEqual(names.length);
      } while (cursor);
      expect(pages).toBe(4);
      expect(seen.map((h) => h.name)).toEqual(spanishOrder);
      expect(new Set(seen.map((h) => h.id)).size).toBe(names.length);
      expect(seen.map((h) => h.id).sort()).toEqual(created.map((h) => h.id).sort());
    });

    it('answers the last page with nextCursor null', async () => {
      const response = await list('countryCode=HN&limit=8');
      expect(response.body.items).toHaveLength(8);
      expect(response.body.nextCursor).toBeNull();
    });
  });

  describe('PATCH /api/hubs/:id', () => {
    it('applies the changes with the version read: 200, version 2, and an audit event naming only the changed fields', async () => {
      const hub = await createOk({ name: 'Antes', phone: '+502 1111-2222' });
      const response = await patch(hub.id, { version: 1, name: 'Después', admin1: hub.admin1, phone: '+502 3333-4444' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ...hub, name: 'Después', phone: '+502 3333-4444', version: 2, updatedAt: expect.stringMatching(ISO) });
      expect((await get(hub.id)).body).toEqual(response.body);

      const events = await t.sql('SELECT actor_id, hub_id, details FROM audit_events WHERE action = $1 AND entity_type = $2 AND entity_id = $3', [
        'update',
        'hub',
        hub.id,
      ]);
      expect(events).toHaveLength(1);
      expect(events[0].hub_id).toBe(hub.id);
      expect(events[0].actor_id).toEqual(expect.stringMatching(UUID));
      expect(events[0].details).toEqual({
        changes: { name: { from: 'Antes', to: 'Después' }, phone: { from: '+502 1111-2222', to: '+502 3333-4444' } },
      });
    });

    it('answers 409 stale_version for an old version and changes nothing', async () => {
      const hub = await createOk({ name: 'Original' });
      expect((await patch(hub.id, { version: 1, name: 'First' })).status).toBe(200);
      const stale = await patch(hub.id, { version: 1, name: 'Second' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      const current = (await get(hub.id)).body;
      expect(current).toMatchObject({ name: 'First', version: 2 });
    });

    it('answers 400 naming version when it is missing', async () => {
      const hub = await createOk();
      const response = await patch(hub.id, { name: 'No version' });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual(['version']);
    });

    it.each(['name', 'code', 'countryCode', 'admin1', 'municipality', 'status', 'services'])('answers 400 for %s: null (a required field)', async (field) => {
      const hub = await createOk();
      const response = await patch(hub.id, { version: 1, [field]: null });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
      expect((await get(hub.id)).body.version).toBe(1);
    });

    it('clears optional fields sent as null', async () => {
      const hub = await createOk({ address: 'Frente al parque', latitude: 14.1, phone: '+502 5555-0000', openedOn: '2023-01-01' });
      const response = await patch(hub.id, { version: 1, address: null, latitude: null, phone: null, openedOn: null });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ address: null, latitude: null, phone: null, openedOn: null, version: 2 });
      expect((await get(hub.id)).body.address).toBeNull();
    });

    it('answers 409 naming code when changing to a code another hub has', async () => {
      const [first, second] = [await createOk(), await createOk()];
      const response = await patch(second.id, { version: 1, code: first.code });
      expect(response.status).toBe(409);
      expect(fields(response.body)).toEqual(['code']);
      // Sending its own code back is no conflict.
      expect((await patch(second.id, { version: 1, code: second.code })).status).toBe(200);
    });

    it.each([
      ['latitude', 91],
      ['countryCode', 'XX'],
      ['code', 'abc-1'],
      ['status', 'open'],
      ['unknown', 1],
    ])('answers 400 naming %s for %j', async (field, value) => {
      const hub = await createOk();
      const response = await patch(hub.id, { version: 1, [field]: value });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('answers 404 for an unknown hub', async () => {
      expect((await patch('00000000-0000-4000-8000-000000000000', { version: 1, name: 'x' })).status).toBe(404);
    });

    it('closes a hub (status closed) and reopens it', async () => {
      const hub = await createOk({ countryCode: 'BZ' });
      const closed = await patch(hub.id, { version: 1, status: 'closed' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', version: 2 });
      expect((await list('countryCode=BZ&status=closed')).body.items.map((h) => h.id)).toEqual([hub.id]);
      expect((await list('countryCode=BZ&status=active')).body.items).toEqual([]);

      const reopened = await patch(hub.id, { version: 2, status: 'active' });
      expect(reopened.status).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'active', version: 3 });
      expect((await list('countryCode=BZ&status=active')).body.items.map((h) => h.id)).toEqual([hub.id]);
    });
  });
});
