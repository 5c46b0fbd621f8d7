// What the referral page offers: the steps of the state machine (REFERRAL_TRANSITIONS, shared with the
// API) that the referral's status allows and the caller's role may take. The API decides again.
import {
  type Language,
  PROVIDER_LINK_ACTIONS,
  REFERRAL_COMMENT_REQUIRED,
  REFERRAL_DUE_DAYS,
  REFERRAL_FINAL_STATUSES,
  REFERRAL_REVIEW_ACTIONS,
  REFERRAL_TRANSITIONS,
  type Referral,
  type ReferralAction,
  type ReferralEvent,
  type ReferralStatus,
  type ReferralUrgency,
  type Role,
} from '@mih/contracts';
import { CASE_ROLES } from '../core/roles';

/** The order the buttons appear in: the step forward first, cancelling last. */
const DISPLAY_ORDER: readonly ReferralAction[] = ['submit', 'approve', 'return', 'reject', 'accept', 'complete', 'decline', 'cancel'];

const REVIEW_ROLES: readonly Role[] = ['admin', 'supervisor'];

export function isReviewer(role: Role | null): boolean {
  return role !== null && REVIEW_ROLES.includes(role);
}

function worksOnReferrals(role: Role | null): role is Role {
  return role !== null && CASE_ROLES.includes(role);
}

/** The actions `role` may take on a referral in `status`, in display order. */
export function availableActions(status: ReferralStatus, role: Role | null): ReferralAction[] {
  if (!worksOnReferrals(role)) return [];
  return DISPLAY_ORDER.filter((action) => {
    if (!REFERRAL_TRANSITIONS[action].from.includes(status)) return false;
    return !REFERRAL_REVIEW_ACTIONS.includes(action) || isReviewer(role);
  });
}

/** Whether an action needs a comment: the reason (return, reject, decline) or the outcome (complete). */
export function commentRequired(action: ReferralAction): boolean {
  return REFERRAL_COMMENT_REQUIRED.includes(action);
}

/** Accept, decline and complete are the provider's answers; staff record them after a phone call. */
export function isProviderAnswer(action: ReferralAction): boolean {
  return (PROVIDER_LINK_ACTIONS as readonly string[]).includes(action);
}

export function isFinal(status: ReferralStatus): boolean {
  return REFERRAL_FINAL_STATUSES.includes(status);
}

/** Provider, need, urgency and reason can change only before review (draft, or returned to the author). */
export function isEditable(referral: Pick<Referral, 'status'>, role: Role | null): boolean {
  return worksOnReferrals(role) && (referral.status === 'draft' || referral.status === 'returned');
}

/** Due date and assignee can change while the referral is open. */
export function isFollowUpEditable(referral: Pick<Referral, 'status'>, role: Role | null): boolean {
  return worksOnReferrals(role) && !isFinal(referral.status);
}

/** The slip (and its provider link) exists once the referral is sent and until the provider finishes. */
export function canPrintSlip(referral: Pick<Referral, 'status'>, role: Role | null): boolean {
  return worksOnReferrals(role) && (referral.status === 'approved' || referral.status === 'accepted');
}

/**
 * An emergency's first submit sends it out without review; a returned referral (a supervisor has seen
 * it) always goes back to review, whatever its urgency now.
 */
export function skipsReview(referral: Pick<Referral, 'urgency' | 'status'>): boolean {
  return referral.urgency === 'emergency' && referral.status === 'draft';
}

/** Four eyes: whoever created or submitted a referral may not approve it (the API answers 403). */
export function isAuthor(referral: Pick<Referral, 'createdBy'> & { events: Pick<ReferralEvent, 'kind' | 'actorId'>[] }, userId: string | null): boolean {
  if (!userId) return false;
  return referral.createdBy === userId || referral.events.some((e) => e.kind === 'submit' && e.actorId === userId);
}

/** The default follow-up date: `today` + REFERRAL_DUE_DAYS[urgency], as a local `YYYY-MM-DD`. */
export function defaultDueOn(urgency: ReferralUrgency, today = new Date()): string {
  const due = new Date(today.getFullYear(), today.getMonth(), today.getDate() + REFERRAL_DUE_DAYS[urgency]);
  return localDateString(due);
}

/** A local calendar day as `YYYY-MM-DD` (not `toISOString`, which is in UTC and may be a day off). */
export function localDateString(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export type SlipLanguageRole = 'person' | 'provider' | 'my';

/**
 * The languages a slip can be printed in, the default first: the person's (what they carry away), the
 * provider's (who answers it), the staff member's own; each language once, under its first role.
 */
export function slipLanguageChoices(
  personLanguage: Language | null,
  providerLanguage: Language,
  myLanguage: Language,
): { lang: Language; role: SlipLanguageRole }[] {
  const candidates: { lang: Language | null; role: SlipLanguageRole }[] = [
    { lang: personLanguage, role: 'person' },
    { lang: providerLanguage, role: 'provider' },
    { lang: myLanguage, role: 'my' },
  ];
  const choices: { lang: Language; role: SlipLanguageRole }[] = [];
  for (const { lang, role } of candidates) if (lang && !choices.some((c) => c.lang === lang)) choices.push({ lang, role });
  return choices;
}
