import type { Participants } from './activities';

/**
 * `GET /api/reports/dashboard`: the figures of the caller's scope for a period. Days are counted in
 * `timeZone` (IANA name, default UTC), both ends included.
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

export interface CodeCount {
  code: string;
  count: number;
}

export interface MonthFigures {
  /** YYYY-MM */
  month: string;
  consultations: number;
  peopleReached: number;
}

/**
 * Consultations and the people they reached. A registered person counts once however many times they
 * came (with the sex, age band, profile and nationality of their latest visit in the period); each
 * anonymous consultation counts as one person, since nothing tells two of them apart.
 */
export interface VisitFigures {
  consultations: number;
  peopleReached: number;
  /** Of peopleReached, those with a person record. */
  registeredPeople: number;
  /** Hubs with at least one consultation in the period. */
  hubs: number;
  /** People reached, by the country of the hub that reached them. */
  byCountry: CodeCount[];
  /** People reached, by sex, age band, profile and nationality (most first). */
  bySex: CodeCount[];
  byAgeBand: CodeCount[];
  byProfile: CodeCount[];
  byNationality: CodeCount[];
  /** Consultations by topic informed about, need found and channel (most first). */
  topics: CodeCount[];
  needs: CodeCount[];
  channels: CodeCount[];
  /** Every month of the period, empty ones included. */
  byMonth: MonthFigures[];
}

/** Participants of outreach activities, by the groups counselors count, and their sum. */
export type ParticipantFigures = Participants & { total: number };

/** Outreach activities held in the period (by their date) and the people they reached. */
export interface ActivityFigures {
  activities: number;
  participants: ParticipantFigures;
  /** Activities by type, with their participants (most activities first). */
  byType: (CodeCount & { participants: number })[];
  /** Every month of the period. */
  byMonth: { month: string; activities: number; participants: number }[];
}

/**
 * Referrals submitted in the period and how far they got (each counted once per step it reached, so
 * the funnel reads submitted ≥ approved ≥ accepted ≥ completed).
 */
export interface ReferralFigures {
  submitted: number;
  approved: number;
  accepted: number;
  completed: number;
  declined: number;
  rejected: number;
  /** Median days from submission to the provider's acceptance; null when none was accepted. */
  medianDaysToAcceptance: number | null;
  /** Of the period's referrals, those still open past their due date today. */
  overdue: number;
  /** Submitted referrals by need (most first). */
  byNeed: CodeCount[];
}

export interface Dashboard {
  from: string;
  to: string;
  timeZone: string;
  visits: VisitFigures;
  activities: ActivityFigures;
  referrals: ReferralFigures;
}
