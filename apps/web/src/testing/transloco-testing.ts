import { type EnvironmentProviders, importProvidersFrom } from '@angular/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import fr from '../i18n/fr.json';
import ht from '../i18n/ht.json';

/** The real translation files, loaded synchronously, Spanish active. */
export function provideTestTransloco(): EnvironmentProviders {
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs: { es, en, fr, ht },
      translocoConfig: { availableLangs: ['es', 'en', 'fr', 'ht'], defaultLang: 'es' },
      preloadLangs: true,
    }),
  );
}
