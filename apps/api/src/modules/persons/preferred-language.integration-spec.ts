// Kreyòl ayisyen (issue 15): 'ht' is a language like the others (a user's, a provider's, the exports'),
// and a person carries the language they understand best, which their referrals take by default (the
// slip they carry away can be printed in it): stored, changeable, validated with a 400 naming the field.
import type { Hub, Person, Referral, ServiceProvider, User } from '@mih/contracts';
import { act, newProvider, newReferral } from '../../testing/referral-fixtures';
import { csvRecords, download } from '../../testing/export-files';
import { createTestApp, TestApp } from '../../testing/test-app';

describe("a person's preferred language, and Kreyòl as a language", () => {
  let t: TestApp;
  let hub: Hub;
  let staff: { user: User; token: string };
  let provider: ServiceProvider;

  const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
  const createPerson = (body: Record<string, unknown>) =>
    t.request<Person>('POST', '/api/persons', { token: staff.token, body: { hubId: hub.id, sex: 'female', nationality: 'HT', profile: 'in_transit', ageBand: '25-59', ...body } });
  const patchPerson = (p: Person, body: Record<string, unknown>) => t.request<Person>('PATCH', `/api/persons/${p.id}`, { token: staff.token, body: { version: p.version, ...body } });
  const count = async (table: string) => Number((await t.sql(`SELECT count(*) AS n FROM ${table}`))[0]['n']);

  beforeAll(async () => {
    t = await createTestApp();
    hub = await t.newHub({ countryCode: 'DO' });
    staff = await t.newUser('staff', { hubIds: [hub.id] });
    provider = await newProvider(t, { countryCodes: ['DO'], languages: ['ht', 'fr'] });
  });
  afterAll(() => t?.close());

  it('stores the language on a new person, reads it back, changes it and clears it', async () => {
    const created = await createPerson({ preferredLanguage: 'ht' });
    expect(created.status).toBe(201);
    expect(created.body.preferredLanguage).toBe('ht');
    expect((await t.request<Person>('GET', `/api/persons/${created.body.id}`, { token: staff.token })).body.preferredLanguage).toBe('ht');

    const changed = await patchPerson(created.body, { preferredLanguage: 'fr' });
    expect(changed.status).toBe(200);
    expect(changed.body.preferredLanguage).toBe('fr');
    const cleared = await patchPerson(changed.body, { preferredLanguage: null });
    expect(cleared.body.preferredLanguage).toBeNull();
    expect((await createPerson({})).body.preferredLanguage).toBeNull(); // not asked
  });

  it.each([['de'], ['HT'], [''], [42], [['ht']]])('answers 400 naming preferredLanguage for %j, writing nothing', async (value) => {
    const before = await count('persons');
    const created = await createPerson({ preferredLanguage: value });
    expect(created.status).toBe(400);
    expect(fields(created.body)).toEqual(['preferredLanguage']);
    expect(await count('persons')).toBe(before);

    const person = (await createPerson({ preferredLanguage: 'es' })).body;
    const patched = await patchPerson(person, { preferredLanguage: value });
    expect(patched.status).toBe(400);
    expect(fields(patched.body)).toEqual(['preferredLanguage']);
    expect((await t.sql('SELECT preferred_language FROM persons WHERE id = $1', [person.id]))[0]['preferred_language']).toBe('es');
  });

  it("gives a referral the person's language unless another is chosen, and lets it change while open", async () => {
    const person = (await createPerson({ preferredLanguage: 'ht', consent: { given: true, purposes: ['referral'], date: '2026-01-05' } })).body;
    const byDefault = await newReferral(t, person.id, provider.id, {}, staff.token);
    expect(byDefault.preferredLanguage).toBe('ht');
    expect((await newReferral(t, person.id, provider.id, { preferredLanguage: 'es' }, staff.token)).preferredLanguage).toBe('es');
    expect((await newReferral(t, person.id, provider.id, { preferredLanguage: null }, staff.token)).preferredLanguage).toBeNull();

    // Sent to the provider: no longer editable in content, but the slip's language may still change.
    const submitted = (await act(t, byDefault, 'submit', staff.token)).body;
    const approved = (await act(t, submitted, 'approve')).body;
    expect(approved.status).toBe('approved');
    const changed = await t.request<Referral>('PATCH', `/api/referrals/${approved.id}`, { token: staff.token, body: { version: approved.version, preferredLanguage: 'fr' } });
    expect(changed.status).toBe(200);
    expect(changed.body.preferredLanguage).toBe('fr');
    const read = await t.request<Referral>('GET', `/api/referrals/${approved.id}`, { token: staff.token });
    expect(read.body.preferredLanguage).toBe('fr');
  });

  it('answers 400 naming preferredLanguage on a referral, writing nothing', async () => {
    const person = (await createPerson({ consent: { given: true, purposes: ['referral'], date: '2026-01-05' } })).body;
    const before = await count('referrals');
    const body = { personId: person.id, serviceProviderId: provider.id, needCategory: 'child_protection', urgency: 'routine', reason: 'x', consentToShare: true, preferredLanguage: 'kr' };
    const created = await t.request('POST', '/api/referrals', { token: staff.token, body });
    expect(created.status).toBe(400);
    expect(fields(created.body)).toEqual(['preferredLanguage']);
    expect(await count('referrals')).toBe(before);

    const referral = await newReferral(t, person.id, provider.id, {}, staff.token);
    const patched = await t.request('PATCH', `/api/referrals/${referral.id}`, { token: staff.token, body: { version: referral.version, preferredLanguage: 'xx' } });
    expect(patched.status).toBe(400);
    expect(fields(patched.body)).toEqual(['preferredLanguage']);
  });

  it('takes ht as a user language and a provider language (the database agrees)', async () => {
    const me = await t.request<{ language: string }>('PATCH', '/api/auth/me', { token: staff.token, body: { language: 'ht' } });
    expect(me.status).toBe(200);
    expect(me.body.language).toBe('ht');
    expect((await t.sql('SELECT language FROM users WHERE id = $1', [staff.user.id]))[0]['language']).toBe('ht');
    expect(provider.languages).toEqual(['ht', 'fr']);
    await expect(t.sql(`UPDATE users SET language = 'de' WHERE id = $1`, [staff.user.id])).rejects.toThrow(/users_language_check/);
    await expect(t.sql(`UPDATE persons SET preferred_language = 'de'`)).rejects.toThrow(/persons_preferred_language_check/);
  });

  it("writes an export's headers and labels in Kreyòl for a Kreyòl speaker", async () => {
    await t.newVisit(hub.id, { channel: 'phone' }, staff.token);
    const file = await download(t, 'GET', `/api/exports/visits.csv?hubId=${hub.id}&lang=ht`, staff.token);
    expect(file.status).toBe(200);
    const [header, row] = await csvRecords(file.bytes);
    expect(header).toEqual(expect.arrayContaining(['Kòd sant lan', 'Mwayen kontak', 'Sèks']));
    expect(row).toEqual(expect.arrayContaining(['Telefòn']));
    // Country names follow French where Kreyòl has no data of its own.
    expect(row).toEqual(expect.arrayContaining(['République dominicaine']));
  });
});
