import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Activity, ActivityFilters, ActivityTotals, Page, Participants } from '@mih/contracts';
import { NotFoundException, ValidationFailedException } from '../../common/api-exception';
import { paginate } from '../../common/pagination';
import { diff, updateWithVersion } from '../../common/versioned-update';
import { insertAudited, insertOnce } from '../../common/insert-once';
import { Actor, applyRecordScope } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { escapeLike, HubsService } from '../hubs/hubs.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ActivityEntity, participantsOf, toActivity } from './activity.entity';
import { ActivityListQueryDto, CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';

/** The columns a create stores (the rest are generated). */
type ActivityValues = Omit<ActivityEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hubs: HubsService,
    private readonly referenceLists: ReferenceListsService,
  ) {}

  /** Newest first (occurred_on DESC, id DESC), keyset-paginated. */
  async list(actor: Actor, query: ActivityListQueryDto): Promise<Page<Activity>> {
    const page = await paginate(this.filtered(actor, query), query, {
      sortExpression: 'activity.occurred_on',
      idExpression: 'activity.id',
      sortValue: (a) => a.occurredOn,
      idValue: (a) => a.id,
      direction: 'DESC',
    });
    return { items: await this.represent(page.items), nextCursor: page.nextCursor };
  }

  /** How many activities the filters select and how many people they reached, by sex and age. */
  async totals(actor: Actor, filters: ActivityFilters): Promise<ActivityTotals> {
    const row: Record<string, string> | undefined = await this.filtered(actor, filters)
      .select('COUNT(*)', 'activities')
      .addSelect('COALESCE(SUM(activity.girls), 0)', 'girls')
      .addSelect('COALESCE(SUM(activity.boys), 0)', 'boys')
      .addSelect('COALESCE(SUM(activity.women), 0)', 'women')
      .addSelect('COALESCE(SUM(activity.men), 0)', 'men')
      .addSelect('COALESCE(SUM(activity.other), 0)', 'other')
      .getRawOne();
    // COUNT and SUM answer bigint, which pg hands over as text.
    const n = (key: string) => Number(row?.[key] ?? 0);
    const participants: Participants = { girls: n('girls'), boys: n('boys'), women: n('women'), men: n('men'), other: n('other') };
    const { girls, boys, women, men, other } = participants;
    return {
      activities: n('activities'),
      participants,
      total: girls + boys + women + men + other,
      female: girls + women,
      male: boys + men,
      children: girls + boys,
      adults: women + men,
    };
  }

  async get(actor: Actor, id: string): Promise<Activity> {
    return (await this.represent([await this.findInScope(actor, id)]))[0];
  }

  /**
   * Records the activity, or answers the one recorded earlier with this client id (created: false): a new
   * activity costs one statement (row and audit event); only a taken id reads the stored one.
   */
  async create(actor: Actor, dto: CreateActivityDto): Promise<{ activity: Activity; created: boolean }> {
    const id = dto.id ?? randomUUID();
    const { record, created } = await insertOnce({
      clientId: dto.id !== undefined,
      create: async () => {
        const values = activityValues(actor, dto);
        await this.assertHubInScope(actor, dto.hubId);
        await this.referenceLists.assertCodes({ list: 'topics', codes: dto.topics, field: 'topics' });
        await this.assertCounselorsOfHub(dto.hubId, values.counselorIds);
        const details = { type: values.type, participants: participantsOf(values), counselorIds: values.counselorIds };
        const audit = { actor, action: 'create' as const, entityType: 'activity', entityId: id, hubId: dto.hubId, details };
        const row = await insertAudited<ActivityEntity, { version: number; created_at: Date; updated_at: Date }>(
          this.dataSource, ActivityEntity, { ...values, id }, audit, ['version', 'created_at', 'updated_at'],
        );
        if (!row) return null;
        const activity = Object.assign(new ActivityEntity(), values, { id, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at });
        return (await this.represent([activity]))[0];
      },
      findInScope: () => this.scoped(actor).andWhere('activity.id = :id', { id }).getOne(),
      sameContent: (existing) => sameValues(existing, activityValues(actor, dto)),
      represent: async (existing) => (await this.represent([existing]))[0],
    });
    return { activity: record, created };
  }

  /** Versioned update by whoever may see the activity (counselors: their own). */
  async update(actor: Actor, id: string, dto: UpdateActivityDto): Promise<Activity> {
    const before = await this.findInScope(actor, id);
    await this.referenceLists.assertCodes({ list: 'topics', codes: dto.topics, field: 'topics' });
    const { version, participants, ...fields } = dto;
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) changes[key] = value;
    if (participants) Object.assign(changes, participantsOf(participants));
    if (dto.counselorIds) {
      // Counselors already named may have moved hub since; only the ones added must work at this hub.
      await this.assertCounselorsOfHub(before.hubId, dto.counselorIds.filter((c) => !before.counselorIds.includes(c)));
    }
    return this.dataSource.transaction(async (manager) => {
      await updateWithVersion(manager, ActivityEntity, 'Activity', id, version, changes);
      const after = await manager.findOneByOrFail(ActivityEntity, { id });
      const changed = diff(auditView(before), auditView(after));
      const notesChanged = 'notes' in changed;
      delete changed['notes']; // free text: named, never copied
      await this.audit.record(
        { actor, action: 'update', entityType: 'activity', entityId: id, hubId: before.hubId, details: { changes: changed, notesChanged } },
        manager,
      );
      return (await this.represent([after], manager))[0];
    });
  }

  /** The activity, or 404 when it does not exist or the caller may not see it. */
  async findInScope(actor: Actor, id: string): Promise<ActivityEntity> {
    const activity = await this.scoped(actor).andWhere('activity.id = :id', { id }).getOne();
    if (!activity) throw new NotFoundException('Activity');
    return activity;
  }

  private scoped(actor: Actor) {
    const qb = this.dataSource.getRepository(ActivityEntity).createQueryBuilder('activity');
    return applyRecordScope(actor, qb, { hubId: 'activity.hub_id', createdBy: 'activity.created_by', listedIn: 'activity.counselor_ids' });
  }

  /** The activities the caller may see that the filters select (the list, the totals and the export). */
  filtered(actor: Actor, f: ActivityFilters) {
    const qb = this.scoped(actor);
    if (f.from) qb.andWhere('activity.occurred_on >= :from', { from: f.from });
    if (f.to) qb.andWhere('activity.occurred_on <= :to', { to: f.to });
    if (f.hubId) qb.andWhere('activity.hub_id = :hubId', { hubId: f.hubId });
    if (f.type) qb.andWhere('activity.type = :type', { type: f.type });
    if (f.campaign) qb.andWhere('unaccent(activity.campaign) ILIKE unaccent(:campaign)', { campaign: `%${escapeLike(f.campaign)}%` });
    if (f.counselorId) qb.andWhere('activity.counselor_ids @> ARRAY[CAST(:counselorId AS uuid)]', { counselorId: f.counselorId });
    return qb;
  }

  /** The API representation, with the names of the counselors of the page looked up once. */
  private async represent(activities: ActivityEntity[], manager: EntityManager = this.dataSource.manager): Promise<Activity[]> {
    const ids = [...new Set(activities.flatMap((a) => a.counselorIds))];
    const rows: { id: string; display_name: string }[] = ids.length > 0 ? await manager.query('SELECT id, display_name FROM users WHERE id = ANY($1)', [ids]) : [];
    const names = new Map(rows.map((row) => [row.id, row.display_name]));
    return activities.map((a) => toActivity(a, names));
  }

  /** 404 unless the hub is in the caller's scope; no query when it is one of the caller's own hubs. */
  private async assertHubInScope(actor: Actor, hubId: string): Promise<void> {
    if (actor.scope.hubIds.includes(hubId)) return;
    await this.hubs.findInScope(actor, hubId);
  }

  /** 400 naming counselorIds unless every id is a counselor who works at the hub. */
  private async assertCounselorsOfHub(hubId: string, counselorIds: string[]): Promise<void> {
    if (counselorIds.length === 0) return;
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM users u JOIN user_hubs uh ON uh.user_id = u.id AND uh.hub_id = $1
       WHERE u.id = ANY($2) AND u.role = 'counselor'`,
      [hubId, counselorIds],
    );
    if (count !== counselorIds.length) {
      throw ValidationFailedException.forField('counselorIds', 'isHubCounselor', 'counselorIds names someone who is not a counselor of this hub');
    }
  }
}

/** The row a create stores. A counselor who records an activity is always one of its counselors. */
function activityValues(actor: Actor, dto: CreateActivityDto): ActivityValues {
  const counselorIds = [...(dto.counselorIds ?? [])];
  if (actor.role === 'counselor' && !counselorIds.includes(actor.id)) counselorIds.unshift(actor.id);
  return {
    hubId: dto.hubId,
    type: dto.type,
    occurredOn: dto.occurredOn,
    place: dto.place,
    community: dto.community ?? null,
    ...participantsOf(dto.participants),
    topics: dto.topics,
    counselorIds,
    campaign: dto.campaign ?? null,
    materials: dto.materials ?? null,
    notes: dto.notes ?? null,
    createdBy: actor.id,
  };
}

/** Does a create match the activity stored under its id? Every field the client sends counts. */
function sameValues(existing: ActivityEntity, values: ActivityValues): boolean {
  const { createdBy, ...compared } = values;
  void createdBy;
  return Object.entries(compared).every(([key, value]) => JSON.stringify(existing[key as keyof ActivityEntity]) === JSON.stringify(value));
}

/** The fields a PATCH may change, as the audit trail shows them. */
function auditView(a: ActivityEntity) {
  return {
    type: a.type,
    occurredOn: a.occurredOn,
    place: a.place,
    community: a.community,
    participants: participantsOf(a),
    topics: a.topics,
    counselorIds: a.counselorIds,
    campaign: a.campaign,
    materials: a.materials,
    notes: a.notes,
  };
}
