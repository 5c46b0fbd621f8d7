// The sign-in page loads only its own sections of the translations (a phone's first load): they must be
// exactly those sections of the whole files, and the app must switch to the whole files before any
// other page.
import { TestBed } from '@angular/core/testing';
import { TRANSLOCO_LOADER, TranslocoService, provideTransloco } from '@jsverse/transloco';
import en from '../../i18n/en.json';
import es from '../../i18n/es.json';
import fr from '../../i18n/fr.json';
import ht from '../../i18n/ht.json';
import enSignIn from '../../i18n/sign-in/en.json';
import esSignIn from '../../i18n/sign-in/es.json';
import frSignIn from '../../i18n/sign-in/fr.json';
import htSignIn from '../../i18n/sign-in/ht.json';
import sections from '../../i18n/sign-in/sections.json';
import { LanguageService } from './language.service';
import { TranslocoChunkLoader } from './transloco-loader';

describe('sign-in translations', () => {
  it.each([
    ['es', es, esSignIn],
    ['en', en, enSignIn],
    ['fr', fr, frSignIn],
    ['ht', ht, htSignIn],
  ])('%s: the sign-in file is exactly its sections of the whole file (else: node tools/i18n/make-sign-in-translations.mjs)', (_lang, whole, signIn) => {
    const picked = Object.fromEntries(sections.map((section) => [section, (whole as Record<string, unknown>)[section]]));
    expect(signIn).toEqual(picked);
  });

  it('holds what the sign-in page shows, and far less than every screen', () => {
    expect(sections).toEqual(expect.arrayContaining(['app', 'login', 'language', 'languages', 'validation', 'errors']));
    expect(JSON.stringify(esSignIn).length).toBeLessThan(JSON.stringify(es).length / 5);
  });

  it('switches to the whole translations before another page, for the languages already loaded', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideTransloco({
          config: { availableLangs: ['es', 'en', 'fr'], defaultLang: 'es', missingHandler: { logMissingKey: false } },
          loader: TranslocoChunkLoader,
        }),
      ],
    });
    const loader = TestBed.inject(TRANSLOCO_LOADER) as TranslocoChunkLoader;
    loader.whole = false; // as when the app starts on /login
    const language = TestBed.inject(LanguageService);
    const transloco = TestBed.inject(TranslocoService);

    await language.use('en');
    await language.use('es');
    expect(transloco.translate('login.submit')).toBe(es.login.submit);
    expect(transloco.translate('nav.home')).toBe('nav.home'); // not on the sign-in page

    await language.useWholeTranslations();
    expect(transloco.translate('nav.home')).toBe(es.nav.home);
    expect(transloco.translate('nav.home', {}, 'en')).toBe(en.nav.home);
    await language.use('fr'); // first loaded after the switch: whole at once
    expect(transloco.translate('nav.home')).toBe(fr.nav.home);
  });
});
