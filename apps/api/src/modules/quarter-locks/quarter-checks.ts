// The data-quality checks run before a quarter is locked: what a supervisor should fix (or knowingly
// leave) first. Each check counts, per hub, the records of the quarter that fail it.
import { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { QUARTER_CHECK_CODES, QuarterCheck, QuarterCheckCode } from '@mih/contracts';
import { ActivityEntity } from '../activities/activity.entity';
import { Actor, applyRecordScope, RecordColumns } from '../../common/actor';
import { CaseEntity } from '../cases/case.entity';
import { PersonEntity } from '../persons/person.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { VisitEntity } from '../visits/visit.entity';
import type { QuarterSpan } from './quarter-span';

interface CheckDefinition {
  entity: EntityTarget<ObjectLiteral>;
  alias: string;
  columns: RecordColumns;
  /** Restricts the scoped rows to those of the quarter that fail the check. */
  failing: (qb: SelectQueryBuilder<ObjectLiteral>, span: QuarterSpan) => SelectQueryBuilder<ObjectLiteral>;
}

/** Instants of the quarter in the time zone it was asked in. */
const happenedIn = (column: string) => (qb: SelectQueryBuilder<ObjectLiteral>, span: QuarterSpan) =>
  qb.andWhere(`${column} >= :startsAt AND ${column} < :endsAt`, { startsAt: span.startsAt, endsAt: span.endsAt });

const CHECKS: Record<QuarterCheckCode, CheckDefinition> = {
  // Follow-ups promised during the quarter whose date has passed without being done.
  follow_ups_overdue: {
    entity: VisitEntity,
    alias: 'visit',
    columns: { hubId: 'visit.hub_id', createdBy: 'visit.staff_id' },
    failing: (qb, span) =>
      happenedIn('visit.occurred_at')(qb, span).andWhere('visit.follow_up_on < current_date AND visit.follow_up_done_at IS NULL'),
  },
  // Referrals sent in the quarter, still waiting for an answer past their due date.
  referrals_overdue: {
    entity: ReferralEntity,
    alias: 'referral',
    columns: { hubId: 'referral.hub_id', createdBy: 'referral.created_by' },
    failing: (qb, span) =>
      happenedIn('referral.submitted_at')(qb, span).andWhere(`referral.status IN ('submitted', 'approved', 'accepted') AND referral.due_on < current_date`),
  },
  // Drafts started in the quarter and never submitted (cancelled ones are settled).
  referrals_draft: {
    entity: ReferralEntity,
    alias: 'referral',
    columns: { hubId: 'referral.hub_id', createdBy: 'referral.created_by' },
    failing: (qb, span) => happenedIn('referral.created_at')(qb, span).andWhere(`referral.status = 'draft'`),
  },
  // Cases counselors identified in the quarter that the hub has not closed.
  cases_open: {
    entity: CaseEntity,
    alias: 'kase',
    columns: { hubId: 'kase.hub_id', createdBy: 'kase.created_by' },
    failing: (qb, span) => happenedIn('kase.created_at')(qb, span).andWhere(`kase.status <> 'closed'`),
  },
  // Persons registered in the quarter who count in no age group (merged duplicates do not count at all).
  persons_without_age: {
    entity: PersonEntity,
    alias: 'person',
    columns: { hubId: 'person.hub_id', createdBy: 'person.created_by' },
    failing: (qb, span) =>
      happenedIn('person.created_at')(qb, span).andWhere(
        'person.birth_year IS NULL AND person.age_band IS NULL AND person.date_of_birth IS NULL AND person.merged_into_id IS NULL',
      ),
  },
  // Activities held in the quarter (calendar days) that name no counselor.
  activities_without_counselor: {
    entity: ActivityEntity,
    alias: 'activity',
    columns: { hubId: 'activity.hub_id', createdBy: 'activity.created_by', listedIn: 'activity.counselor_ids' },
    failing: (qb, span) =>
      qb
        .andWhere('activity.occurred_on >= CAST(:firstDay AS date) AND activity.occurred_on < CAST(:nextFirstDay AS date)', {
          firstDay: span.firstDay,
          nextFirstDay: span.nextFirstDay,
        })
        .andWhere('cardinality(activity.counselor_ids) = 0'),
  },
};

/** Every check over the given hubs (already limited to the caller's scope), in QUARTER_CHECK_CODES order. */
/** Runs a statement; the checks screen passes the heavy-read pool's (they run six at once). */
export type RunSql = (sql: string, parameters: unknown[]) => Promise<any[]>;

export async function runQuarterChecks(dataSource: DataSource, actor: Actor, span: QuarterSpan, hubIds: string[], run: RunSql = (sql, parameters) => dataSource.query(sql, parameters)): Promise<QuarterCheck[]> {
  return Promise.all(QUARTER_CHECK_CODES.map((code) => (hubIds.length === 0 ? { code, count: 0, hubs: [] } : runCheck(dataSource, actor, span, hubIds, code, run))));
}

async function runCheck(dataSource: DataSource, actor: Actor, span: QuarterSpan, hubIds: string[], code: QuarterCheckCode, run: RunSql): Promise<QuarterCheck> {
  const { entity, alias, columns, failing } = CHECKS[code];
  const qb = applyRecordScope(actor, dataSource.getRepository(entity).createQueryBuilder(alias), columns);
  qb.andWhere(`${columns.hubId} IN (:...checkHubIds)`, { checkHubIds: hubIds });
  const [sql, parameters] = failing(qb, span).select(`${columns.hubId}`, 'hub_id').addSelect('count(*)', 'count').groupBy(columns.hubId).getQueryAndParameters();
  const rows: { hub_id: string; count: string }[] = await run(sql, parameters);
  const hubs = rows.map((row) => ({ hubId: row.hub_id, count: Number(row.count) })).sort((a, b) => b.count - a.count || a.hubId.localeCompare(b.hubId));
  return { code, count: hubs.reduce((sum, hub) => sum + hub.count, 0), hubs };
}
