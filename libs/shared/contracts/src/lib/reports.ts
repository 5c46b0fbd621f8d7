import type { Participants } from './activities';
import type { Count } from './small-counts';

/**
 * `GET /api/reports/dashboard`: the figures of the caller's scope for a period. Days are counted in
 * `timeZone` (IANA name, default UTC), both ends included. Admins get every count; the others get them
 * suppressed (`suppressDashboard`): "<5" for 1 to 4, "x" for a count withheld so that a "<5" cannot be
 * worked out from its total.
 */
export interface ReportQuery {
  /** YYYY-MM-DD, the first day. */
  from: string;
  /** YYYY-MM-DD, the last day (included). */
  to: string;
  hubId?: string;
  countryCode?: string;
  timeZone?: string;
}

/** At most this many days per report (ten years and a bit). */
export const REPORT_MAX_DAYS = 3700;

export interface CodeCount<C = Count> {
  code: string;
  count: C;
}

export interface MonthFigures<C = Count> {
  /** YYYY-MM */
  month: string;
  consultations: C;
  peopleReached: C;
}

/**
 * Consultations and the people they reached. A registered person counts once however many times they
 * came (with the sex, age band, profile and nationality of their latest visit in the period); each
 * anonymous consultation counts as one person, since nothing tells two of them apart.
 */
export interface VisitFigures<C = Count> {
  consultations: C;
  peopleReached: C;
  /** Of peopleReached, those with a person record. */
  registeredPeople: C;
  /** Hubs with at least one consultation in the period (hubs, not people: never suppressed). */
  hubs: number;
  /** People reached, by the country of the hub that reached them. */
  byCountry: CodeCount<C>[];
  /** People reached, by sex, age band, profile and nationality (most first). */
  bySex: CodeCount<C>[];
  byAgeBand: CodeCount<C>[];
  byProfile: CodeCount<C>[];
  byNationality: CodeCount<C>[];
  /** Consultations by topic informed about, need found and channel (most first). */
  topics: CodeCount<C>[];
  needs: CodeCount<C>[];
  channels: CodeCount<C>[];
  /** Every month of the period, empty ones included. */
  byMonth: MonthFigures<C>[];
}

/** Participants of outreach activities, by the groups counselors count, and their sum. */
export type ParticipantFigures<C = Count> = { [K in keyof Participants]: C } & { total: C };

/** Outreach activities held in the period (by their date) and the people they reached. */
export interface ActivityFigures<C = Count> {
  activities: C;
  participants: ParticipantFigures<C>;
  /** Activities by type, with their participants (most activities first). */
  byType: (CodeCount<C> & { participants: C })[];
  /** Every month of the period. */
  byMonth: { month: string; activities: C; participants: C }[];
}

/**
 * Referrals submitted in the period and how far they got (each counted once per step it reached, so
 * the funnel reads submitted ≥ approved ≥ accepted ≥ completed).
 */
export interface ReferralFigures<C = Count> {
  submitted: C;
  approved: C;
  accepted: C;
  completed: C;
  declined: C;
  rejected: C;
  /** Median days from submission to the provider's acceptance; null when none was accepted. */
  medianDaysToAcceptance: number | null;
  /** Of the period's referrals, those still open past their due date today. */
  overdue: C;
  /** Submitted referrals by need (most first). */
  byNeed: CodeCount<C>[];
}

/** `Dashboard<number>`: every count as it is (admins, and the server before it suppresses). */
export interface Dashboard<C = Count> {
  from: string;
  to: string;
  timeZone: string;
  visits: VisitFigures<C>;
  activities: ActivityFigures<C>;
  referrals: ReferralFigures<C>;
}
