// The visits module's one door to the database: the scoped query every read starts from, the list page,
// the create, and the row → Visit mapping. SQL about visits is written here and nowhere else in the module.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Page, Visit, VisitListItem } from '@mih/contracts';
import { Actor, applyRecordScope } from '../../common/actor';
import { insertAudited } from '../../common/insert-once';
import { paginate, PageQueryDto } from '../../common/pagination';
import type { AuditRecord } from '../audit/audit.service';
import type { VisitListQueryDto } from './dto/visit.dto';
import { VisitEntity } from './visit.entity';

/** The list's filters, without the page. */
export type VisitFilters = Omit<VisitListQueryDto, 'limit' | 'cursor'>;

/** What a create stores (the rest is generated: version and timestamps). */
export type NewVisit = Omit<VisitEntity, 'version' | 'createdAt' | 'updatedAt' | 'followUpDoneAt'>;

/** A list row: the columns the page shows — not the note (free text; whether there is one) — and the person's code. */
interface VisitListRow {
  id: string;
  hub_id: string;
  occurred_at: Date;
  staff_id: string;
  channel: VisitEntity['channel'];
  person_id: string | null;
  person_code: string | null;
  sex: VisitEntity['sex'];
  age_band: VisitEntity['ageBand'];
  nationality: string;
  profile: VisitEntity['profile'];
  topics: string[];
  needs: string[];
  vulnerabilities: string[];
  has_note: boolean;
  follow_up_on: string | null;
  follow_up_done_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const LIST_COLUMNS: [expression: string, alias: keyof VisitListRow][] = [
  ['visit.id', 'id'],
  ['visit.hub_id', 'hub_id'],
  ['visit.occurred_at', 'occurred_at'],
  ['visit.staff_id', 'staff_id'],
  ['visit.channel', 'channel'],
  ['visit.person_id', 'person_id'],
  // Evaluated for the rows the page answers only (after the LIMIT), not for every row the list sorts.
  ['(SELECT list_person.code FROM persons list_person WHERE list_person.id = visit.person_id)', 'person_code'],
  ['visit.sex', 'sex'],
  ['visit.age_band', 'age_band'],
  ['visit.nationality', 'nationality'],
  ['visit.profile', 'profile'],
  ['visit.topics', 'topics'],
  ['visit.needs', 'needs'],
  ['visit.vulnerabilities', 'vulnerabilities'],
  ['visit.note IS NOT NULL', 'has_note'],
  ['CAST(visit.follow_up_on AS text)', 'follow_up_on'], // 'YYYY-MM-DD', as the entity has it
  ['visit.follow_up_done_at', 'follow_up_done_at'],
  ['visit.version', 'version'],
  ['visit.created_at', 'created_at'],
  ['visit.updated_at', 'updated_at'],
];

@Injectable()
export class VisitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The visits the caller may see (SPEC §3, through the scope kernel): every read starts here. */
  scoped(actor: Actor, manager: EntityManager = this.dataSource.manager) {
    const qb = manager.getRepository(VisitEntity).createQueryBuilder('visit');
    return applyRecordScope(actor, qb, { hubId: 'visit.hub_id', createdBy: 'visit.staff_id' });
  }

  /** The visits the caller may see that the list's filters select (the list and the export). */
  filtered(actor: Actor, query: VisitFilters) {
    const qb = this.scoped(actor);
    if (query.from) qb.andWhere('visit.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('visit.occurred_at < :to', { to: query.to });
    if (query.hubId) qb.andWhere('visit.hub_id = :hubId', { hubId: query.hubId });
    if (query.channel) qb.andWhere('visit.channel = :channel', { channel: query.channel });
    if (query.profile) qb.andWhere('visit.profile = :profile', { profile: query.profile });
    if (query.topic) qb.andWhere('visit.topics @> ARRAY[CAST(:topic AS text)]', { topic: query.topic });
    if (query.staffId) qb.andWhere('visit.staff_id = :staffId', { staffId: query.staffId });
    if (query.personId) qb.andWhere('visit.person_id = :personId', { personId: query.personId });
    if (query.followUpDue) {
      qb.andWhere('visit.follow_up_on IS NOT NULL AND visit.follow_up_done_at IS NULL AND visit.follow_up_on <= current_date');
    }
    return qb;
  }

  /** Newest first (occurred_at DESC, id DESC), keyset-paginated, in one statement: the page's columns only. */
  async listPage(actor: Actor, query: VisitFilters & PageQueryDto): Promise<Page<VisitListItem>> {
    const qb = this.filtered(actor, query).select([]);
    for (const [expression, alias] of LIST_COLUMNS) qb.addSelect(expression, alias);
    const page = await paginate(qb, query, {
      sortExpression: 'visit.occurred_at',
      idExpression: 'visit.id',
      sortValue: (row: VisitListRow) => row.occurred_at.toISOString(),
      idValue: (row) => row.id,
      direction: 'DESC',
      sortType: 'timestamptz',
      fetch: (q) => q.getRawMany<VisitListRow>(),
    });
    return { items: page.items.map(toVisitListItem), nextCursor: page.nextCursor };
  }

  /** The visit if the caller may see it. */
  findInScope(actor: Actor, id: string): Promise<VisitEntity | null> {
    return this.scoped(actor).andWhere('visit.id = :id', { id }).getOne();
  }

  /** Stores a new visit and its audit event in one statement; null when the id is taken. */
  insert(visit: NewVisit, audit: AuditRecord): Promise<{ version: number; created_at: Date; updated_at: Date } | null> {
    return insertAudited(this.dataSource, VisitEntity, visit, audit, ['version', 'created_at', 'updated_at']);
  }

  /**
   * The API representation, with the codes of the persons looked up for these visits only (a join would
   * run for every row a list sorts, not just the ones it answers).
   */
  async represent(visits: VisitEntity[], manager: EntityManager = this.dataSource.manager): Promise<Visit[]> {
    const personIds = [...new Set(visits.map((v) => v.personId).filter((id): id is string => id !== null))];
    const rows: { id: string; code: string }[] = personIds.length > 0 ? await manager.query('SELECT id, code FROM persons WHERE id = ANY($1)', [personIds]) : [];
    const codes = new Map(rows.map((row) => [row.id, row.code]));
    return visits.map((v) => toVisit(v, v.personId ? (codes.get(v.personId) ?? null) : null));
  }
}

/** The API representation of a visit, given the code of its person (if any). */
export function toVisit(v: VisitEntity, personCode: string | null): Visit {
  return {
    id: v.id,
    hubId: v.hubId,
    occurredAt: v.occurredAt.toISOString(),
    staffId: v.staffId,
    channel: v.channel,
    personId: v.personId,
    personCode,
    sex: v.sex,
    ageBand: v.ageBand,
    nationality: v.nationality,
    profile: v.profile,
    topics: v.topics,
    needs: v.needs,
    vulnerabilities: v.vulnerabilities,
    note: v.note,
    followUpOn: v.followUpOn,
    followUpDoneAt: v.followUpDoneAt?.toISOString() ?? null,
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

/** What a list shows: the visit without its note (free text, often sensitive), and whether it has one. */
function toVisitListItem(row: VisitListRow): VisitListItem {
  return {
    id: row.id,
    hubId: row.hub_id,
    occurredAt: row.occurred_at.toISOString(),
    staffId: row.staff_id,
    channel: row.channel,
    personId: row.person_id,
    personCode: row.person_code,
    sex: row.sex,
    ageBand: row.age_band,
    nationality: row.nationality,
    profile: row.profile,
    topics: row.topics,
    needs: row.needs,
    vulnerabilities: row.vulnerabilities,
    followUpOn: row.follow_up_on,
    followUpDoneAt: row.follow_up_done_at?.toISOString() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    hasNote: row.has_note,
  };
}
