// What the browser's Intl formats a UI language with: Kreyòl has no CLDR data in today's browsers (nor
// Angular locale data), so its dates, numbers, country names and sorting follow French, as in Haiti,
// except the names of the months, which a Kreyòl reader expects in Kreyòl.
import { INTL_LOCALES, type Language } from '@mih/contracts';

const KREYOL_MONTHS = ['janvye', 'fevriye', 'mas', 'avril', 'me', 'jen', 'jiyè', 'out', 'septanm', 'oktòb', 'novanm', 'desanm'];

export function intlLocales(lang: string): string[] {
  return [...(INTL_LOCALES[lang as Language] ?? [lang])];
}

/** Intl.DateTimeFormat for a UI language; in Kreyòl (while formatted as French) with Kreyòl month names. */
export function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): { format(date: Date | number): string } {
  const formatter = new Intl.DateTimeFormat(intlLocales(lang), options);
  const { locale, timeZone } = formatter.resolvedOptions();
  if (lang !== 'ht' || locale.startsWith('ht')) return formatter;
  const monthNumber = new Intl.DateTimeFormat('en', { month: 'numeric', timeZone });
  return {
    format: (date) =>
      formatter
        .formatToParts(date)
        .map((part) => (part.type === 'month' && !/^\d+$/.test(part.value) ? KREYOL_MONTHS[Number(monthNumber.format(date)) - 1] : part.value))
        .join(''),
  };
}
