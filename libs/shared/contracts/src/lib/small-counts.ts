// Small-count suppression with complementary suppression, for every aggregate that leaves the app or
// reaches a non-admin (the dashboard, its export, the quarter in numbers). A count of 1 to 4 could point
// at a person, so it is written "<5"; and where the counts of a line add up to a published total, one
// hidden count could be worked out by subtraction, so more counts of that line are withheld ("x"), the
// smallest first, until no count of any line can be worked out — repeated until every line is safe,
// since withholding a total opens the other lines that add up to it.

/** Aggregate counts below this are written as `<5`: they could point at a person. */
export const SMALL_COUNT_THRESHOLD = 5;
export const SUPPRESSED_COUNT = `<${SMALL_COUNT_THRESHOLD}`;
/** A count of 5 or more withheld so that a "<5" of its line cannot be worked out from the total. */
export const WITHHELD_COUNT = 'x';

export type HiddenCount = typeof SUPPRESSED_COUNT | typeof WITHHELD_COUNT;
/** A count as published: the number, or why it is hidden. */
export type Count = number | HiddenCount;

/** A published equation: the counts at `cells` add up to the count at `total` (indexes of one table). */
export interface SumRule {
  cells: readonly number[];
  total: number;
}

/** What a reader knows of a count from its mark: "<5" is 1 to 4, "x" is 5 or more (zeros are never hidden). */
export function boundsOf(count: Count): [number, number] {
  if (count === SUPPRESSED_COUNT) return [1, SMALL_COUNT_THRESHOLD - 1];
  if (count === WITHHELD_COUNT) return [SMALL_COUNT_THRESHOLD, Infinity];
  return [count, count];
}

/**
 * Whether a rule's hidden counts can be worked out from what is published: one hidden count is the
 * total minus the others; several are pinned when their sum can only be reached with each at its
 * lowest (or highest) bound, e.g. "<5" + "x" = 6 is 1 + 5.
 */
export function isExposed(rule: SumRule, published: readonly Count[]): boolean {
  const terms = [...rule.cells.map((index) => ({ index, sign: 1 })), { index: rule.total, sign: -1 }];
  const hidden = terms.filter((term) => typeof published[term.index] !== 'number');
  if (hidden.length === 0) return false;
  if (hidden.length === 1) return true;
  // The hidden terms' signed sum must equal minus the shown terms' signed sum.
  const target = -terms.filter((term) => typeof published[term.index] === 'number').reduce((sum, term) => sum + term.sign * (published[term.index] as number), 0);
  let min = 0;
  let max = 0;
  for (const { index, sign } of hidden) {
    const [low, high] = boundsOf(published[index]);
    min += sign > 0 ? low : -high;
    max += sign > 0 ? high : -low;
  }
  return target <= min || target >= max;
}

/**
 * The published form of `counts`: small counts "<5", and as many more withheld as the `rules` need.
 * Counts already hidden stay hidden, so suppressing twice changes nothing.
 */
export function suppressCounts(counts: readonly Count[], rules: readonly SumRule[]): Count[] {
  const values = counts.map((count) => (typeof count === 'number' ? count : NaN));
  const published: Count[] = counts.map((count) => (typeof count === 'number' && count > 0 && count < SMALL_COUNT_THRESHOLD ? SUPPRESSED_COUNT : count));
  let changed = true;
  while (changed) {
    changed = false;
    for (const rule of rules) {
      while (isExposed(rule, published)) {
        const next = nextToWithhold(rule, values, published);
        if (next === undefined) break; // every count of the line is hidden or zero: nothing more to do
        published[next] = WITHHELD_COUNT;
        changed = true;
      }
    }
  }
  return published;
}

/** The smallest shown count of the line's cells that is not zero (a hidden zero protects nothing), else its total. */
function nextToWithhold(rule: SumRule, values: readonly number[], published: readonly Count[]): number | undefined {
  const shown = (index: number) => typeof published[index] === 'number' && values[index] > 0;
  const cells = rule.cells.filter(shown).sort((a, b) => values[a] - values[b] || a - b);
  if (cells.length > 0) return cells[0];
  return shown(rule.total) ? rule.total : undefined;
}
