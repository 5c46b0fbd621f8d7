// Every screen is translated into the four languages: the files offer exactly the same keys (in both
// directions), none empty, with the same {{placeholders}}, and no text is left in Spanish in the others
// except the few that are the same word in both (listed below, with why).
import { LANGUAGES } from '@mih/contracts';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import fr from '../../i18n/fr.json';
import ht from '../../i18n/ht.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const files = { es, en, fr, ht } as Record<string, Tree>;
const flat = Object.fromEntries(Object.entries(files).map(([lang, tree]) => [lang, flatten(tree)]));
const placeholders = (text: string) => (text.match(/{{\s*\w+\s*}}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort();
const OTHERS = ['en', 'fr', 'ht'] as const;

/** Texts that are rightly the same as the Spanish one: format names, and words both languages share. */
const SAME_AS_SPANISH: Record<(typeof OTHERS)[number], string[]> = {
  en: ['exports.csv', 'exports.xlsx', 'home.hubCount', 'activities.fields.total'],
  fr: ['exports.csv', 'exports.xlsx', 'activities.fields.total', 'visits.fields.channel', 'quarter.quarter', 'quarter.quarterName', 'quarter.period'],
  ht: ['exports.csv', 'exports.xlsx', 'home.hubCount', 'activities.fields.total', 'quarter.period'],
};
/** Nothing to translate: no letters once the placeholders are taken out (e.g. "{{ n }} %"). */
const noWords = (text: string) => !/\p{L}/u.test(text.replace(/{{\s*\w+\s*}}/g, ''));

describe('translations', () => {
  const reference = [...flat['es'].keys()].sort();

  it('covers every language of the app, and has a reasonable number of keys (the files were loaded)', () => {
    expect(Object.keys(files).sort()).toEqual([...LANGUAGES].sort());
    expect(reference.length).toBeGreaterThan(100);
  });

  it.each(OTHERS)('%s has no key missing from es, and es none missing from it', (lang) => {
    const keys = new Set(flat[lang].keys());
    expect({ missingIn: lang, keys: reference.filter((key) => !keys.has(key)) }).toEqual({ missingIn: lang, keys: [] });
    expect({ missingInEs: [...keys].filter((key) => !flat['es'].has(key)) }).toEqual({ missingInEs: [] });
  });

  it.each(['es', ...OTHERS])('%s has a non-empty text for every key', (lang) => {
    const empty = [...flat[lang]].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(OTHERS)('%s uses the same {{placeholders}} as es', (lang) => {
    const mismatched = reference.filter(
      (key) => flat[lang].has(key) && placeholders(String(flat[lang].get(key))).join() !== placeholders(String(flat['es'].get(key))).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(OTHERS)('%s leaves no text in Spanish, but for the listed same words', (lang) => {
    const untranslated = reference.filter((key) => {
      const text = flat[lang].get(key);
      return text === flat['es'].get(key) && !noWords(String(text)) && !SAME_AS_SPANISH[lang].includes(key);
    });
    expect(untranslated).toEqual([]);
  });

  it('would notice a text left in Spanish, a missing key and a changed placeholder (the checks can fail)', () => {
    const broken = flatten(structuredClone(ht) as Tree);
    broken.set('nav.home', flat['es'].get('nav.home'));
    broken.delete('nav.visits');
    broken.set('home.greeting', 'Bonjou, {{ nom }}');
    expect(broken.get('nav.home')).toBe(flat['es'].get('nav.home'));
    expect(reference.filter((key) => !broken.has(key))).toEqual(['nav.visits']);
    expect(placeholders(String(broken.get('home.greeting')))).not.toEqual(placeholders(String(flat['es'].get('home.greeting'))));
  });
});
