import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CodeCount, Dashboard, REPORT_MAX_DAYS, VisitFigures } from '@mih/contracts';
import { ValidationFailedException } from '../../common/api-exception';
import { Actor, applyRecordScope } from '../auth/actor';
import { VisitEntity } from '../visits/visit.entity';
import { ReportQueryDto } from './dto/report-query.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One row of the figures statement: which breakdown, which code (or month), and the counts. */
interface FigureRow {
  dimension: 'total' | 'sex' | 'age_band' | 'profile' | 'nationality' | 'topic' | 'need' | 'channel' | 'month';
  code: string | null;
  consultations: number;
  people: number;
  registered: number;
}

@Injectable()
export class ReportsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async dashboard(actor: Actor, query: ReportQueryDto): Promise<Dashboard> {
    const span = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS;
    if (span < 0) throw ValidationFailedException.forField('to', 'notBeforeFrom', 'to must be the same day as from or later');
    if (span >= REPORT_MAX_DAYS) throw ValidationFailedException.forField('to', 'maxSpan', `the period must be at most ${REPORT_MAX_DAYS} days`);
    const timeZone = query.timeZone ?? 'UTC';
    return { from: query.from, to: query.to, timeZone, visits: await this.visitFigures(actor, query, timeZone) };
  }

  /**
   * All the visit figures in one statement over the scoped visits of the period (one pass over the
   * (hub_id, occurred_at) index), each breakdown a GROUP BY on the same materialised rows.
   */
  private async visitFigures(actor: Actor, query: ReportQueryDto, timeZone: string): Promise<VisitFigures> {
    const visits = this.dataSource
      .getRepository(VisitEntity)
      .createQueryBuilder('visit')
      .select(['visit.person_id AS person_id', 'visit.occurred_at AS occurred_at', 'visit.sex AS sex', 'visit.age_band AS age_band'])
      .addSelect(['visit.profile AS profile', 'visit.nationality AS nationality', 'visit.channel AS channel', 'visit.topics AS topics', 'visit.needs AS needs'])
      .addSelect(`to_char(visit.occurred_at AT TIME ZONE :timeZone, 'YYYY-MM') AS month`)
      .where('visit.occurred_at >= CAST(:from AS date)::timestamp AT TIME ZONE :timeZone')
      .andWhere(`visit.occurred_at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE :timeZone`)
      .setParameters({ from: query.from, to: query.to, timeZone });
    applyRecordScope(actor, visits, { hubId: 'visit.hub_id', createdBy: 'visit.staff_id' });
    if (query.hubId) visits.andWhere('visit.hub_id = :hubId', { hubId: query.hubId });
    if (query.countryCode) {
      visits.andWhere('visit.hub_id IN (SELECT country_hub.id FROM hubs country_hub WHERE country_hub.country_code = :countryCode)', {
        countryCode: query.countryCode,
      });
    }
    const [visitsSql, params] = visits.getQueryAndParameters();

    const rows = (await this.dataSource.query(
      `WITH v AS MATERIALIZED (${visitsSql}),
       -- the people reached: each anonymous visit, and each person once, as of their latest visit
       people AS (
         SELECT sex, age_band, profile, nationality, month, false AS registered FROM v WHERE person_id IS NULL
         UNION ALL
         SELECT * FROM (
           SELECT DISTINCT ON (person_id) sex, age_band, profile, nationality, month, true AS registered
           FROM v WHERE person_id IS NOT NULL ORDER BY person_id, occurred_at DESC
         ) latest
       ),
       -- a person who came in two months is reached in each of them
       people_by_month AS (
         SELECT month, count(*) AS people FROM (
           SELECT month, NULL::uuid AS person_id FROM v WHERE person_id IS NULL
           UNION ALL
           SELECT DISTINCT month, person_id FROM v WHERE person_id IS NOT NULL
         ) m GROUP BY month
       )
       SELECT 'total' AS dimension, NULL AS code, (SELECT count(*) FROM v) AS consultations, count(*) AS people,
              count(*) FILTER (WHERE registered) AS registered FROM people
       UNION ALL SELECT 'sex', sex, 0, count(*), 0 FROM people GROUP BY sex
       UNION ALL SELECT 'age_band', age_band, 0, count(*), 0 FROM people GROUP BY age_band
       UNION ALL SELECT 'profile', profile, 0, count(*), 0 FROM people GROUP BY profile
       UNION ALL SELECT 'nationality', nationality, 0, count(*), 0 FROM people GROUP BY nationality
       UNION ALL SELECT 'topic', topic, count(*), 0, 0 FROM v, unnest(v.topics) topic GROUP BY topic
       UNION ALL SELECT 'need', need, count(*), 0, 0 FROM v, unnest(v.needs) need GROUP BY need
       UNION ALL SELECT 'channel', channel, count(*), 0, 0 FROM v GROUP BY channel
       UNION ALL SELECT 'month', v.month, count(*), max(pm.people), 0 FROM v JOIN people_by_month pm USING (month) GROUP BY v.month`,
      params,
    )) as FigureRow[];

    const counts = (dimension: FigureRow['dimension'], field: 'consultations' | 'people'): CodeCount[] =>
      rows
        .filter((row) => row.dimension === dimension)
        .map((row) => ({ code: row.code as string, count: Number(row[field]) }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    const total = rows.find((row) => row.dimension === 'total') as FigureRow;
    const months = new Map(rows.filter((row) => row.dimension === 'month').map((row) => [row.code as string, row]));
    return {
      consultations: Number(total.consultations),
      peopleReached: Number(total.people),
      registeredPeople: Number(total.registered),
      bySex: counts('sex', 'people'),
      byAgeBand: counts('age_band', 'people'),
      byProfile: counts('profile', 'people'),
      byNationality: counts('nationality', 'people'),
      topics: counts('topic', 'consultations'),
      needs: counts('need', 'consultations'),
      channels: counts('channel', 'consultations'),
      byMonth: monthsBetween(query.from, query.to).map((month) => ({
        month,
        consultations: Number(months.get(month)?.consultations ?? 0),
        peopleReached: Number(months.get(month)?.people ?? 0),
      })),
    };
  }
}

/** 'YYYY-MM' of every month from the one of `from` to the one of `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [lastYear, lastMonth] = to.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}
