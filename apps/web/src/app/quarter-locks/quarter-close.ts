// What the quarter-close page derives from the checks and the locks (pure, so it is tested alone).
import type { Params } from '@angular/router';
import type { QuarterCheckCode, QuarterChecks, QuarterLock } from '@mih/contracts';

/** The list where the records failing a check can be fixed, when there is one. */
export const CHECK_LINKS: Partial<Record<QuarterCheckCode, { path: string; queryParams?: Params }>> = {
  follow_ups_overdue: { path: '/follow-ups' },
  referrals_overdue: { path: '/referrals', queryParams: { view: 'overdue' } },
  referrals_draft: { path: '/referrals', queryParams: { view: 'all' } },
  cases_open: { path: '/inbox' },
  persons_without_age: { path: '/persons' },
  activities_without_counselor: { path: '/activities' },
};

/** How many checks fail and how many records they hold, for the lock's confirmation. */
export function failingSummary(checks: QuarterChecks): { failing: number; records: number } {
  const failing = checks.checks.filter((check) => check.count > 0);
  return { failing: failing.length, records: failing.reduce((sum, check) => sum + check.count, 0) };
}

export interface HubRow {
  hubId: string;
  name: string;
  lock: QuarterLock | null;
}

/** The hubs of the selection with their lock (if any), by name. */
export function hubRows(checks: QuarterChecks, locks: QuarterLock[], names: ReadonlyMap<string, string>): HubRow[] {
  const byHub = new Map(locks.map((lock) => [lock.hubId, lock]));
  return checks.hubIds
    .map((hubId) => {
      const lock = byHub.get(hubId) ?? null;
      return { hubId, name: lock?.hubName ?? names.get(hubId) ?? hubId, lock };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
