import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HeavyReadsService } from '../../common/heavy-reads';
import { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ActivityFigures, CodeCount, Dashboard, ParticipantFigures, REPORT_MAX_DAYS, ReferralFigures, suppressDashboard, VisitFigures } from '@mih/contracts';
import { ValidationFailedException } from '../../common/api-exception';
import { ActivityEntity } from '../activities/activity.entity';
import { Actor, applyRecordScope, RecordColumns } from '../../common/actor';
import { ReferralEntity } from '../referrals/referral.entity';
import { VisitEntity } from '../visits/visit.entity';
import { ReportQueryDto } from './dto/report-query.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

type Period = ReportQueryDto & { timeZone: string };

// The figures statements answer one row per breakdown and code (or month); counts are bigints, which
// pg hands over as strings.
interface VisitRow {
  dimension: 'total' | 'hubs' | 'country' | 'sex' | 'age_band' | 'profile' | 'nationality' | 'topic' | 'need' | 'channel' | 'month';
  code: string | null;
  consultations: string;
  people: string;
  registered: string;
}

interface ActivityRow {
  dimension: 'total' | 'type' | 'month';
  code: string | null;
  activities: string;
  girls: string;
  boys: string;
  women: string;
  men: string;
  other: string;
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly heavy: HeavyReadsService,
  ) {}

  /**
   * The dashboard as the caller may see it: admins every count, the others small counts "<5" and the
   * counts that would give them away by subtraction withheld (README, Exports and figures).
   */
  async dashboard(actor: Actor, query: ReportQueryDto): Promise<Dashboard> {
    const figures = await this.figures(actor, query);
    return actor.role === 'admin' ? figures : suppressDashboard(figures);
  }

  /** Every count of the caller's scope, unsuppressed: for admins, and for the exports to suppress. */
  async figures(actor: Actor, query: ReportQueryDto): Promise<Dashboard<number>> {
    const span = (Date.parse(query.to) - Date.parse(query.from)) / DAY_MS;
    if (span < 0) throw ValidationFailedException.forField('to', 'notBeforeFrom', 'to must be the same day as from or later');
    if (span >= REPORT_MAX_DAYS) throw ValidationFailedException.forField('to', 'maxSpan', `the period must be at most ${REPORT_MAX_DAYS} days`);
    const period: Period = { ...query, timeZone: query.timeZone ?? 'UTC' };
    // On the heavy-read pool, in one of the caller's slots: a burst of dashboards cannot starve sign-in.
    const [visits, activities, referrals] = await this.heavy.run(actor.id, () =>
      Promise.all([this.visitFigures(actor, period), this.activityFigures(actor, period), this.referralFigures(actor, period)]),
    );
    return { from: query.from, to: query.to, timeZone: period.timeZone, visits, activities, referrals };
  }

  /**
   * All the visit figures in one statement over the scoped visits of the period (one pass over the
   * (hub_id, occurred_at) index, which carries every column counted here: no visit row is read), each
   * breakdown a GROUP BY on the same materialised rows.
   */
  private async visitFigures(actor: Actor, period: Period): Promise<VisitFigures<number>> {
    const visits = this.inScope(actor, period, VisitEntity, 'visit', { hubId: 'visit.hub_id', createdBy: 'visit.staff_id' })
      .select(['visit.person_id AS person_id', 'visit.occurred_at AS occurred_at', 'visit.sex AS sex', 'visit.age_band AS age_band'])
      .addSelect(['visit.profile AS profile', 'visit.nationality AS nationality', 'visit.channel AS channel', 'visit.topics AS topics', 'visit.needs AS needs'])
      .addSelect(`date_trunc('month', visit.occurred_at AT TIME ZONE :timeZone) AS month`) // formatted once per month, not per row
      .addSelect(['visit.hub_id AS hub_id', 'hub.country_code AS country'])
      .innerJoin('hubs', 'hub', 'hub.id = visit.hub_id');
    this.withinPeriod(visits, 'visit.occurred_at', period);
    const [visitsSql, params] = visits.getQueryAndParameters();

    const rows = (await this.heavy.query(
      `WITH v AS MATERIALIZED (${visitsSql}),
       -- the people reached: each anonymous visit, and each person once, as of their latest visit
       people AS (
         SELECT sex, age_band, profile, nationality, country, month, false AS registered FROM v WHERE person_id IS NULL
         UNION ALL
         SELECT * FROM (
           SELECT DISTINCT ON (person_id) sex, age_band, profile, nationality, country, month, true AS registered
           FROM v WHERE person_id IS NOT NULL ORDER BY person_id, occurred_at DESC
         ) latest
       )
       SELECT 'total' AS dimension, NULL AS code, (SELECT count(*) FROM v) AS consultations, count(*) AS people,
              count(*) FILTER (WHERE registered) AS registered FROM people
       UNION ALL SELECT 'hubs', NULL, (SELECT count(*) FROM (SELECT DISTINCT hub_id FROM v) h), 0, 0
       -- the breakdowns of the people reached in one pass over them
       UNION ALL SELECT CASE WHEN GROUPING(country) = 0 THEN 'country' WHEN GROUPING(sex) = 0 THEN 'sex'
                             WHEN GROUPING(age_band) = 0 THEN 'age_band' WHEN GROUPING(profile) = 0 THEN 'profile' ELSE 'nationality' END,
                        coalesce(country, sex, age_band, profile, nationality), 0, count(*), 0
                 FROM people GROUP BY GROUPING SETS ((country), (sex), (age_band), (profile), (nationality))
       UNION ALL SELECT 'topic', topic, count(*), 0, 0 FROM (SELECT unnest(topics) AS topic FROM v) t GROUP BY topic
       UNION ALL SELECT 'need', need, count(*), 0, 0 FROM (SELECT unnest(needs) AS need FROM v) n GROUP BY need
       UNION ALL SELECT 'channel', channel, count(*), 0, 0 FROM v GROUP BY channel
       -- a person who came in two months is reached in each of them
       UNION ALL SELECT 'month', to_char(month, 'YYYY-MM'), count(*), count(*) FILTER (WHERE person_id IS NULL) + count(DISTINCT person_id), 0
                 FROM v GROUP BY month`,
      params,
    )) as VisitRow[];

    const counts = (dimension: VisitRow['dimension'], field: 'consultations' | 'people'): CodeCount<number>[] =>
      mostFirst(rows.filter((row) => row.dimension === dimension).map((row) => ({ code: row.code as string, count: Number(row[field]) })));
    const total = rows.find((row) => row.dimension === 'total') as VisitRow;
    const months = new Map(rows.filter((row) => row.dimension === 'month').map((row) => [row.code as string, row]));
    return {
      consultations: Number(total.consultations),
      peopleReached: Number(total.people),
      registeredPeople: Number(total.registered),
      hubs: Number(rows.find((row) => row.dimension === 'hubs')?.consultations ?? 0),
      byCountry: counts('country', 'people'),
      bySex: counts('sex', 'people'),
      byAgeBand: counts('age_band', 'people'),
      byProfile: counts('profile', 'people'),
      byNationality: counts('nationality', 'people'),
      topics: counts('topic', 'consultations'),
      needs: counts('need', 'consultations'),
      channels: counts('channel', 'consultations'),
      byMonth: monthsBetween(period.from, period.to).map((month) => ({
        month,
        consultations: Number(months.get(month)?.consultations ?? 0),
        peopleReached: Number(months.get(month)?.people ?? 0),
      })),
    };
  }

  /** Activities by their date (a calendar day: no time zone), totals, by type and by month. */
  private async activityFigures(actor: Actor, period: Period): Promise<ActivityFigures<number>> {
    const activities = this.inScope(actor, period, ActivityEntity, 'activity', {
      hubId: 'activity.hub_id',
      createdBy: 'activity.created_by',
      listedIn: 'activity.counselor_ids',
    })
      .select(['activity.type AS type', 'activity.girls AS girls', 'activity.boys AS boys', 'activity.women AS women', 'activity.men AS men'])
      .addSelect(['activity.other AS other', `to_char(activity.occurred_on, 'YYYY-MM') AS month`])
      .andWhere('activity.occurred_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)', { from: period.from, to: period.to });
    const [activitiesSql, params] = activities.getQueryAndParameters();
    const sums = `count(*) AS activities, coalesce(sum(girls), 0) AS girls, coalesce(sum(boys), 0) AS boys, coalesce(sum(women), 0) AS women,
                  coalesce(sum(men), 0) AS men, coalesce(sum(other), 0) AS other`;
    const rows = (await this.heavy.query(
      `WITH a AS MATERIALIZED (${activitiesSql})
       SELECT 'total' AS dimension, NULL AS code, ${sums} FROM a
       UNION ALL SELECT 'type', type, ${sums} FROM a GROUP BY type
       UNION ALL SELECT 'month', month, ${sums} FROM a GROUP BY month`,
      params,
    )) as ActivityRow[];

    const participants = (row: ActivityRow | undefined): ParticipantFigures<number> => {
      const [girls, boys, women, men, other] = [row?.girls, row?.boys, row?.women, row?.men, row?.other].map(Number).map((n) => n || 0);
      return { girls, boys, women, men, other, total: girls + boys + women + men + other };
    };
    const total = rows.find((row) => row.dimension === 'total');
    const months = new Map(rows.filter((row) => row.dimension === 'month').map((row) => [row.code as string, row]));
    return {
      activities: Number(total?.activities ?? 0),
      participants: participants(total),
      byType: rows
        .filter((row) => row.dimension === 'type')
        .map((row) => ({ code: row.code as string, count: Number(row.activities), participants: participants(row).total }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
      byMonth: monthsBetween(period.from, period.to).map((month) => ({
        month,
        activities: Number(months.get(month)?.activities ?? 0),
        participants: participants(months.get(month)).total,
      })),
    };
  }

  /** Referrals submitted in the period, and the steps of their timeline each one reached. */
  private async referralFigures(actor: Actor, period: Period): Promise<ReferralFigures<number>> {
    const referrals = this.inScope(actor, period, ReferralEntity, 'referral', { hubId: 'referral.hub_id', createdBy: 'referral.created_by' })
      .select(['referral.id AS id', 'referral.need_category AS need_category', 'referral.status AS status', 'referral.due_on AS due_on'])
      .addSelect('referral.submitted_at AS submitted_at');
    this.withinPeriod(referrals, 'referral.submitted_at', period);
    const [referralsSql, params] = referrals.getQueryAndParameters();
    const [[funnel], needs] = (await Promise.all([
      this.heavy.query(
        `WITH r AS MATERIALIZED (${referralsSql}),
         steps AS (
           SELECT r.id, r.status, r.due_on, r.submitted_at,
                  bool_or(e.kind = 'approve') AS approved, bool_or(e.kind = 'accept') AS accepted, bool_or(e.kind = 'complete') AS completed,
                  bool_or(e.kind = 'decline') AS declined, bool_or(e.kind = 'reject') AS rejected,
                  min(e.occurred_at) FILTER (WHERE e.kind = 'accept') AS accepted_at
           FROM r LEFT JOIN referral_events e ON e.referral_id = r.id
           GROUP BY r.id, r.status, r.due_on, r.submitted_at
         )
         SELECT count(*) AS submitted, count(*) FILTER (WHERE approved) AS approved, count(*) FILTER (WHERE accepted) AS accepted,
                count(*) FILTER (WHERE completed) AS completed, count(*) FILTER (WHERE declined) AS declined,
                count(*) FILTER (WHERE rejected) AS rejected,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - submitted_at) / 86400) AS median_days,
                count(*) FILTER (WHERE status IN ('submitted', 'approved', 'accepted') AND due_on < current_date) AS overdue
         FROM steps`,
        params,
      ),
      this.heavy.query(`SELECT need_category AS code, count(*) AS count FROM (${referralsSql}) r GROUP BY need_category`, params),
    ])) as [Record<string, string | number | null>[], { code: string; count: string }[]];

    const count = (key: string) => Number(funnel[key] ?? 0);
    const median = funnel['median_days'];
    return {
      submitted: count('submitted'),
      approved: count('approved'),
      accepted: count('accepted'),
      completed: count('completed'),
      declined: count('declined'),
      rejected: count('rejected'),
      medianDaysToAcceptance: median === null || median === undefined ? null : Math.round(Number(median) * 10) / 10,
      overdue: count('overdue'),
      byNeed: mostFirst(needs.map((row) => ({ code: row.code, count: Number(row.count) }))),
    };
  }

  /** The rows of one table a report may count: the caller's scope, and the hub or country asked for. */
  private inScope<E extends ObjectLiteral>(actor: Actor, period: Period, entity: EntityTarget<E>, alias: string, columns: RecordColumns) {
    const qb = this.dataSource.getRepository(entity).createQueryBuilder(alias);
    applyRecordScope(actor, qb, columns);
    if (period.hubId) qb.andWhere(`${columns.hubId} = :hubId`, { hubId: period.hubId });
    if (period.countryCode) {
      qb.andWhere(`${columns.hubId} IN (SELECT country_hub.id FROM hubs country_hub WHERE country_hub.country_code = :countryCode)`, {
        countryCode: period.countryCode,
      });
    }
    return qb;
  }

  /** Instants from the start of `from` to the end of `to`, as days of the period's time zone. */
  private withinPeriod<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, column: string, period: Period) {
    return qb
      .andWhere(`${column} >= CAST(:from AS date)::timestamp AT TIME ZONE :timeZone`)
      .andWhere(`${column} < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE :timeZone`)
      .setParameters({ from: period.from, to: period.to, timeZone: period.timeZone });
  }
}

function mostFirst(counts: CodeCount<number>[]): CodeCount<number>[] {
  return counts.sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
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
