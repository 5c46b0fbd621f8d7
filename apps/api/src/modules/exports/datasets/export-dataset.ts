// What each exported dataset provides: its rows' query (the list's own filtered, scoped query with the
// file's columns selected) and its columns. Free-text fields (notes, reasons, outcomes) are never
// selected: they can hold personal data.
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../../common/actor';
import type { HeaderKey } from '../export-labels';
import type { ExportText } from '../export-text';
import type { Cell, ColumnType } from '../export-writers';

export type RawRow = Record<string, any>;

export interface ExportColumn<R = RawRow> {
  key: HeaderKey;
  type?: ColumnType;
  width?: number;
  value: (row: R, text: ExportText) => Cell;
}

export interface DatasetExport<F> {
  /** Selected columns are aliased as the columns read them; dates come as text in `timeZone`. */
  query(actor: Actor, filters: F, options: { timeZone: string; identifying: boolean }): SelectQueryBuilder<ObjectLiteral>;
  columns(identifying: boolean): ExportColumn[];
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
