// GET /api/reference-lists: every list as {code, label}, labels in the caller's language (or ?lang=),
// codes the same in every language.
import { LANGUAGES, REFERENCE_LIST_NAMES, ReferenceItem, ReferenceLists } from '@mih/contracts';
import { createTestApp, TestApp } from '../../testing/test-app';

const label = (lists: ReferenceLists, list: keyof ReferenceLists, code: string) => lists[list].find((item) => item.code === code)?.label;

describe('reference lists', () => {
  let t: TestApp;
  let englishToken: string;
  const fetchLists = async (query = '', token = t.adminToken) => {
    const response = await t.request<ReferenceLists>('GET', `/api/reference-lists${query}`, { token });
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const hub = await t.newHub();
    const { user, token } = await t.newUser('staff', { hubIds: [hub.id] });
    const changed = await t.request('PATCH', '/api/auth/me', { token, body: { language: 'en' } });
    expect(changed.body.language).toBe('en');
    expect(user.language).toBe('es');
    englishToken = token;
  });
  afterAll(() => t?.close());

  it('answers all 7 lists, each non-empty and made of {code, label} strings', async () => {
    const lists = await fetchLists();
    expect(Object.keys(lists).sort()).toEqual([...REFERENCE_LIST_NAMES].sort());
    expect(REFERENCE_LIST_NAMES).toHaveLength(7);
    for (const name of REFERENCE_LIST_NAMES) {
      const items: ReferenceItem[] = lists[name];
      expect({ name, empty: items.length === 0 }).toEqual({ name, empty: false });
      for (const item of items) {
        expect(Object.keys(item).sort()).toEqual(['code', 'label']);
        expect(item.code).toEqual(expect.stringMatching(/^[a-z0-9_+-]+$/));
        expect(item.label.trim()).not.toBe('');
      }
      expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    }
  });

  it('labels in Spanish by default (the admin has language es)', async () => {
    const lists = await fetchLists();
    expect(label(lists, 'sexes', 'female')).toBe('Mujer');
    expect(label(lists, 'topics', 'trafficking')).toBe('Trata de personas');
  });

  it.each([
    ['en', 'Female', 'Human trafficking'],
    ['fr', 'Femme', 'Traite des personnes'],
    ['es', 'Mujer', 'Trata de personas'],
    ['ht', 'Fi', 'Trafik moun'],
  ])('labels in the language of ?lang=%s', async (lang, female, trafficking) => {
    const lists = await fetchLists(`?lang=${lang}`);
    expect(label(lists, 'sexes', 'female')).toBe(female);
    expect(label(lists, 'topics', 'trafficking')).toBe(trafficking);
  });

  it("labels in the caller's own language when no ?lang= is given, and ?lang= overrides it", async () => {
    expect(label(await fetchLists('', englishToken), 'sexes', 'female')).toBe('Female');
    expect(label(await fetchLists('?lang=fr', englishToken), 'sexes', 'female')).toBe('Femme');
  });

  it.each(['de', 'ES', ''])('answers 400 naming lang for ?lang=%s', async (lang) => {
    const response = await t.request('GET', `/api/reference-lists?lang=${lang}`, { token: t.adminToken });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['lang']);
  });

  it('keeps the codes and their order identical across languages while the labels are translated', async () => {
    const byLanguage = await Promise.all(LANGUAGES.map((lang) => fetchLists(`?lang=${lang}`)));
    const [es, ...others] = byLanguage;
    for (const name of REFERENCE_LIST_NAMES) {
      for (const other of others) expect(other[name].map((i) => i.code)).toEqual(es[name].map((i) => i.code));
    }
    // Translated: most labels differ between languages (a few, like "0 a 11 años", may not all differ).
    for (const name of ['topics', 'needCategories', 'profiles', 'channels', 'sexes'] as const) {
      const [esLabels, enLabels, frLabels] = byLanguage.map((lists) => lists[name].map((i) => i.label));
      expect({ name, sameEn: esLabels.filter((l, i) => l === enLabels[i]).length }).toEqual({ name, sameEn: 0 });
      expect({ name, sameFr: esLabels.filter((l, i) => l === frLabels[i]).length }).toEqual({ name, sameFr: 0 });
    }
  });

  it('requires a token', async () => {
    expect((await t.request('GET', '/api/reference-lists')).status).toBe(401);
  });
});
