// The rules of the referral lifecycle that need no database: which role may take which action, where an
// action leads, which actions need a comment. The contract's REFERRAL_TRANSITIONS is the table; the one
// place that applies it to a row is ReferralTransitions.
import {
  REFERRAL_COMMENT_REQUIRED,
  REFERRAL_FINAL_STATUSES,
  REFERRAL_REVIEW_ACTIONS,
  REFERRAL_TRANSITIONS,
  ReferralAction,
  ReferralStatus,
  Role,
} from '@mih/contracts';

/** Actions whose comment is also stored as the referral's outcome (the answer, or why it ended). */
export const OUTCOME_ACTIONS: readonly ReferralAction[] = ['complete', 'decline', 'reject'];

/** Statuses in which the hub waits for someone else: the due date can pass (overdue). */
export const FOLLOWED_UP_STATUSES: readonly ReferralStatus[] = ['submitted', 'approved', 'accepted'];

/** Statuses in which provider, need, urgency and reason may still change. */
export const EDITABLE_STATUSES: readonly ReferralStatus[] = ['draft', 'returned'];

/** Roles that work with referrals at all (counselors refer to hubs, not to providers). */
export const REFERRAL_ROLES: readonly Role[] = ['admin', 'supervisor', 'staff'];

/** May this role take this action (on a referral in its scope)? */
export function roleMayTake(role: Role, action: ReferralAction): boolean {
  if (!REFERRAL_ROLES.includes(role)) return false;
  return !REFERRAL_REVIEW_ACTIONS.includes(action) || role === 'admin' || role === 'supervisor';
}

export function commentRequired(action: ReferralAction): boolean {
  return REFERRAL_COMMENT_REQUIRED.includes(action);
}

export function isFinal(status: ReferralStatus): boolean {
  return REFERRAL_FINAL_STATUSES.includes(status);
}

/** The actions the table allows from this status (whoever takes them). */
export function actionsFrom(status: ReferralStatus): ReferralAction[] {
  return (Object.keys(REFERRAL_TRANSITIONS) as ReferralAction[]).filter((action) => REFERRAL_TRANSITIONS[action].from.includes(status));
}

/** Today's date, YYYY-MM-DD in UTC: due dates and the overdue flag are compared against it everywhere. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isOverdue(status: ReferralStatus, dueOn: string, today = todayUtc()): boolean {
  return FOLLOWED_UP_STATUSES.includes(status) && dueOn < today;
}
