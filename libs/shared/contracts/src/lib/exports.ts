import type { Language, Role } from './enums';
import type { PersonListQuery } from './persons';
import type { ReferralListQuery } from './referrals';
import type { ActivityFilters } from './activities';
import type { ReportQuery } from './reports';
import type { VisitListQuery } from './visits';

/**
 * `GET /api/exports/<dataset>.<format>`: a file of the caller's scope, with the filters of the dataset's
 * list. De-identified: pseudonymous person codes, age bands, no names, documents, phones or notes.
 */
export const EXPORT_DATASETS = ['visits', 'persons', 'referrals', 'activities'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

/** The datasets with an identifying export (`POST`, admins and supervisors, with a reason). */
export const IDENTIFYING_EXPORT_DATASETS = ['persons', 'referrals'] as const satisfies readonly ExportDataset[];
export type IdentifyingExportDataset = (typeof IDENTIFYING_EXPORT_DATASETS)[number];

/** Who may take identifying data out of the app (SPEC §3: staff get no PII export). */
export const IDENTIFYING_EXPORT_ROLES: readonly Role[] = ['admin', 'supervisor'];

/**
 * Whose row-level files are coarsened (README, Exports): visit dates to the day, no
 * SENSITIVE_VULNERABILITIES, and a pseudonym of the file in place of the person code. Supervisors and
 * admins keep the fuller de-identified file.
 */
export const COARSENED_EXPORT_ROLES: readonly Role[] = ['staff', 'counselor'];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How the file is written; every export takes these besides its list's filters. */
export interface ExportOptions {
  /** Language of the headers and labels (default: the caller's). */
  lang?: Language;
  /** Reference values as their stable codes and headers as column keys, for machines. */
  codes?: boolean;
  /** IANA time zone of the dates and times written (default UTC). */
  timeZone?: string;
}

type Filters<Q> = Omit<Q, 'limit' | 'cursor'>;

/** Person search terms (`q`) are names: they never go into a URL, so exports leave them out. */
export type VisitExportQuery = Filters<VisitListQuery> & ExportOptions;
export type PersonExportQuery = Omit<Filters<PersonListQuery>, 'q'> & ExportOptions;
export type ReferralExportQuery = Omit<Filters<ReferralListQuery>, 'queue'> & ExportOptions;
export type ActivityExportQuery = ActivityFilters & ExportOptions;

/** `GET /api/exports/dashboard.<format>`: the dashboard's figures as rows, counts 1 to 4 written "<5". */
export type DashboardExportQuery = ReportQuery & Omit<ExportOptions, 'timeZone'>;

/** `POST /api/exports/<persons|referrals>.<format>`: the identifying export; the reason is audited. */
export interface IdentifyingExportRequest {
  /** EXPORT_REASON_LENGTH.min..max characters. */
  reason: string;
}
export type PersonIdentifyingExportRequest = PersonExportQuery & IdentifyingExportRequest;
export type ReferralIdentifyingExportRequest = ReferralExportQuery & IdentifyingExportRequest;

export const EXPORT_REASON_LENGTH = { min: 10, max: 500 } as const;

