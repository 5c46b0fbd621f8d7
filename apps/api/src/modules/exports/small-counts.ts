// Small-count suppression for aggregate exports: a count of 1 to 4 in a breakdown could point at a
// person (the one woman of 60+ from a country at a hub), so files leaving the app say "<5" instead.
import { SMALL_COUNT_THRESHOLD, SUPPRESSED_COUNT } from '@mih/contracts';

/** 0 stays 0 (nobody to point at), 1 to 4 become "<5", 5 and more are written as they are. */
export function suppressSmallCount(count: number): number | typeof SUPPRESSED_COUNT {
  return count > 0 && count < SMALL_COUNT_THRESHOLD ? SUPPRESSED_COUNT : count;
}
