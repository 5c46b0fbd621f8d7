// Retention: closed persons and cases are anonymised once the period set for their hub's country has
// passed (SPEC §6.5). Identifying fields and free text go; codes, dates and statuses the figures count stay.

/** The period of a country that has none set. */
export const DEFAULT_RETENTION_YEARS = 5;
export const RETENTION_YEARS = { min: 1, max: 30 } as const;

export const RETENTION_KINDS = ['persons', 'cases'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** A country's period: set by an admin, or the default (`custom` false, `updatedAt` null). */
export interface RetentionSetting {
  countryCode: string;
  years: number;
  custom: boolean;
  updatedAt: string | null;
}

/** `GET /api/retention/settings`: every country with a hub or a period set. */
export interface RetentionSettings {
  defaultYears: number;
  countries: RetentionSetting[];
}

/** `PUT /api/retention/settings/:countryCode`. */
export interface UpdateRetentionSettingRequest {
  years: number;
}

/** How many records of one kind of one country a run anonymises, and the oldest last activity among them. */
export interface RetentionCount {
  countryCode: string;
  kind: RetentionKind;
  count: number;
  /** ISO instant: when the longest-closed of them was last active. */
  oldest: string;
}

/** `GET /api/retention/preview`: what a run now would anonymise. */
export interface RetentionPreview {
  asOf: string;
  items: RetentionCount[];
}
