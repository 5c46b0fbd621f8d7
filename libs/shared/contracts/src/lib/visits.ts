import type { AgeBand, Channel, Profile, Sex } from './enums';
import type { PageQuery } from './pagination';

export interface Visit {
  id: string;
  hubId: string;
  occurredAt: string;
  staffId: string;
  channel: Channel;
  personId: string | null;
  /** The person's pseudonymous code, when the visit is linked to one. */
  personCode: string | null;
  sex: Sex;
  ageBand: AgeBand;
  nationality: string;
  profile: Profile;
  topics: string[];
  needs: string[];
  vulnerabilities: string[];
  note: string | null;
  followUpOn: string | null;
  followUpDoneAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * `GET /api/visits` answers what a list shows: the note (free text, often sensitive) stays out, and is
 * read with the visit itself (`GET /api/visits/:id`, an audited read).
 */
export type VisitListItem = Omit<Visit, 'note'> & {
  /** The visit has a note (read it from the visit itself). */
  hasNote: boolean;
};

export interface CreateVisitRequest {
  /** Client-generated UUID: sending the same create again answers the same record. */
  id?: string;
  hubId: string;
  occurredAt: string;
  channel: Channel;
  /** Without personId, sex, ageBand, nationality and profile are required (anonymous visit). */
  personId?: string;
  sex?: Sex;
  ageBand?: AgeBand;
  nationality?: string;
  profile?: Profile;
  topics: string[];
  needs?: string[];
  vulnerabilities?: string[];
  note?: string;
  followUpOn?: string;
}

export const VISIT_NOTE_MAX_LENGTH = 2000;

/**
 * `followUpDone: true` marks the follow-up done (false reopens it). Moving `followUpOn` to another date
 * reopens a done follow-up unless `followUpDone` is sent too.
 */
export interface UpdateVisitRequest {
  version: number;
  occurredAt?: string;
  channel?: Channel;
  topics?: string[];
  needs?: string[];
  vulnerabilities?: string[];
  note?: string | null;
  followUpOn?: string | null;
  followUpDone?: boolean;
}

export interface VisitListQuery extends PageQuery {
  /** ISO date-times, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  hubId?: string;
  channel?: Channel;
  profile?: Profile;
  topic?: string;
  staffId?: string;
  personId?: string;
  /** Only visits whose follow-up date has come and that are not done. */
  followUpDue?: boolean;
}
