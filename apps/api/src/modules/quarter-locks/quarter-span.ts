// A calendar quarter as days and as instants of a time zone, the way the dashboard counts a period.
import type { EntityManager } from 'typeorm';
import { quarterLabel } from '@mih/contracts';

export interface QuarterSpan {
  year: number;
  quarter: number;
  /** e.g. '2026-Q3' */
  label: string;
  timeZone: string;
  /** YYYY-MM-DD of the quarter's first day and of the next quarter's first day. */
  firstDay: string;
  nextFirstDay: string;
  /** Those days' first instants in timeZone. */
  startsAt: Date;
  endsAt: Date;
  ended: boolean;
}

/** The first day of a quarter and of the next one (YYYY-MM-DD). */
export function quarterDays(year: number, quarter: number): { firstDay: string; nextFirstDay: string } {
  const day = (y: number, monthIndex: number) => new Date(Date.UTC(y, monthIndex, 1)).toISOString().slice(0, 10);
  return { firstDay: day(year, (quarter - 1) * 3), nextFirstDay: day(year, quarter * 3) };
}

/** PostgreSQL turns the days into instants, with the same time zone database the triggers compare with. */
export async function quarterSpan(manager: EntityManager, year: number, quarter: number, timeZone = 'UTC'): Promise<QuarterSpan> {
  const { firstDay, nextFirstDay } = quarterDays(year, quarter);
  const [row] = (await manager.query(
    `SELECT CAST($1 AS date)::timestamp AT TIME ZONE $3 AS starts_at, CAST($2 AS date)::timestamp AT TIME ZONE $3 AS ends_at,
            CAST($2 AS date)::timestamp AT TIME ZONE $3 <= now() AS ended`,
    [firstDay, nextFirstDay, timeZone],
  )) as { starts_at: Date; ends_at: Date; ended: boolean }[];
  return { year, quarter, label: quarterLabel(year, quarter), timeZone, firstDay, nextFirstDay, startsAt: row.starts_at, endsAt: row.ends_at, ended: row.ended };
}
