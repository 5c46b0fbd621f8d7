// What each exported dataset provides: its rows' query (the list's own filtered, scoped query with the
// file's columns selected) and its columns. Free-text fields (notes, reasons, outcomes) are never
// selected: they can hold personal data.
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SENSITIVE_VULNERABILITIES } from '@mih/contracts';
import type { Actor } from '../../../common/actor';
import type { HeaderKey } from '../export-labels';
import type { ExportText } from '../export-text';
import type { Cell, ColumnType } from '../export-writers';
import type { Pseudonyms } from './pseudonyms';

export type RawRow = Record<string, any>;

export interface ExportColumn<R = RawRow> {
  key: HeaderKey;
  type?: ColumnType;
  width?: number;
  value: (row: R, text: ExportText) => Cell;
}

/**
 * How much a file tells (README, Exports): `coarse` for staff and counselors (visit dates to the day, no
 * sensitive vulnerability codes, a pseudonym of the file for the person), `full` for supervisors and
 * admins (de-identified: person codes, times to the minute), `identifying` with an audited reason.
 */
export type ExportDetail = 'coarse' | 'full' | 'identifying';

export interface QueryOptions {
  timeZone: string;
  detail: ExportDetail;
}

export interface ColumnOptions {
  detail: ExportDetail;
  /** The person's pseudonym in this file (coarse files only). */
  pseudonym: Pseudonyms;
}

export interface DatasetExport<F> {
  /** Selected columns are aliased as the columns read them; dates come as text in `timeZone`. */
  query(actor: Actor, filters: F, options: QueryOptions): SelectQueryBuilder<ObjectLiteral>;
  columns(options: ColumnOptions): ExportColumn[];
}

/** The person (selected as `person_code`): by code, or in a coarse file by the file's pseudonym. */
export function personColumn({ detail, pseudonym }: ColumnOptions): ExportColumn {
  if (detail === 'coarse') return { key: 'personPseudonym', value: (row) => pseudonym(row.person_code), width: 16 };
  return { key: 'personCode', value: (row) => row.person_code, width: 16 };
}

/** Vulnerabilities (selected as `vulnerabilities`); a coarse file leaves the sensitive ones out. */
export function vulnerabilitiesColumn({ detail }: ColumnOptions): ExportColumn {
  const shown = (codes: string[] | null) => (detail === 'coarse' && codes ? codes.filter((code) => !SENSITIVE_VULNERABILITIES.includes(code)) : codes);
  return { key: 'vulnerabilities', value: (row, text) => text.refs('vulnerabilities', shown(row.vulnerabilities)), width: 30 };
}

/** A timestamptz column as `YYYY-MM-DD HH:MM` where the export is read (`:exportTimeZone`). */
export const localDateTime = (column: string) => `to_char(${column} AT TIME ZONE :exportTimeZone, 'YYYY-MM-DD HH24:MI')`;
/** A timestamptz column as the `YYYY-MM-DD` of that day where the export is read. */
export const localDate = (column: string) => `to_char(${column} AT TIME ZONE :exportTimeZone, 'YYYY-MM-DD')`;
/** A date column as text (the driver would turn it into a Date at local midnight). */
export const dateText = (column: string) => `CAST(${column} AS text)`;

/** The columns of the hub a row belongs to (joined as `hub`). */
export const HUB_COLUMNS: ExportColumn[] = [
  { key: 'hubCode', value: (row) => row.hub_code, width: 12 },
  { key: 'hubName', value: (row) => row.hub_name, width: 24 },
  { key: 'hubCountry', value: (row, text) => text.country(row.hub_country), width: 14 },
];

export function selectHub<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): SelectQueryBuilder<E> {
  return qb.addSelect('hub.code', 'hub_code').addSelect('hub.name', 'hub_name').addSelect('hub.country_code', 'hub_country');
}
