// What the browser's Intl formats a UI language with: Kreyòl has no CLDR data in today's browsers (nor
// Angular locale data), so its dates, numbers, country names and sorting follow French, as in Haiti.
import { INTL_LOCALES, type Language } from '@mih/contracts';

export function intlLocales(lang: string): string[] {
  return [...(INTL_LOCALES[lang as Language] ?? [lang])];
}
