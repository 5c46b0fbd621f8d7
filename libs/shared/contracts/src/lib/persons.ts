import type { AgeBand, Language, Profile, Sex } from './enums';
import type { PageQuery } from './pagination';
import type { Referral } from './referrals';
import type { Visit } from './visits';

export const CONSENT_PURPOSES = ['follow_up', 'referral', 'contact'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Identifying fields: stored only with consent, masked in answers unless revealed with a reason. */
export const IDENTIFYING_FIELDS = ['givenName', 'familyName', 'dateOfBirth', 'documentNumber', 'phone'] as const;
export type IdentifyingField = (typeof IDENTIFYING_FIELDS)[number];

export interface Consent {
  given: boolean;
  purposes: ConsentPurpose[];
  /** YYYY-MM-DD */
  date: string;
}

export interface IdentifyingData {
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  documentNumber: string | null;
  phone: string | null;
}

export interface Person {
  id: string;
  /** Pseudonymous code shown in lists, reports and exports, e.g. `GT-TCU-000123`. */
  code: string;
  hubId: string;
  sex: Sex;
  nationality: string;
  profile: Profile;
  birthYear: number | null;
  ageBand: AgeBand | null;
  vulnerabilities: string[];
  consent: Consent | null;
  /** Masked (`J*** H***`) unless this answer comes from `POST /api/persons/:id/reveal`. */
  identifying: IdentifyingData;
  identifyingRevealed: boolean;
  /** Set when this record was merged into another one. */
  mergedIntoId: string | null;
  /** The language the person understands best (their referral slips can be printed in it); null: not asked. */
  preferredLanguage: Language | null;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * `GET /api/persons/:id`: the person (identifying fields masked), the timeline of their visits and their
 * referrals the caller may see, each newest first, at most PERSON_TIMELINE_LIMIT of them (older ones:
 * `GET /api/visits?personId=`, `GET /api/referrals?personId=`).
 */
export interface PersonDetail extends Person {
  visits: Visit[];
  referrals: Referral[];
}

export const PERSON_TIMELINE_LIMIT = 100;

export interface CreatePersonRequest {
  /** Client-generated UUID: sending the same create again answers the same record. */
  id?: string;
  hubId: string;
  sex: Sex;
  nationality: string;
  profile: Profile;
  birthYear?: number;
  ageBand?: AgeBand;
  vulnerabilities?: string[];
  consent?: Consent;
  givenName?: string;
  familyName?: string;
  dateOfBirth?: string;
  documentNumber?: string;
  phone?: string;
  preferredLanguage?: Language | null;
}

/**
 * Identifying fields sent as null are cleared. Withdrawing consent (`consent.given: false`) clears every
 * identifying field; sending a value for one in the same request answers 400.
 */
export interface UpdatePersonRequest {
  version: number;
  sex?: Sex;
  nationality?: string;
  profile?: Profile;
  birthYear?: number | null;
  ageBand?: AgeBand | null;
  vulnerabilities?: string[];
  consent?: Consent;
  givenName?: string | null;
  familyName?: string | null;
  dateOfBirth?: string | null;
  documentNumber?: string | null;
  phone?: string | null;
  preferredLanguage?: Language | null;
}

/**
 * Without `q`: newest first. With `q`: best match first (then id), still keyset-paginated; merged
 * (closed) records are never listed.
 */
export interface PersonListQuery extends PageQuery {
  /** Name, code or document number; accents and small typos tolerated. At least PERSON_SEARCH_MIN_LENGTH characters. */
  q?: string;
  hubId?: string;
  profile?: Profile;
  sex?: Sex;
}

export const PERSON_SEARCH_MIN_LENGTH = 2;

/** Why identifying data are revealed: codes are stable, labels translated (web: `revealReasons.<code>`). */
export const REVEAL_REASONS = [
  'contact_person',
  'referral',
  'identity_check',
  'document_procedure',
  'safety',
  'legal_request',
  'record_correction',
  'other',
] as const;
export type RevealReason = (typeof REVEAL_REASONS)[number];

/**
 * `POST /api/persons/:id/reveal`. Each user may reveal a limited number of persons per hour and per day
 * (the server's REVEAL_QUOTA_PER_HOUR and REVEAL_QUOTA_PER_DAY); beyond it 429 `reveal_quota_exceeded`
 * with Retry-After. A person search that matches a document number is audited as a reveal of each person
 * found (its results stay masked: not counted against the quota).
 */
export interface RevealPersonRequest {
  /** Why the identifying data are needed, from REVEAL_REASONS; written to the audit trail. */
  reasonCode: RevealReason;
  /** More about why, REVEAL_REASON_LENGTH.min..max characters; required when reasonCode is 'other'. Audited. */
  reason?: string;
}

export const REVEAL_REASON_LENGTH = { min: 5, max: 500 } as const;

/** `POST /api/persons/:id/merge`: the duplicate's visits move to :id, the duplicate is closed. */
export interface MergePersonsRequest {
  duplicateId: string;
  /** Version of the person kept (:id). */
  version: number;
}
