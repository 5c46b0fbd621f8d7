import type { AgeBand, Profile, Sex } from './enums';
import type { PageQuery } from './pagination';
import type { Consent } from './persons';

// Cases a counselor (or hub staff) identifies in the community and sends to the hub's inbox: minimal,
// consented data and the need. Staff take a case, link or register the person, and close it.

export const CASE_URGENCIES = ['routine', 'priority', 'emergency'] as const;
export type CaseUrgency = (typeof CASE_URGENCIES)[number];

export const CASE_STATUSES = ['new', 'in_progress', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = ['visit_logged', 'referred', 'no_contact', 'not_eligible', 'duplicate'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** `POST /api/cases/:id/<action>`. */
export const CASE_ACTIONS = ['take', 'link-person', 'close'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** The statuses each action is allowed from (others answer 409). */
export const CASE_ACTION_FROM: Record<CaseAction, readonly CaseStatus[]> = {
  take: ['new', 'in_progress'],
  'link-person': ['new', 'in_progress'],
  close: ['new', 'in_progress'],
};

/** Hours a new case may wait before it is overdue, unless the server is configured otherwise. */
export const CASE_RESPONSE_HOURS_DEFAULT = 48;
export const CASE_DESCRIPTION_MAX_LENGTH = 1000;
export const CASE_COMMENT_MAX_LENGTH = 1000;
export const CASE_NAME_MAX_LENGTH = 100;

/** What the counselor who sent a case sees of it: where it stands, nothing about the work on it. */
export interface SentCase {
  id: string;
  hubId: string;
  activityId: string | null;
  /** A code of the needCategories list. */
  needCategory: string;
  urgency: CaseUrgency;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  createdAt: string;
  updatedAt: string;
}

/** A case as hub staff see it in lists: no name, contact or description (those need `GET /api/cases/:id`). */
export interface Case extends SentCase {
  sex: Sex;
  ageBand: AgeBand;
  nationality: string;
  profile: Profile;
  vulnerabilities: string[];
  /** Whether a name or contact was recorded (with consent). */
  hasIdentifying: boolean;
  personId: string | null;
  personCode: string | null;
  createdBy: string;
  createdByName: string;
  assignedTo: string | null;
  assignedToName: string | null;
  takenAt: string | null;
  closedAt: string | null;
  /** Hours the case waited (or has waited so far) before someone took it. */
  waitingHours: number;
  /** When the hub should have taken it: createdAt + the configured response hours. */
  respondBy: string;
  /** Still new past respondBy. */
  overdue: boolean;
  version: number;
}

/** `GET /api/cases/:id` and the answers of create and actions to staff: everything; reads are audited. */
export interface CaseDetail extends Case {
  description: string;
  consent: Consent | null;
  givenName: string | null;
  contact: string | null;
  closeComment: string | null;
}

export interface CreateCaseRequest {
  /** Client-generated UUID: sending the same create again answers the same record. */
  id?: string;
  hubId: string;
  /** The activity during which the case was identified (one the caller can see, of the same hub). */
  activityId?: string;
  needCategory: string;
  urgency: CaseUrgency;
  sex: Sex;
  ageBand: AgeBand;
  nationality: string;
  profile: Profile;
  vulnerabilities?: string[];
  /** What the person needs, in a few words; no names here. */
  description: string;
  /** Required (given: true) when a name or contact is sent. */
  consent?: Consent;
  givenName?: string;
  /** A phone number or other way to reach the person. */
  contact?: string;
}

/**
 * `inbox: true` is the hub's inbox (staff and supervisors): open cases (new, in progress), oldest first.
 * Otherwise newest first. Counselors get their own cases only, as SentCase.
 */
export interface CaseListQuery extends PageQuery {
  inbox?: boolean;
  status?: CaseStatus;
  hubId?: string;
  activityId?: string;
  assignedTo?: string;
}

export interface CaseActionRequest {
  version: number;
}

export interface LinkCasePersonRequest extends CaseActionRequest {
  personId: string;
}

export interface CloseCaseRequest extends CaseActionRequest {
  outcome: CaseOutcome;
  comment?: string;
}
