import type { Language } from './enums';
import type { PageQuery } from './pagination';

/**
 * A community counselor: a user account with role `counselor` and its roster profile. Admins manage
 * every counselor; supervisors those of their hubs; staff and counselors may list them.
 */
export interface Counselor {
  /** The user's id. */
  id: string;
  email: string;
  displayName: string;
  /** The account's active flag: an inactive counselor cannot sign in. */
  active: boolean;
  hubIds: string[];
  /** The community or neighbourhood the counselor works in. */
  community: string | null;
  /** Languages the counselor speaks, as written (e.g. "Español", "Mam", "Kreyòl"). */
  languages: string[];
  /** YYYY-MM-DD of the counselor training. */
  trainedOn: string | null;
  /** The user's version: profile changes bump it too. */
  version: number;
  createdAt: string;
}

export interface CreateCounselorRequest {
  email: string;
  displayName: string;
  password: string;
  hubIds: string[];
  language?: Language;
  community?: string;
  languages?: string[];
  trainedOn?: string;
}

export interface UpdateCounselorRequest {
  version: number;
  displayName?: string;
  hubIds?: string[];
  active?: boolean;
  community?: string | null;
  languages?: string[];
  trainedOn?: string | null;
}

/** Sorted by name. */
export interface CounselorListQuery extends PageQuery {
  hubId?: string;
  active?: boolean;
  /** Part of the name, email or community. */
  q?: string;
}

export const COUNSELOR_COMMUNITY_MAX_LENGTH = 120;
export const COUNSELOR_LANGUAGES_MAX = 10;
