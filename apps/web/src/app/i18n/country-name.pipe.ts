import { Pipe, type PipeTransform } from '@angular/core';
import { intlLocales } from './intl-locales';

const displayNames = new Map<string, Intl.DisplayNames>();

export function countryName(code: string | null | undefined, lang: string): string {
  if (!code) return '';
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames(intlLocales(lang), { type: 'region' });
    displayNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** `{{ hub.countryCode | countryName: lang() }}`: the country's name in the active language. */
@Pipe({ name: 'countryName' })
export class CountryNamePipe implements PipeTransform {
  transform(code: string | null | undefined, lang: string): string {
    return countryName(code, lang);
  }
}
