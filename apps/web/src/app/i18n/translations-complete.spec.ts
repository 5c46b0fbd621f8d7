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

type Flat = Map<string, unknown>;
const reference = [...flat['es'].keys()].sort();

/** Keys of es that the file lacks, and keys the file has that es lacks. */
function keyGaps(file: Flat) {
  return { missing: reference.filter((key) => !file.has(key)), extra: [...file.keys()].filter((key) => !flat['es'].has(key)) };
}

function placeholderMismatches(file: Flat): string[] {
  return reference.filter((key) => file.has(key) && placeholders(String(file.get(key))).join() !== placeholders(String(flat['es'].get(key))).join());
}

function leftInSpanish(lang: (typeof OTHERS)[number], file: Flat): string[] {
  return reference.filter((key) => {
    const text = file.get(key);
    return text === flat['es'].get(key) && !noWords(String(text)) && !SAME_AS_SPANISH[lang].includes(key);
  });
}

describe('translations', () => {
  it('covers every language of the app, and has a reasonable number of keys (the files were loaded)', () => {
    expect(Object.keys(files).sort()).toEqual([...LANGUAGES].sort());
    expect(reference.length).toBeGreaterThan(100);
  });

  it.each(OTHERS)('%s has exactly the keys of es, in both directions', (lang) => {
    expect(keyGaps(flat[lang])).toEqual({ missing: [], extra: [] });
  });

  it.each(['es', ...OTHERS])('%s has a non-empty text for every key', (lang) => {
    const empty = [...flat[lang]].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(OTHERS)('%s uses the same {{placeholders}} as es', (lang) => {
    expect(placeholderMismatches(flat[lang])).toEqual([]);
  });

  it.each(OTHERS)('%s leaves no text in Spanish, but for the listed same words', (lang) => {
    expect(leftInSpanish(lang, flat[lang])).toEqual([]);
  });

  it('finds a text left in Spanish, a missing or extra key and a changed placeholder (the checks can fail)', () => {
    const broken = new Map(flat['ht']);
    broken.set('nav.home', flat['es'].get('nav.home'));
    broken.delete('nav.visits');
    broken.set('nav.extra', 'Anplis');
    broken.set('home.greeting', 'Bonjou, {{ nom }}');
    expect(keyGaps(broken)).toEqual({ missing: ['nav.visits'], extra: ['nav.extra'] });
    expect(placeholderMismatches(broken)).toEqual(['home.greeting']);
    expect(leftInSpanish('ht', broken)).toEqual(['nav.home']);
  });
});
