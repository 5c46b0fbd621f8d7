// Small-count suppression of one count (the rule of an aggregate with no published sum, e.g. the number
// of hubs): a count of 1 to 4 could point at a person, so files leaving the app say "<5" instead. The
// dashboard's counts, which add up to published totals, go through suppressDashboard (complementary
// suppression, libs/shared/contracts small-counts.ts) first; a count it already hid stays as it is.
import { Count, SMALL_COUNT_THRESHOLD, SUPPRESSED_COUNT } from '@mih/contracts';

/** 0 stays 0 (nobody to point at), 1 to 4 become "<5", 5 and more are written as they are. */
export function suppressSmallCount(count: Count): Count {
  return typeof count === 'number' && count > 0 && count < SMALL_COUNT_THRESHOLD ? SUPPRESSED_COUNT : count;
}
