import { lastEndedQuarter, quarterDays } from './quarter';
import { periodOf } from './period';

describe('periodOf', () => {
  const today = new Date(2026, 10, 23); // 23 November 2026, local time

  it.each([
    ['thisMonth', '2026-11-01', '2026-11-30'],
    ['lastMonth', '2026-10-01', '2026-10-31'],
    ['thisQuarter', '2026-10-01', '2026-12-31'],
    ['lastQuarter', '2026-07-01', '2026-09-30'],
    ['thisYear', '2026-01-01', '2026-12-31'],
    ['lastYear', '2025-01-01', '2025-12-31'],
  ] as const)('%s is %s to %s', (kind, from, to) => {
    expect(periodOf(kind, today)).toEqual({ from, to });
  });

  it('crosses into the previous year in January', () => {
    expect(periodOf('lastMonth', new Date(2026, 0, 10))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(periodOf('lastQuarter', new Date(2026, 1, 10))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });
});

describe('quarters', () => {
  it('knows the days of each quarter', () => {
    expect(quarterDays(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterDays(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterDays(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('reports on the last quarter that has ended', () => {
    expect(lastEndedQuarter(new Date(2026, 10, 23))).toEqual({ year: 2026, quarter: 3 });
    expect(lastEndedQuarter(new Date(2026, 1, 1))).toEqual({ year: 2025, quarter: 4 });
  });
});
