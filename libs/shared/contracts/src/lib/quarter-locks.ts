/**
 * Closing a quarter: data-quality checks of a calendar quarter, then a lock per hub after which its
 * visits and activities of that quarter can no longer change (409 `quarter_locked`) until an admin
 * unlocks it. Referrals are never locked: providers answer after the quarter ends.
 */

export const QUARTER_CHECK_CODES = [
  'follow_ups_overdue',
  'referrals_overdue',
  'referrals_draft',
  'cases_open',
  'persons_without_age',
  'activities_without_counselor',
] as const;
export type QuarterCheckCode = (typeof QUARTER_CHECK_CODES)[number];

/** Years a quarter may be checked or locked in. */
export const QUARTER_YEARS = { min: 2000, max: 2100 } as const;

/** Why an admin unlocks a quarter (audited), in characters. */
export const UNLOCK_REASON_LENGTH = { min: 10, max: 500 } as const;

/** `GET /api/quarter-locks/checks`: one quarter, the caller's scope narrowed to a hub or a country. */
export interface QuarterQuery {
  year: number;
  /** 1 to 4. */
  quarter: number;
  hubId?: string;
  countryCode?: string;
  /** IANA name the quarter's days are counted in (default UTC), as on the dashboard. */
  timeZone?: string;
}

export interface QuarterCheck {
  code: QuarterCheckCode;
  /** Records of the quarter that fail the check; 0 when it passes. */
  count: number;
  /** The hubs with failing records, most first. */
  hubs: { hubId: string; count: number }[];
}

export interface QuarterChecks {
  year: number;
  quarter: number;
  timeZone: string;
  /** The quarter's first instant and the next quarter's first instant, in `timeZone`. */
  startsAt: string;
  endsAt: string;
  /** Has the quarter ended (only then may it be locked)? */
  ended: boolean;
  /** The hubs of the selection, those a lock would apply to. */
  hubIds: string[];
  /** Every check, in QUARTER_CHECK_CODES order. */
  checks: QuarterCheck[];
}

export interface QuarterLock {
  hubId: string;
  hubCode: string;
  hubName: string;
  countryCode: string;
  year: number;
  quarter: number;
  startsAt: string;
  endsAt: string;
  lockedBy: { id: string; displayName: string };
  lockedAt: string;
}

/** `GET /api/quarter-locks`: the locks of one quarter in the caller's scope. */
export interface QuarterLockListQuery {
  year: number;
  quarter: number;
}

/** `POST /api/quarter-locks`: locks every hub of the caller's scope that matches (hubId, countryCode). */
export type LockQuarterRequest = QuarterQuery;

/** `POST /api/quarter-locks/unlock` (admins). */
export interface UnlockQuarterRequest {
  year: number;
  quarter: number;
  hubIds: string[];
  /** UNLOCK_REASON_LENGTH.min..max characters; written to the audit trail. */
  reason: string;
}

/** "2026-Q3". */
export function quarterLabel(year: number, quarter: number): string {
  return `${year}-Q${quarter}`;
}
