import { Pipe, type PipeTransform } from '@angular/core';
import { dateTimeFormat, intlLocales } from './intl-locales';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `{{ value | localDate: lang() }}`: a date (`YYYY-MM-DD`, shown as that calendar day) or a timestamp
 * (shown in the browser's time zone), in the active language's format.
 */
@Pipe({ name: 'localDate' })
export class LocalDatePipe implements PipeTransform {
  transform(value: string | null | undefined, lang: string, withTime = false): string {
    if (!value) return '';
    const dateOnly = DATE_ONLY.test(value);
    const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(date.getTime())) return value;
    return dateTimeFormat(lang, {
      dateStyle: 'medium',
      ...(withTime && !dateOnly ? { timeStyle: 'short' } : {}),
      ...(dateOnly ? { timeZone: 'UTC' } : {}),
    }).format(date);
  }
}

/** `{{ count | localNumber: lang() }}` */
@Pipe({ name: 'localNumber' })
export class LocalNumberPipe implements PipeTransform {
  /** A count the API hid ("<5", "x") is shown as its mark. */
  transform(value: number | string | null | undefined, lang: string): string {
    if (typeof value === 'string') return value;
    return value == null ? '' : new Intl.NumberFormat(intlLocales(lang)).format(value);
  }
}
