// Each language is a lazy, content-hashed chunk of the build: no asset path to configure or cache-bust.
import { Injectable } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';
import type { Language } from '@mih/contracts';
import { from, type Observable } from 'rxjs';

const TRANSLATIONS: Record<Language, () => Promise<Translation>> = {
  es: () => import('../../i18n/es.json').then((m) => m.default),
  en: () => import('../../i18n/en.json').then((m) => m.default),
  fr: () => import('../../i18n/fr.json').then((m) => m.default),
};

@Injectable({ providedIn: 'root' })
export class TranslocoChunkLoader implements TranslocoLoader {
  getTranslation(lang: string): Observable<Translation> {
    const load = TRANSLATIONS[lang as Language] ?? TRANSLATIONS.es;
    return from(load());
  }
}
