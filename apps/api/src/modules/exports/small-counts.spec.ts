import { Count, SumRule, suppressCounts, SUPPRESSED_COUNT, WITHHELD_COUNT } from '@mih/contracts';
import { suppressSmallCount } from './small-counts';
import { subtractionAttack } from '../../testing/subtraction-attack';

describe('suppressSmallCount', () => {
  it('keeps 0: an empty group points at nobody', () => {
    expect(suppressSmallCount(0)).toBe(0);
  });

  it.each([1, 2, 3, 4])('writes %i as "<5"', (count) => {
    expect(suppressSmallCount(count)).toBe('<5');
  });

  it.each([5, 6, 120, 1_000_000])('writes %i as it is', (count) => {
    expect(suppressSmallCount(count)).toBe(count);
  });
});

describe('suppressCounts (complementary suppression)', () => {
  // One line: female, male, other add up to the total (index 3).
  const line: SumRule[] = [{ cells: [0, 1, 2], total: 3 }];

  it('withholds the next smallest count of a line where one "<5" could be worked out from the total', () => {
    expect(suppressCounts([7, 1, 0, 8], line)).toEqual([WITHHELD_COUNT, SUPPRESSED_COUNT, 0, 8]);
    expect(suppressCounts([40, 2, 9, 51], line)).toEqual([40, SUPPRESSED_COUNT, WITHHELD_COUNT, 51]);
  });

  it('leaves a line alone when nothing is small, or when two small counts already hide each other', () => {
    expect(suppressCounts([7, 5, 0, 12], line)).toEqual([7, 5, 0, 12]);
    expect(suppressCounts([40, 2, 3, 45], line)).toEqual([40, SUPPRESSED_COUNT, SUPPRESSED_COUNT, 45]);
  });

  it('goes on while the marks pin the values: "<5" + "x" = 6 can only be 1 + 5, so the total goes too', () => {
    expect(suppressCounts([1, 5, 0, 6], line)).toEqual([SUPPRESSED_COUNT, WITHHELD_COUNT, 0, WITHHELD_COUNT]);
    // two "<5" adding up to 2 are both 1: one more is withheld
    expect(suppressCounts([1, 1, 9, 11], line)).toEqual([SUPPRESSED_COUNT, SUPPRESSED_COUNT, WITHHELD_COUNT, 11]);
  });

  it('never withholds a zero: the marks say a hidden count is at least 1, so a hidden zero protects nothing', () => {
    expect(suppressCounts([0, 3, 0, 3], line)).toEqual([0, SUPPRESSED_COUNT, 0, SUPPRESSED_COUNT]);
  });

  it('repeats across lines: a total withheld in one line is withheld in every line that adds up to it', () => {
    // bySex and byAgeBand both add up to the people reached (index 0).
    const rules: SumRule[] = [
      { cells: [1, 2], total: 0 },
      { cells: [3, 4], total: 0 },
    ];
    const published = suppressCounts([6, 1, 5, 6, 0], rules);
    expect(published[0]).toBe(WITHHELD_COUNT);
    expect(published[3]).toBe(WITHHELD_COUNT); // else 6 - 0 gives the total back
    expect(subtractionAttack(published, rules)).toEqual([]);
  });

  describe('against every subtraction, on random tables with row, column and grand totals (seeded)', () => {
    const random = mulberry32(20261206);
    const tables = Array.from({ length: 400 }, () => randomTable(random));

    it('leaves nothing a reader can work out', () => {
      for (const { values, rules } of tables) {
        const published = suppressCounts(values, rules);
        expect(subtractionAttack(published, rules, values)).toEqual([]);
      }
    });

    it('marks truthfully: every count from 1 to 4 is "<5", every "x" is 5 or more, every number is the count', () => {
      for (const { values, rules } of tables) {
        suppressCounts(values, rules).forEach((count: Count, i) => {
          if (values[i] > 0 && values[i] < 5) expect(count).toBe(SUPPRESSED_COUNT);
          else if (count === WITHHELD_COUNT) expect(values[i]).toBeGreaterThanOrEqual(5);
          else expect(count).toBe(values[i]);
        });
      }
    });

    it('would be beaten by "<5" alone (the attack can find something)', () => {
      const beaten = tables.filter(({ values, rules }) => {
        const smallOnly = values.map((v) => (v > 0 && v < 5 ? SUPPRESSED_COUNT : v));
        return subtractionAttack(smallOnly, rules, values).length > 0;
      });
      expect(beaten.length).toBeGreaterThan(100);
    });
  });
});

/** An r × c table of mostly small counts (zeros included), its row totals, column totals and grand total, as one list. */
function randomTable(random: () => number): { values: number[]; rules: SumRule[] } {
  const rows = 1 + Math.floor(random() * 5);
  const columns = 1 + Math.floor(random() * 5);
  const cell = () => (random() < 0.25 ? 0 : random() < 0.6 ? 1 + Math.floor(random() * 4) : Math.floor(random() * 40));
  const grid = Array.from({ length: rows }, () => Array.from({ length: columns }, cell));
  const values = grid.flat();
  const at = (r: number, c: number) => r * columns + c;
  const rowTotal = (r: number) => rows * columns + r;
  const columnTotal = (c: number) => rows * columns + rows + c;
  const grand = rows * columns + rows + columns;
  values.push(...grid.map((row) => row.reduce((a, b) => a + b, 0)));
  values.push(...Array.from({ length: columns }, (_, c) => grid.reduce((sum, row) => sum + row[c], 0)));
  values.push(values.slice(rows * columns, rows * columns + rows).reduce((a, b) => a + b, 0));
  const rules: SumRule[] = [
    ...Array.from({ length: rows }, (_, r) => ({ cells: Array.from({ length: columns }, (_, c) => at(r, c)), total: rowTotal(r) })),
    ...Array.from({ length: columns }, (_, c) => ({ cells: Array.from({ length: rows }, (_, r) => at(r, c)), total: columnTotal(c) })),
    { cells: Array.from({ length: rows }, (_, r) => rowTotal(r)), total: grand },
    { cells: Array.from({ length: columns }, (_, c) => columnTotal(c)), total: grand },
  ];
  return { values, rules };
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
