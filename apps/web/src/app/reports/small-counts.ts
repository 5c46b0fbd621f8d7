// Small-count suppression for figures that leave the app (printed summaries), the same rule as the
// aggregate exports: a count of 1 to 4 could point at a person, so it is shown as "<5"; shares are only
// given for groups of 5 or more.
import { SMALL_COUNT_THRESHOLD, SUPPRESSED_COUNT } from '@mih/contracts';
import { intlLocales } from '../i18n/intl-locales';

export function suppressed(count: number, lang: string): string {
  if (count > 0 && count < SMALL_COUNT_THRESHOLD) return SUPPRESSED_COUNT;
  return new Intl.NumberFormat(intlLocales(lang)).format(count);
}

/** The group's share of the total as a whole percentage, or '' when the group is too small to show. */
export function share(count: number, total: number, lang: string): string {
  if (total === 0 || count < SMALL_COUNT_THRESHOLD) return '';
  return new Intl.NumberFormat(intlLocales(lang), { style: 'percent', maximumFractionDigits: 0 }).format(count / total);
}
