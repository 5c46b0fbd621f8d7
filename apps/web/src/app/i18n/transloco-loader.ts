// Each language is a lazy, content-hashed chunk of the build: no asset path to configure or cache-bust.
// Until the first page other than sign-in opens, only the sign-in page's own sections load (~1 kB
// instead of ~13 kB on a phone's first load); LanguageService.useWholeTranslations() switches for good.
import { DOCUMENT, Injectable, inject } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import type { Language } from '@mih/contracts';
import { from, type Observable } from 'rxjs';

const WHOLE: Record<Language, () => Promise<Translation>> = {
  es: () => import('../../i18n/es.json').then((m) => m.default),
  en: () => import('../../i18n/en.json').then((m) => m.default),
  fr: () => import('../../i18n/fr.json').then((m) => m.default),
  ht: () => import('../../i18n/ht.json').then((m) => m.default),
};

/** Made from the whole files by tools/i18n/make-sign-in-translations.mjs (a spec keeps them equal). */
const SIGN_IN: Record<Language, () => Promise<Translation>> = {
  es: () => import('../../i18n/sign-in/es.json').then((m) => m.default),
  en: () => import('../../i18n/sign-in/en.json').then((m) => m.default),
  fr: () => import('../../i18n/sign-in/fr.json').then((m) => m.default),
  ht: () => import('../../i18n/sign-in/ht.json').then((m) => m.default),
};

@Injectable({ providedIn: 'root' })
export class TranslocoChunkLoader implements TranslocoLoader {
  /** False while the app has shown nothing but the sign-in page. */
  whole = !(inject(DOCUMENT).location?.pathname ?? '').startsWith('/login');

  getTranslation(lang: string): Observable<Translation> {
    return from(this.load(lang));
  }

  load(lang: string, whole = this.whole): Promise<Translation> {
    const files = whole ? WHOLE : SIGN_IN;
    return (files[lang as Language] ?? files.es)();
  }
}
