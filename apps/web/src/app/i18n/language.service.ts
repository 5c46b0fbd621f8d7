// The active UI language: Transloco's active lang, <html lang>, and the choice remembered in localStorage.
import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TRANSLOCO_LOADER, TranslocoService } from '@jsverse/transloco';
import { DEFAULT_LANGUAGE, type Language, LANGUAGES } from '@mih/contracts';
import { firstValueFrom } from 'rxjs';
import { TranslocoChunkLoader } from './transloco-loader';

export const LANGUAGE_STORAGE_KEY = 'mih.lang';

/** Each language named in itself, as a language switch should show it. */
export const LANGUAGE_AUTONYMS: Record<Language, string> = { es: 'Español', en: 'English', fr: 'Français', ht: 'Kreyòl ayisyen' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(DEFAULT_LANGUAGE);
  private readonly loader = inject(TRANSLOCO_LOADER, { optional: true });
  /** The last language load started by use(), so the switch to whole translations can wait for it. */
  private loading: Promise<unknown> = Promise.resolve();

  readonly lang = this.current.asReadonly();

  /** The language to show before anyone signs in: the last one chosen on this device, else Spanish. */
  storedLanguage(): Language {
    try {
      const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  }

  /** Switches the UI language; resolves once its translations are loaded. */
  async use(lang: Language): Promise<void> {
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // Storage may be disabled (private mode); the choice then lasts for this tab only.
    }
    this.transloco.setActiveLang(lang);
    this.loading = firstValueFrom(this.transloco.load(lang));
    await this.loading;
  }

  /**
   * Before any page but sign-in: every screen's translations, in place of the sign-in page's few (for
   * each language already loaded), and whole ones for any language loaded from now on.
   */
  async useWholeTranslations(): Promise<void> {
    const loader = this.loader;
    if (!(loader instanceof TranslocoChunkLoader) || loader.whole) return;
    loader.whole = true;
    await this.loading.catch(() => undefined); // a sign-in page load still on its way must not land last
    for (const lang of LANGUAGES) {
      if (Object.keys(this.transloco.getTranslation(lang)).length === 0) continue;
      this.transloco.setTranslation(await loader.load(lang, true), lang);
    }
  }
}
