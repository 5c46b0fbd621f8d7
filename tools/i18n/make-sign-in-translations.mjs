#!/usr/bin/env node
// The sign-in page's translations: the few sections it shows (apps/web/src/i18n/sign-in/sections.json),
// picked from each language's full file, so that a phone's first load carries ~1 kB of text instead of
// every screen's ~13 kB. The full files stay the only ones translators edit; run this after changing them
// (a web unit spec fails while the picks are out of date):  node tools/i18n/make-sign-in-translations.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const i18n = resolve(import.meta.dirname, '../../apps/web/src/i18n');
const sections = JSON.parse(readFileSync(resolve(i18n, 'sign-in/sections.json'), 'utf8'));

for (const lang of ['es', 'en', 'fr', 'ht']) {
  const full = JSON.parse(readFileSync(resolve(i18n, `${lang}.json`), 'utf8'));
  const picked = Object.fromEntries(sections.map((section) => [section, full[section]]));
  writeFileSync(resolve(i18n, `sign-in/${lang}.json`), `${JSON.stringify(picked, null, 2)}\n`);
}
console.log(`sign-in translations written for es, en, fr, ht (${sections.join(', ')})`);
