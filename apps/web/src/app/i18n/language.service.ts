// The active UI language: Transloco's active lang, <html lang>, and the choice remembered in localStorage.
import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { DEFAULT_LANGUAGE, type Language, LANGUAGES } from '@mih/contracts';
import { firstValueFrom } from 'rxjs';

export const LANGUAGE_STORAGE_KEY = 'mih.lang';

/** Each language named in itself, as a language switch should show it. */
export const LANGUAGE_AUTONYMS: Record<Language, string> = { es: 'Español', en: 'English', fr: 'Français' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(DEFAULT_LANGUAGE);

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
    await firstValueFrom(this.transloco.load(lang));
  }
}
