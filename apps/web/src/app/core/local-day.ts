/** The start of a local calendar day (`YYYY-MM-DD`), `days` later, as an ISO instant (period filters). */
export function startOfLocalDay(date: string, days = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d + days).toISOString();
}
