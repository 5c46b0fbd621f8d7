// The service-provider directory: who may read and write it, validation, directory filters (need,
// place, accent-insensitive name), keyset pages by name, versioned updates with field-level audit.
import { randomUUID } from 'node:crypto';
import type { ApiError, Page, ServiceProvider } from '@mih/contracts';
import { newProvider, newReferral } from '../../testing/referral-fixtures';
import { createTestApp, TestApp } from '../../testing/test-app';

describe('service providers', () => {
  let t: TestApp;
  let staffToken: string;
  let counselorToken: string;
  /** Supervisor of Guatemala (country) and of one hub in Honduras. */
  let supervisorToken: string;

  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const base = () => ({ name: 'Casa del Migrante', type: 'shelter', needCategories: ['shelter'], countryCodes: ['GT'] });
  const create = (body: Record<string, unknown>, token = t.adminToken) => t.request<ServiceProvider & Partial<ApiError>>('POST', '/api/service-providers', { token, body });
  const patch = (id: string, body: Record<string, unknown>, token = t.adminToken) =>
    t.request<ServiceProvider & Partial<ApiError>>('PATCH', `/api/service-providers/${id}`, { token, body });
  const list = (query: string, token = staffToken) => t.request<Page<ServiceProvider>>('GET', `/api/service-providers?${query}`, { token });
  const names = (page: Page<ServiceProvider>) => page.items.map((p) => p.name);

  beforeAll(async () => {
    t = await createTestApp();
    const hub = await t.newHub({ countryCode: 'GT' });
    const hondurasHub = await t.newHub({ countryCode: 'HN' });
    [staffToken, counselorToken, supervisorToken] = await Promise.all([
      t.newUser('staff', { hubIds: [hub.id] }).then((u) => u.token),
      t.newUser('counselor', { hubIds: [hub.id] }).then((u) => u.token),
      t.newUser('supervisor', { countryCodes: ['GT'], hubIds: [hondurasHub.id] }).then((u) => u.token),
    ]);
  });
  afterAll(() => t?.close());

  describe('POST /api/service-providers', () => {
    it('answers 201 with the full representation and defaults', async () => {
      const response = await create(base());
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        name: 'Casa del Migrante',
        type: 'shelter',
        needCategories: ['shelter'],
        countryCodes: ['GT'],
        admin1: null,
        municipalities: [],
        address: null,
        phone: null,
        email: null,
        openingHours: null,
        focalPoint: null,
        languages: ['es'],
        acceptingReferrals: true,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('stores every field, country codes upper-cased', async () => {
      const body = {
        ...base(),
        countryCodes: ['ht', 'DO'],
        admin1: 'Nord-Est',
        municipalities: ['Ouanaminthe'],
        address: 'Rue principale',
        phone: '+509 2813 0000',
        email: 'contact@garr.example.org',
        openingHours: 'Lun-Ven 8h-16h',
        focalPoint: 'Marie Joseph, coordinatrice',
        languages: ['fr', 'es'],
        acceptingReferrals: false,
      };
      const response = await create(body);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ ...body, countryCodes: ['HT', 'DO'] });
    });

    it.each(['name', 'type', 'needCategories', 'countryCodes'])('answers 400 naming %s when it is missing', async (field) => {
      const body: Record<string, unknown> = base();
      delete body[field];
      const response = await create(body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it.each([
      ['name', '  '],
      ['name', 'x'.repeat(201)],
      ['type', 'church'],
      ['needCategories', []],
      ['needCategories', ['shelter', 'shelter']],
      ['needCategories', ['not_a_need']],
      ['countryCodes', []],
      ['countryCodes', ['ZZ']],
      ['municipalities', ['']],
      ['phone', 'call us'],
      ['email', 'not-an-email'],
      ['languages', []],
      ['languages', ['de']],
      ['acceptingReferrals', 'yes'],
      ['website', 'https://example.org'],
    ])('answers 400 naming %s for %j', async (field, value) => {
      const response = await create({ ...base(), [field]: value });
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('is audited', async () => {
      const provider = await newProvider(t);
      expect(await t.sql("SELECT action FROM audit_events WHERE entity_type = 'service_provider' AND entity_id = $1", [provider.id])).toEqual([{ action: 'create' }]);
    });
  });

  describe('who may read and write', () => {
    it('lets admins, supervisors and staff read the directory; counselors get 403', async () => {
      const provider = await newProvider(t);
      for (const token of [t.adminToken, supervisorToken, staffToken]) {
        expect((await list('limit=1', token)).status).toBe(200);
        expect((await t.request('GET', `/api/service-providers/${provider.id}`, { token })).status).toBe(200);
      }
      expect((await list('', counselorToken)).status).toBe(403);
      expect((await t.request('GET', `/api/service-providers/${provider.id}`, { token: counselorToken })).status).toBe(403);
    });

    it('answers 403 to staff and counselors writing', async () => {
      const provider = await newProvider(t);
      for (const token of [staffToken, counselorToken]) {
        expect((await create(base(), token)).status).toBe(403);
        expect((await patch(provider.id, { version: provider.version, name: 'X' }, token)).status).toBe(403);
        expect((await t.request('DELETE', `/api/service-providers/${provider.id}`, { token })).status).toBe(403);
      }
    });

    it('lets a supervisor write providers of its countries and of its hubs’ countries only', async () => {
      expect((await create({ ...base(), countryCodes: ['GT'] }, supervisorToken)).status).toBe(201);
      expect((await create({ ...base(), countryCodes: ['GT', 'HN'] }, supervisorToken)).status).toBe(201);
      const outside = await create({ ...base(), countryCodes: ['GT', 'MX'] }, supervisorToken);
      expect(outside.status).toBe(403);
      expect(outside.body.code).toBe('forbidden');
    });

    it('refuses a supervisor an update of a provider outside its countries, or moving one out of them', async () => {
      const mexican = await newProvider(t, { countryCodes: ['MX'] });
      expect((await patch(mexican.id, { version: 1, name: 'Renamed' }, supervisorToken)).status).toBe(403);
      const guatemalan = await newProvider(t, { countryCodes: ['GT'] });
      expect((await patch(guatemalan.id, { version: 1, countryCodes: ['GT', 'CR'] }, supervisorToken)).status).toBe(403);
      const ok = await patch(guatemalan.id, { version: 1, countryCodes: ['HN'] }, supervisorToken);
      expect(ok.status).toBe(200);
      expect(ok.body.countryCodes).toEqual(['HN']);
    });
  });

  describe('GET /api/service-providers', () => {
    const tag = randomUUID().slice(0, 8);
    beforeAll(async () => {
      await newProvider(t, { name: `${tag} Procuraduría de la Niñez`, type: 'child_protection', needCategories: ['child_protection'], countryCodes: ['GT'] });
      await newProvider(t, { name: `${tag} Albergue Ayutla`, type: 'shelter', needCategories: ['shelter', 'basic_needs'], countryCodes: ['GT'], municipalities: ['Ayutla'] });
      await newProvider(t, { name: `${tag} Clínica Tapachula`, type: 'health', needCategories: ['health'], countryCodes: ['MX'], municipalities: ['Tapachula'] });
      await newProvider(t, { name: `${tag} Asesoría legal regional`, type: 'legal_aid', needCategories: ['legal_aid', 'shelter'], countryCodes: ['GT', 'MX'], acceptingReferrals: false });
    });

    it('sorts by name and matches q without accents or case', async () => {
      const page = (await list(`q=${encodeURIComponent(tag)}`)).body;
      expect(names(page)).toEqual([`${tag} Albergue Ayutla`, `${tag} Asesoría legal regional`, `${tag} Clínica Tapachula`, `${tag} Procuraduría de la Niñez`]);
      expect(names((await list(`q=${encodeURIComponent(`${tag} PROCURADURIA DE LA NINEZ`)}`)).body)).toEqual([`${tag} Procuraduría de la Niñez`]);
      expect(names((await list(`q=${encodeURIComponent(`${tag} clinica`)}`)).body)).toEqual([`${tag} Clínica Tapachula`]);
      expect((await list('q=%25')).body.items).toEqual([]);
      expect((await list('q=&municipality=%20&limit=1')).status).toBe(200); // an empty search box filters nothing
    });

    it('filters by need category, type and accepting referrals', async () => {
      const q = `q=${encodeURIComponent(tag)}`;
      expect(names((await list(`${q}&needCategory=shelter`)).body)).toEqual([`${tag} Albergue Ayutla`, `${tag} Asesoría legal regional`]);
      expect(names((await list(`${q}&needCategory=shelter&acceptingReferrals=true`)).body)).toEqual([`${tag} Albergue Ayutla`]);
      expect(names((await list(`${q}&type=health`)).body)).toEqual([`${tag} Clínica Tapachula`]);
    });

    it('keeps the providers that cover a place: the country, and the municipality or all of the country', async () => {
      const q = `q=${encodeURIComponent(tag)}`;
      expect(names((await list(`${q}&countryCode=mx`)).body)).toEqual([`${tag} Asesoría legal regional`, `${tag} Clínica Tapachula`]);
      expect(names((await list(`${q}&countryCode=GT&municipality=ayutla`)).body)).toEqual([
        `${tag} Albergue Ayutla`,
        `${tag} Asesoría legal regional`,
        `${tag} Procuraduría de la Niñez`,
      ]);
      expect(names((await list(`${q}&countryCode=GT&municipality=Malacatán`)).body)).toEqual([`${tag} Asesoría legal regional`, `${tag} Procuraduría de la Niñez`]);
    });

    it('pages by name with a cursor', async () => {
      const first = (await list(`q=${encodeURIComponent(tag)}&limit=3`)).body;
      expect(first.items).toHaveLength(3);
      const second = (await list(`q=${encodeURIComponent(tag)}&limit=3&cursor=${first.nextCursor}`)).body;
      expect(names(second)).toEqual([`${tag} Procuraduría de la Niñez`]);
      expect(second.nextCursor).toBeNull();
    });

    it.each([
      ['type', 'church'],
      ['countryCode', 'ZZ'],
      ['acceptingReferrals', 'maybe'],
      ['limit', '0'],
      ['cursor', 'garbage'],
      ['extra', '1'],
    ])('answers 400 naming %s for %s', async (field, value) => {
      const response = await list(`${field}=${value}`);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });
  });

  describe('PATCH /api/service-providers/:id', () => {
    it('changes the fields sent, clears nulls, bumps the version and audits before and after', async () => {
      const provider = await newProvider(t, { phone: '+502 1111 2222', focalPoint: 'Ana' });
      const response = await patch(provider.id, { version: 1, name: 'Procuraduría – Niñez', phone: null, acceptingReferrals: false });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name: 'Procuraduría – Niñez', phone: null, focalPoint: 'Ana', acceptingReferrals: false, version: 2 });
      const [audit] = await t.sql("SELECT details FROM audit_events WHERE entity_id = $1 AND action = 'update'", [provider.id]);
      expect(audit.details.changes).toEqual({
        name: { from: provider.name, to: 'Procuraduría – Niñez' },
        phone: { from: '+502 1111 2222', to: null },
        acceptingReferrals: { from: true, to: false },
      });
    });

    it('answers 409 stale_version for an old version and changes nothing', async () => {
      const provider = await newProvider(t);
      expect((await patch(provider.id, { version: 1, name: 'A' })).status).toBe(200);
      const stale = await patch(provider.id, { version: 1, name: 'B' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
      expect((await t.request('GET', `/api/service-providers/${provider.id}`, { token: staffToken })).body.name).toBe('A');
    });

    it.each([
      ['version', undefined],
      ['name', null],
      ['needCategories', ['nope']],
      ['countryCodes', []],
      ['languages', null],
    ])('answers 400 naming %s for %j', async (field, value) => {
      const provider = await newProvider(t);
      const body: Record<string, unknown> = { version: 1, [field]: value };
      if (value === undefined) delete body[field];
      const response = await patch(provider.id, body);
      expect(response.status).toBe(400);
      expect(fields(response.body)).toEqual([field]);
    });

    it('answers 404 for an unknown provider', async () => {
      expect((await patch(randomUUID(), { version: 1, name: 'X' })).status).toBe(404);
    });
  });

  describe('DELETE /api/service-providers/:id', () => {
    it('deletes a provider no referral names (204), and refuses one with referrals (409)', async () => {
      const unused = await newProvider(t);
      expect((await t.request('DELETE', `/api/service-providers/${unused.id}`, { token: t.adminToken })).status).toBe(204);
      expect((await t.request('GET', `/api/service-providers/${unused.id}`, { token: t.adminToken })).status).toBe(404);

      const used = await newProvider(t);
      const hub = await t.newHub();
      const person = await t.newPerson(hub.id);
      await newReferral(t, person.id, used.id);
      const refused = await t.request('DELETE', `/api/service-providers/${used.id}`, { token: t.adminToken });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('conflict');
    });
  });
});
