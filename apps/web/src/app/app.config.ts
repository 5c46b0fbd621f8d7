import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  DOCUMENT,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { provideTransloco } from '@jsverse/transloco';
import { DEFAULT_LANGUAGE, LANGUAGES } from '@mih/contracts';
import { appRoutes } from './app.routes';
import { AppUpdateService } from './core/app-update.service';
import { authTokenInterceptor } from './core/auth-token.interceptor';
import { AuthService } from './core/auth.service';
import { errorInterceptor } from './core/error.interceptor';
import { preloadFirstPage } from './core/first-page-preload';
import { serviceWorkerBypassInterceptor } from './core/service-worker-bypass.interceptor';
import { LanguageService } from './i18n/language.service';
import { TranslatedTitleStrategy } from './i18n/translated-title.strategy';
import { TranslocoChunkLoader } from './i18n/transloco-loader';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    // The error interceptor is outermost so the token interceptor still sees the raw 401; the bypass is
    // innermost so the token interceptor's replay after a refresh skips the service worker too.
    provideHttpClient(withInterceptors([errorInterceptor, authTokenInterceptor, serviceWorkerBypassInterceptor])),
    // The app shell, every lazy page, the translations and the icons, cached for offline starts
    // (ngsw-config.json); production builds only, so `nx serve` reloads stay plain.
    provideServiceWorker('ngsw-worker.js', { enabled: !isDevMode(), registrationStrategy: 'registerWhenStable:30000' }),
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { logMissingKey: isDevMode(), useFallbackTranslation: false },
      },
      loader: TranslocoChunkLoader,
    }),
    provideAppInitializer(() => preloadFirstPage(inject(DOCUMENT).location.pathname)),
    // Before the first route renders: restore the session from the refresh cookie and load the
    // language (the user's own once signed in, else the one last chosen on this device).
    provideAppInitializer(async () => {
      const auth = inject(AuthService);
      const language = inject(LanguageService);
      const restoring = auth.restoreSession();
      await language.use(language.storedLanguage());
      await restoring;
      const userLanguage = auth.user()?.language;
      if (userLanguage && userLanguage !== language.lang()) await language.use(userLanguage);
    }),
    provideAppInitializer(() => inject(AppUpdateService).start()),
  ],
};
