// The periods the dashboard offers, as calendar days (YYYY-MM-DD, both ends included) of the browser.

export const PERIOD_KINDS = ['thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  from: string;
  to: string;
}

const day = (year: number, month: number, date: number) => {
  const d = new Date(Date.UTC(year, month, date));
  return d.toISOString().slice(0, 10);
};

/** The days of a period relative to `today` (custom periods are given by the user). */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, today: Date): Period {
  const year = today.getFullYear();
  const month = today.getMonth();
  const quarterStart = month - (month % 3);
  switch (kind) {
    case 'thisMonth':
      return { from: day(year, month, 1), to: day(year, month + 1, 0) };
    case 'lastMonth':
      return { from: day(year, month - 1, 1), to: day(year, month, 0) };
    case 'thisQuarter':
      return { from: day(year, quarterStart, 1), to: day(year, quarterStart + 3, 0) };
    case 'lastQuarter':
      return { from: day(year, quarterStart - 3, 1), to: day(year, quarterStart, 0) };
    case 'thisYear':
      return { from: day(year, 0, 1), to: day(year, 11, 31) };
    case 'lastYear':
      return { from: day(year - 1, 0, 1), to: day(year - 1, 11, 31) };
  }
}
