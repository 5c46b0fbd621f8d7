/** A calendar quarter as the dashboard API's days (YYYY-MM-DD, both included). */
export function quarterDays(year: number, quarter: number): { from: string; to: string } {
  const first = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const last = new Date(Date.UTC(year, quarter * 3, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** The last quarter that has ended (the one a report is usually written about). */
export function lastEndedQuarter(today: Date): { year: number; quarter: number } {
  const current = Math.floor(today.getMonth() / 3) + 1;
  return current === 1 ? { year: today.getFullYear() - 1, quarter: 4 } : { year: today.getFullYear(), quarter: current - 1 };
}
