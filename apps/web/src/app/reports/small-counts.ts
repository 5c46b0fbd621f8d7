// Small-count suppression for figures that leave the app (printed summaries), the same rule as the
// aggregate exports: the dashboard goes through suppressDashboard (a count of 1 to 4 shown as "<5", and
// "x" for a count withheld so that a "<5" cannot be worked out from its total); shares are only given
// for shown groups of 5 or more of a shown total.
import { type Count, SMALL_COUNT_THRESHOLD, SUPPRESSED_COUNT } from '@mih/contracts';
import { intlLocales } from '../i18n/intl-locales';

export function suppressed(count: Count, lang: string): string {
  if (typeof count === 'string') return count;
  if (count > 0 && count < SMALL_COUNT_THRESHOLD) return SUPPRESSED_COUNT;
  return new Intl.NumberFormat(intlLocales(lang)).format(count);
}

/** The group's share of the total as a whole percentage, or '' when the group is too small or hidden. */
export function share(count: Count, total: Count, lang: string): string {
  if (typeof count !== 'number' || typeof total !== 'number') return '';
  if (total === 0 || count < SMALL_COUNT_THRESHOLD) return '';
  return new Intl.NumberFormat(intlLocales(lang), { style: 'percent', maximumFractionDigits: 0 }).format(count / total);
}
