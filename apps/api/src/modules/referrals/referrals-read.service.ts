// Reading referrals: the caller's scope (the one applyRecordScope), lists, the review queue, a person's
// referrals and the API representation. Shared with the person page, so it depends on nothing but the database.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { DEFAULT_PAGE_SIZE, Page, PERSON_TIMELINE_LIMIT, Referral, ReferralEvent, ReferralListItem, ReferralEventKind, ReferralStatus } from '@mih/contracts';
import { NotFoundException, ValidationFailedException } from '../../common/api-exception';
import { paginate } from '../../common/pagination';
import { Actor, applyRecordScope } from '../../common/actor';
import { ReferralListQueryDto } from './dto/referral.dto';
import { ReferralEntity } from './referral.entity';
import { FOLLOWED_UP_STATUSES, isOverdue, todayUtc } from './referral-state-machine';

/** The list's filters, without the page and the review queue's order. */
export type ReferralFilters = Omit<ReferralListQueryDto, 'limit' | 'cursor' | 'queue'>;

interface EventRow {
  id: string;
  referral_id: string;
  kind: ReferralEventKind;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus | null;
  actor_id: string | null;
  actor_name: string | null;
  via_provider_link: boolean;
  comment: string | null;
  occurred_at: Date;
}

@Injectable()
export class ReferralsReadService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Newest first; `queue=review` is the review queue (most urgent, then oldest submitted, first).
   * Without reasons and outcomes: the referral's audited read has them.
   */
  async list(actor: Actor, query: ReferralListQueryDto): Promise<Page<ReferralListItem>> {
    const qb = this.filtered(actor, query);
    const page =
      query.queue === 'review'
        ? await reviewQueuePage(qb, query)
        : await paginate(qb, query, {
            sortExpression: 'referral.created_at',
            idExpression: 'referral.id',
            sortValue: (r) => r.createdAt.toISOString(),
            idValue: (r) => r.id,
            direction: 'DESC',
            sortType: 'timestamptz',
          });
    return { items: (await this.represent(page.items)).map(toListItem), nextCursor: page.nextCursor };
  }

  /** The referrals the caller may see that the list's filters select (the list and the export). */
  filtered(actor: Actor, query: ReferralFilters): SelectQueryBuilder<ReferralEntity> {
    const qb = this.scoped(actor);
    if (query.status) qb.andWhere('referral.status = :status', { status: query.status });
    if (query.hubId) qb.andWhere('referral.hub_id = :hubId', { hubId: query.hubId });
    if (query.personId) qb.andWhere('referral.person_id = :personId', { personId: query.personId });
    if (query.serviceProviderId) qb.andWhere('referral.service_provider_id = :providerId', { providerId: query.serviceProviderId });
    if (query.urgency) qb.andWhere('referral.urgency = :urgency', { urgency: query.urgency });
    if (query.assignedTo) qb.andWhere('referral.assigned_to = :assignedTo', { assignedTo: query.assignedTo });
    if (query.reviewSkipped !== undefined) qb.andWhere('referral.review_skipped = :reviewSkipped', { reviewSkipped: query.reviewSkipped });
    if (query.overdue !== undefined) {
      const overdue = 'referral.status IN (:...followedUp) AND referral.due_on < CAST(:today AS date)';
      qb.andWhere(query.overdue ? overdue : `NOT (${overdue})`, { followedUp: FOLLOWED_UP_STATUSES, today: todayUtc() });
    }
    return qb;
  }

  /** A person's referrals the caller may see, newest first, at most PERSON_TIMELINE_LIMIT. */
  async forPerson(actor: Actor, personId: string): Promise<Referral[]> {
    const rows = await this.scoped(actor)
      .andWhere('referral.person_id = :personId', { personId })
      .orderBy('referral.created_at', 'DESC')
      .addOrderBy('referral.id', 'DESC')
      .limit(PERSON_TIMELINE_LIMIT)
      .getMany();
    return this.represent(rows);
  }

  /** The referral, or 404 when it does not exist or the caller may not see it. */
  async findInScope(actor: Actor, id: string, manager?: EntityManager): Promise<ReferralEntity> {
    const referral = await this.scoped(actor, manager).andWhere('referral.id = :id', { id }).getOne();
    if (!referral) throw new NotFoundException('Referral');
    return referral;
  }

  /** The timeline, oldest first, with the names of who did what. */
  async events(referralId: string, manager: EntityManager = this.dataSource.manager): Promise<ReferralEvent[]> {
    const rows: EventRow[] = await manager.query(
      `SELECT e.id::text, e.referral_id, e.kind, e.from_status, e.to_status, e.actor_id, u.display_name AS actor_name,
              e.via_provider_link, e.comment, e.occurred_at
       FROM referral_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE e.referral_id = $1 ORDER BY e.id`,
      [referralId],
    );
    return rows.map((e) => ({
      id: e.id,
      referralId: e.referral_id,
      kind: e.kind,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorId: e.actor_id,
      actorName: e.actor_name,
      viaProviderLink: e.via_provider_link,
      // Only the system approves without an actor (a provider's answers come through its link).
      reviewSkipped: e.kind === 'approve' && e.actor_id === null && !e.via_provider_link,
      comment: e.comment,
      occurredAt: e.occurred_at.toISOString(),
    }));
  }

  /**
   * The API representation, with person codes, provider and user names looked up for these rows only
   * (a join would run for every row a list sorts, not just the ones it answers).
   */
  async represent(rows: ReferralEntity[], manager: EntityManager = this.dataSource.manager): Promise<Referral[]> {
    if (rows.length === 0) return [];
    const ids = (pick: (r: ReferralEntity) => string[]) => [...new Set(rows.flatMap(pick))];
    // One after the other: inside a transaction the manager has a single connection.
    const persons = await manager.query('SELECT id, code AS label FROM persons WHERE id = ANY($1)', [ids((r) => [r.personId])]);
    const providers = await manager.query('SELECT id, name AS label FROM service_providers WHERE id = ANY($1)', [ids((r) => [r.serviceProviderId])]);
    const users = await manager.query('SELECT id, display_name AS label FROM users WHERE id = ANY($1)', [ids((r) => [r.assignedTo, r.createdBy])]);
    const label = (found: { id: string; label: string }[]) => new Map(found.map((row) => [row.id, row.label]));
    const [codeOf, providerName, userName] = [label(persons), label(providers), label(users)];
    const today = todayUtc();
    return rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      personCode: codeOf.get(r.personId) ?? '',
      hubId: r.hubId,
      serviceProviderId: r.serviceProviderId,
      serviceProviderName: providerName.get(r.serviceProviderId) ?? '',
      needCategory: r.needCategory,
      urgency: r.urgency,
      reason: r.reason,
      consentToShare: true,
      status: r.status,
      dueOn: r.dueOn,
      overdue: isOverdue(r.status, r.dueOn, today),
      outcome: r.outcome,
      assignedTo: r.assignedTo,
      assignedToName: userName.get(r.assignedTo) ?? '',
      createdBy: r.createdBy,
      createdByName: userName.get(r.createdBy) ?? '',
      submittedAt: r.submittedAt?.toISOString() ?? null,
      reviewSkipped: r.reviewSkipped,
      preferredLanguage: r.preferredLanguage,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  /** Referrals the caller may see: admins all, supervisors and staff their hubs, counselors what they created. */
  scoped(actor: Actor, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<ReferralEntity> {
    const qb = manager.getRepository(ReferralEntity).createQueryBuilder('referral');
    return applyRecordScope(actor, qb, { hubId: 'referral.hub_id', createdBy: 'referral.created_by' });
  }
}

/** What a list shows: the referral without its reason and outcome (free text about the person). */
function toListItem(referral: Referral): ReferralListItem {
  const { reason: _reason, outcome: _outcome, ...item } = referral;
  return item;
}

/**
 * The review queue: submitted referrals by (urgency rank, submitted at, id), keyset-paginated on all
 * three (the generic paginate() keys on one column and the id).
 */
async function reviewQueuePage(qb: SelectQueryBuilder<ReferralEntity>, query: ReferralListQueryDto): Promise<Page<ReferralEntity>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  qb.andWhere("referral.status = 'submitted'");
  if (query.cursor) {
    const [rank, submittedAt, id] = decodeQueueCursor(query.cursor);
    qb.andWhere('(referral.urgency_rank, referral.submitted_at, referral.id) > (:rank, CAST(:submittedAt AS timestamptz), :cursorId)', {
      rank,
      submittedAt,
      cursorId: id,
    });
  }
  const rows = await qb
    .orderBy('referral.urgency_rank', 'ASC')
    .addOrderBy('referral.submitted_at', 'ASC')
    .addOrderBy('referral.id', 'ASC')
    .limit(limit + 1)
    .getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > limit && last ? Buffer.from(JSON.stringify([last.urgencyRank, last.submittedAt?.toISOString(), last.id])).toString('base64url') : null;
  return { items, nextCursor };
}

function decodeQueueCursor(cursor: string): [number, string, string] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === 3 &&
      Number.isInteger(values[0]) &&
      typeof values[1] === 'string' &&
      !Number.isNaN(Date.parse(values[1])) &&
      typeof values[2] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(values[2])
    ) {
      return values as [number, string, string];
    }
  } catch {
    // fall through to the validation error
  }
  throw ValidationFailedException.forField('cursor', 'isCursor', 'cursor is not a value this API returned');
}
