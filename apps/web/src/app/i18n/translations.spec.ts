// Every screen is translated: the three files must offer the same keys, none empty, same placeholders.
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import fr from '../../i18n/fr.json';

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

const files = { es, en, fr } as Record<string, Tree>;
const flat = Object.fromEntries(Object.entries(files).map(([lang, tree]) => [lang, flatten(tree)]));
const placeholders = (text: string) => (text.match(/{{\s*\w+\s*}}/g) ?? []).map((p) => p.replace(/\s/g, '')).sort();

describe('translations', () => {
  const reference = [...flat['es'].keys()].sort();

  it('has a reasonable number of keys (the files were loaded)', () => {
    expect(reference.length).toBeGreaterThan(100);
  });

  it.each(['en', 'fr'])('%s has exactly the keys of es', (lang) => {
    expect([...flat[lang].keys()].sort()).toEqual(reference);
  });

  it.each(['es', 'en', 'fr'])('%s has a non-empty text for every key', (lang) => {
    const empty = [...flat[lang]].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(['en', 'fr'])('%s uses the same {{placeholders}} as es', (lang) => {
    const mismatched = reference.filter(
      (key) => placeholders(String(flat[lang].get(key))).join() !== placeholders(String(flat['es'].get(key))).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
