import type { ActivityType } from './enums';
import type { PageQuery } from './pagination';

/** Participants by sex and age: girls and boys are under 18; `other` is other or undisclosed, any age. */
export const PARTICIPANT_GROUPS = ['girls', 'boys', 'women', 'men', 'other'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];
export type Participants = Record<ParticipantGroup, number>;

/** The most people one group of one activity may count (a typo guard, not a venue's capacity). */
export const PARTICIPANTS_MAX = 100_000;

export const ACTIVITY_PLACE_MAX_LENGTH = 200;
export const ACTIVITY_COMMUNITY_MAX_LENGTH = 120;
export const ACTIVITY_CAMPAIGN_MAX_LENGTH = 120;
export const ACTIVITY_MATERIALS_MAX_LENGTH = 500;
export const ACTIVITY_NOTES_MAX_LENGTH = 2000;
export const ACTIVITY_COUNSELORS_MAX = 20;

/** A counselor named on an activity. */
export interface CounselorRef {
  id: string;
  displayName: string;
}

/** A community outreach activity: a talk, workshop, fair… held by counselors or hub staff. */
export interface Activity {
  id: string;
  hubId: string;
  type: ActivityType;
  /** YYYY-MM-DD */
  occurredOn: string;
  place: string;
  community: string | null;
  participants: Participants;
  /** The sum of the participants: derived, never sent. */
  participantsTotal: number;
  topics: string[];
  /** The counselors who held it (empty when hub staff held it alone). */
  counselors: CounselorRef[];
  campaign: string | null;
  /** Materials handed out, e.g. "120 leaflets, 30 posters". */
  materials: string | null;
  notes: string | null;
  createdBy: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateActivityRequest {
  /** Client-generated UUID: sending the same create again answers the same record. */
  id?: string;
  hubId: string;
  type: ActivityType;
  occurredOn: string;
  place: string;
  community?: string;
  /** Every group, 0 to PARTICIPANTS_MAX; a total of 0 is refused. */
  participants: Participants;
  topics: string[];
  /**
   * Counselors of the activity's hub. A counselor who records an activity is always one of them (added
   * when left out); default for staff: none.
   */
  counselorIds?: string[];
  campaign?: string;
  materials?: string;
  notes?: string;
}

/** The fields to change and the version last read; optional texts take null to clear them. */
export interface UpdateActivityRequest {
  version: number;
  type?: ActivityType;
  occurredOn?: string;
  place?: string;
  community?: string | null;
  participants?: Participants;
  topics?: string[];
  counselorIds?: string[];
  campaign?: string | null;
  materials?: string | null;
  notes?: string | null;
}

/** Filters shared by the list and the totals. */
export interface ActivityFilters {
  /** YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
  hubId?: string;
  type?: ActivityType;
  /** Part of the campaign's name; case and accents ignored. */
  campaign?: string;
  counselorId?: string;
}

/** `GET /api/activities`: newest first (occurredOn, then id). */
export interface ActivityListQuery extends ActivityFilters, PageQuery {}

/** `GET /api/activities/totals`: the activities and participants of the filtered set. */
export interface ActivityTotals {
  activities: number;
  participants: Participants;
  total: number;
  /** girls + women */
  female: number;
  /** boys + men */
  male: number;
  /** girls + boys */
  children: number;
  /** women + men */
  adults: number;
}
