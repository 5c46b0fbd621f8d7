import type { AgeBand, Language, Profile, Sex } from './enums';
import type { PageQuery } from './pagination';

export const REFERRAL_URGENCIES = ['routine', 'priority', 'emergency'] as const;
export type ReferralUrgency = (typeof REFERRAL_URGENCIES)[number];

/** Days from creation to the default follow-up due date, by urgency. */
export const REFERRAL_DUE_DAYS: Record<ReferralUrgency, number> = { routine: 10, priority: 3, emergency: 1 };

export const REFERRAL_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'rejected',
  'accepted',
  'declined',
  'completed',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Statuses after which nothing changes any more. */
export const REFERRAL_FINAL_STATUSES: readonly ReferralStatus[] = ['rejected', 'declined', 'completed', 'cancelled'];

/** `POST /api/referrals/:id/<action>` with ReferralActionRequest. */
export const REFERRAL_ACTIONS = ['submit', 'approve', 'return', 'reject', 'accept', 'decline', 'complete', 'cancel'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/**
 * The state machine (the API's single source of truth; the web uses it to show the buttons):
 * the statuses each action is allowed from, and where it leads. An emergency referral's first submit
 * (from `draft`) goes straight to `approved` (no review; flagged `reviewSkipped`, audited, the supervisors
 * are notified); a returned referral always goes back to review. Whoever created or submitted a referral
 * may not approve it (403 `approver_is_author`).
 */
export const REFERRAL_TRANSITIONS: Record<ReferralAction, { from: readonly ReferralStatus[]; to: ReferralStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  reject: { from: ['submitted'], to: 'rejected' },
  accept: { from: ['approved'], to: 'accepted' },
  decline: { from: ['approved', 'accepted'], to: 'declined' },
  complete: { from: ['accepted'], to: 'completed' },
  cancel: { from: ['draft', 'submitted', 'returned', 'approved', 'accepted'], to: 'cancelled' },
};

/** Actions whose comment is required (the reason, or the outcome for `complete`). */
export const REFERRAL_COMMENT_REQUIRED: readonly ReferralAction[] = ['return', 'reject', 'decline', 'complete'];
/** Actions only supervisors (of the referral's hub) and admins may take. */
export const REFERRAL_REVIEW_ACTIONS: readonly ReferralAction[] = ['approve', 'return', 'reject'];
/** What a provider may answer through its link (staff may record the same answers for it). */
export const PROVIDER_LINK_ACTIONS = ['accept', 'decline', 'complete'] as const;
export type ProviderLinkAction = (typeof PROVIDER_LINK_ACTIONS)[number];

export const REFERRAL_REASON_MAX_LENGTH = 2000;
export const REFERRAL_COMMENT_MAX_LENGTH = 2000;

export interface Referral {
  id: string;
  personId: string;
  /** The person's pseudonymous code. */
  personCode: string;
  hubId: string;
  serviceProviderId: string;
  serviceProviderName: string;
  needCategory: string;
  urgency: ReferralUrgency;
  reason: string;
  consentToShare: true;
  status: ReferralStatus;
  /** YYYY-MM-DD: when the hub follows it up. */
  dueOn: string;
  /** Due date passed while still open (submitted, approved or accepted). */
  overdue: boolean;
  /** The provider's outcome (complete) or reason (decline), the supervisor's (reject). */
  outcome: string | null;
  /** The staff member following it up (the author until reassigned). */
  assignedTo: string;
  assignedToName: string;
  createdBy: string;
  createdByName: string;
  submittedAt: string | null;
  /** An emergency sent to the provider without a supervisor's review (the system approved it). */
  reviewSkipped: boolean;
  /** The language the slip the person carries away can be printed in (from the person's, changeable). */
  preferredLanguage: Language | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * `GET /api/referrals` answers what a list shows: the reason and the outcome (free text about the
 * person) stay out, and are read with the referral itself (`GET /api/referrals/:id`, an audited read).
 */
export type ReferralListItem = Omit<Referral, 'reason' | 'outcome'>;

export type ReferralEventKind = ReferralAction | 'create' | 'update' | 'reassign' | 'provider_link';

/** One entry of a referral's timeline. */
export interface ReferralEvent {
  id: string;
  referralId: string;
  kind: ReferralEventKind;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus | null;
  /** Null when the provider answered through its link. */
  actorId: string | null;
  actorName: string | null;
  viaProviderLink: boolean;
  /** The system's approval of an emergency: no supervisor reviewed it. */
  reviewSkipped: boolean;
  comment: string | null;
  occurredAt: string;
}

/** `GET /api/referrals/:id`: the referral and its timeline, oldest event first. */
export interface ReferralDetail extends Referral {
  events: ReferralEvent[];
}

export interface CreateReferralRequest {
  /** Client-generated UUID: sending the same create again answers the same record. */
  id?: string;
  personId: string;
  serviceProviderId: string;
  needCategory: string;
  urgency: ReferralUrgency;
  reason: string;
  /** The person agreed that the minimum data are shared with the provider: must be true. */
  consentToShare: true;
  /** Default: today + REFERRAL_DUE_DAYS[urgency]. */
  dueOn?: string;
  /** Default: the person's preferred language. */
  preferredLanguage?: Language | null;
}

/**
 * Provider, need, urgency and reason change only while draft or returned; dueOn and assignedTo (a user
 * of the referral's hub) while the referral is open.
 */
export interface UpdateReferralRequest {
  version: number;
  serviceProviderId?: string;
  needCategory?: string;
  urgency?: ReferralUrgency;
  reason?: string;
  dueOn?: string;
  assignedTo?: string;
  /** Changeable while the referral is open. */
  preferredLanguage?: Language | null;
}

export interface ReferralActionRequest {
  version: number;
  comment?: string;
}

/**
 * `queue: 'review'` is the supervisor's queue: submitted referrals, most urgent first, then oldest
 * submitted. Otherwise newest first.
 */
export interface ReferralListQuery extends PageQuery {
  status?: ReferralStatus;
  hubId?: string;
  personId?: string;
  serviceProviderId?: string;
  urgency?: ReferralUrgency;
  assignedTo?: string;
  overdue?: boolean;
  /** Emergencies that were sent without review. */
  reviewSkipped?: boolean;
  queue?: 'review';
}

/**
 * What a provider link is for. The link on the slip of an approved referral ('answer') takes one accept
 * or decline and shows the minimum (no name, no phone); accepting through it hands the provider a second
 * link ('outcome') that shows the person's name and phone when consent allows and takes one outcome
 * (complete, or decline). Each link is spent once used; a link issued for an accepted referral is for
 * the outcome.
 */
export const PROVIDER_LINK_PURPOSES = ['answer', 'outcome'] as const;
export type ProviderLinkPurpose = (typeof PROVIDER_LINK_PURPOSES)[number];

/**
 * `POST /api/referrals/:id/provider-link` (approved or accepted referrals): a new link for the provider,
 * which revokes the previous one. The token is shown only in this answer (the server keeps its hash).
 */
export interface ProviderLink {
  token: string;
  /** Path of the web page to open, with the token in the fragment (never sent to servers or logs). */
  path: string;
  /**
   * The last second (UTC) of the referral's due date plus the server's PROVIDER_LINK_MARGIN_DAYS, as
   * now: the link follows the due date if it changes.
   */
  expiresAt: string;
  purpose: ProviderLinkPurpose;
}

/** What the provider sees through its link: the minimum data the referral shares, nothing else. */
export interface ProviderReferralView {
  referralId: string;
  /** What the link that opened this view is for. */
  purpose: ProviderLinkPurpose;
  status: ReferralStatus;
  needCategory: string;
  urgency: ReferralUrgency;
  reason: string;
  dueOn: string;
  language: Language;
  person: {
    code: string;
    sex: Sex;
    ageBand: AgeBand | null;
    nationality: string;
    profile: Profile;
    /**
     * Only through a link for the outcome (the provider accepted) and when the person's consent covers
     * referral: how the provider reaches them.
     */
    name: string | null;
    phone: string | null;
  };
  provider: { name: string };
  hub: { name: string; phone: string | null; address: string | null; municipality: string; countryCode: string };
  referredBy: string;
  /** What the provider may do now. */
  allowedActions: ProviderLinkAction[];
}

/** `POST /api/provider-links/view` — the token travels in the body, never in a URL. */
export interface ProviderLinkViewRequest {
  token: string;
}

/**
 * `POST /api/provider-links/respond` answers the view after the step; an accept through the slip's link
 * also answers the link for the outcome (shown once: keep it to record the outcome later).
 */
export interface ProviderLinkRespondResponse extends ProviderReferralView {
  outcomeLink?: ProviderLink;
}

/** `POST /api/provider-links/respond`. `comment` is the reason (decline) or the outcome (complete). */
export interface ProviderLinkRespondRequest {
  token: string;
  action: ProviderLinkAction;
  comment?: string;
}
