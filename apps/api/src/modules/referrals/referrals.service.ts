// Creating, changing and acting on referrals. Reading and scope are in ReferralsReadService; status
// changes go through ReferralTransitions only.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Page, Referral, ReferralAction, ReferralDetail, ReferralListItem, REFERRAL_DUE_DAYS } from '@mih/contracts';
import { ConflictException, ForbiddenActionException, ValidationFailedException } from '../../common/api-exception';
import { diff, updateWithVersion } from '../../common/versioned-update';
import { replayCreate } from '../../common/replay-create';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PersonsService } from '../persons/persons.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ServiceProviderEntity } from '../service-providers/service-provider.entity';
import { CreateReferralDto, ReferralActionDto, ReferralListQueryDto, UpdateReferralDto } from './dto/referral.dto';
import { ReferralEntity } from './referral.entity';
import { addDays, EDITABLE_STATUSES, isFinal, REFERRAL_ROLES, roleMayTake, todayUtc } from './referral-state-machine';
import { ReferralTransitions } from './referral-transitions.service';
import { ReferralsReadService } from './referrals-read.service';

/** The columns a create stores from the request (the rest are generated). */
type ReferralValues = Pick<ReferralEntity, 'personId' | 'hubId' | 'serviceProviderId' | 'needCategory' | 'urgency' | 'reason' | 'dueOn' | 'preferredLanguage'>;

/** Fields that change only while the referral is with its author (draft or returned). */
const CONTENT_FIELDS = ['serviceProviderId', 'needCategory', 'urgency', 'reason'] as const;

class IdTaken extends Error {}

@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly read: ReferralsReadService,
    private readonly transitions: ReferralTransitions,
    private readonly notifications: NotificationsService,
    private readonly persons: PersonsService,
    private readonly referenceLists: ReferenceListsService,
  ) {}

  list(actor: Actor, query: ReferralListQueryDto): Promise<Page<ReferralListItem>> {
    return this.read.list(actor, query);
  }

  /** The referral with its timeline; the read is audited. */
  async get(actor: Actor, id: string): Promise<ReferralDetail> {
    const referral = await this.read.findInScope(actor, id);
    const [[represented], events] = await Promise.all([this.read.represent([referral]), this.read.events(id)]);
    await this.audit.record({ actor, action: 'read', entityType: 'referral', entityId: id, hubId: referral.hubId });
    return { ...represented, events };
  }

  /** A draft from the person's hub, assigned to its author; or the one created earlier with this client id. */
  async create(actor: Actor, dto: CreateReferralDto): Promise<{ referral: Referral; created: boolean }> {
    this.assertReferralRole(actor);
    if (dto.id) {
      const earlier = await this.replay(actor, dto.id, dto);
      if (earlier) return { referral: earlier, created: false };
    }
    const person = await this.persons.findInScope(actor, dto.personId);
    if (person.mergedIntoId) {
      throw ValidationFailedException.forField('personId', 'notMerged', 'personId names a person merged into another record; refer that one');
    }
    await this.assertProviderOffers(this.dataSource.manager, dto.serviceProviderId, dto.needCategory);
    const values: ReferralValues = {
      personId: person.id,
      hubId: person.hubId,
      serviceProviderId: dto.serviceProviderId,
      needCategory: dto.needCategory,
      urgency: dto.urgency,
      reason: dto.reason,
      dueOn: dto.dueOn ?? addDays(todayUtc(), REFERRAL_DUE_DAYS[dto.urgency]),
      preferredLanguage: dto.preferredLanguage !== undefined ? dto.preferredLanguage : person.preferredLanguage,
    };
    const id = dto.id ?? randomUUID();
    try {
      const referral = await this.dataSource.transaction(async (manager) => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(ReferralEntity)
          .values({ ...values, id, consentToShare: true, status: 'draft', assignedTo: actor.id, createdBy: actor.id })
          .orIgnore()
          .updateEntity(false)
          .returning('id')
          .execute();
        if ((inserted.raw as unknown[]).length === 0) throw new IdTaken();
        await manager.query(`INSERT INTO referral_events (referral_id, kind, to_status, actor_id) VALUES ($1, 'create', 'draft', $2)`, [id, actor.id]);
        const details = { personId: values.personId, serviceProviderId: values.serviceProviderId, needCategory: values.needCategory, urgency: values.urgency };
        await this.audit.record({ actor, action: 'create', entityType: 'referral', entityId: id, hubId: values.hubId, details }, manager);
        return manager.findOneByOrFail(ReferralEntity, { id });
      });
      return { referral: (await this.read.represent([referral]))[0], created: true };
    } catch (error) {
      if (!(error instanceof IdTaken)) throw error;
      const earlier = await this.replay(actor, id, dto); // a concurrent create with the same id won
      if (earlier) return { referral: earlier, created: false };
      throw error;
    }
  }

  /**
   * Provider, need, urgency and reason change while draft or returned; due date and assignee while not
   * final. A new assignee must be an active staff member or supervisor of the hub, and is notified.
   */
  async update(actor: Actor, id: string, dto: UpdateReferralDto): Promise<Referral> {
    this.assertReferralRole(actor);
    const before = await this.read.findInScope(actor, id);
    const { version, ...fields } = dto;
    const changes: Partial<ReferralEntity> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(changes, { [key]: value });
    if (isFinal(before.status) && Object.keys(changes).length > 0) {
      throw new ConflictException(`A referral that is ${before.status} cannot change any more`);
    }
    const content = CONTENT_FIELDS.filter((field) => changes[field] !== undefined && changes[field] !== before[field]);
    if (content.length > 0 && !EDITABLE_STATUSES.includes(before.status)) {
      throw new ConflictException(`${content.join(', ')} can change only while the referral is a draft or returned`);
    }
    if (content.includes('serviceProviderId') || content.includes('needCategory')) {
      await this.assertProviderOffers(this.dataSource.manager, changes.serviceProviderId ?? before.serviceProviderId, changes.needCategory ?? before.needCategory);
    }
    const reassigned = changes.assignedTo !== undefined && changes.assignedTo !== before.assignedTo;
    if (reassigned) await this.assertAssignable(changes.assignedTo as string, before.hubId);

    return this.dataSource.transaction(async (manager) => {
      await updateWithVersion(manager, ReferralEntity, 'Referral', id, version, changes);
      const after = await manager.findOneByOrFail(ReferralEntity, { id });
      const changed = diff(auditView(before), auditView(after));
      const reasonChanged = 'reason' in changed;
      delete changed['reason']; // free text: named, never copied
      if (reasonChanged || Object.keys(changed).some((field) => field !== 'assignedTo')) await this.addEvent(manager, id, 'update', actor.id);
      if (reassigned) {
        await this.addEvent(manager, id, 'reassign', actor.id);
        await this.notifications.notifyUsers(manager, 'referral_assigned', id, [after.assignedTo], actor.id);
      }
      await this.audit.record({ actor, action: 'update', entityType: 'referral', entityId: id, hubId: before.hubId, details: { changes: changed, reasonChanged } }, manager);
      return (await this.read.represent([after], manager))[0];
    });
  }

  /** `POST /api/referrals/:id/<action>`: 404 out of scope, 403 for a role that may not, 409 stale or not allowed now. */
  async act(actor: Actor, id: string, action: ReferralAction, dto: ReferralActionDto): Promise<Referral> {
    this.assertReferralRole(actor);
    await this.read.findInScope(actor, id);
    if (!roleMayTake(actor.role, action)) throw new ForbiddenActionException(`Only supervisors and admins may ${action} a referral`);
    return this.dataSource.transaction(async (manager) => {
      await this.transitions.apply(manager, id, { action, version: dto.version, comment: dto.comment ?? null, actor });
      return (await this.read.represent([await manager.findOneByOrFail(ReferralEntity, { id })], manager))[0];
    });
  }

  /** Counselors refer cases to their hub, not to providers (403 whatever the referral). */
  private assertReferralRole(actor: Actor): void {
    if (!REFERRAL_ROLES.includes(actor.role)) throw new ForbiddenActionException('Your role does not work with referrals');
  }

  /** 400 unless the need is a known code and the provider exists, accepts referrals and offers that need. */
  private async assertProviderOffers(manager: EntityManager, providerId: string, needCategory: string): Promise<void> {
    await this.referenceLists.assertCodes({ list: 'needCategories', codes: [needCategory], field: 'needCategory' });
    const provider = await manager.findOneBy(ServiceProviderEntity, { id: providerId });
    if (!provider) throw ValidationFailedException.forField('serviceProviderId', 'exists', 'serviceProviderId names no service provider');
    if (!provider.acceptingReferrals) {
      throw ValidationFailedException.forField('serviceProviderId', 'acceptingReferrals', 'this service provider does not accept referrals now');
    }
    if (!provider.needCategories.includes(needCategory)) {
      throw ValidationFailedException.forField('needCategory', 'offeredByProvider', 'the service provider does not offer this need category');
    }
  }

  /** 400 unless the user is an active staff member or supervisor whose hubs (or countries) include the hub. */
  private async assertAssignable(userId: string, hubId: string): Promise<void> {
    const [{ ok }] = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM users u JOIN hubs h ON h.id = $2
         WHERE u.id = $1 AND u.active AND u.role IN ('staff', 'supervisor')
           AND (EXISTS (SELECT 1 FROM user_hubs uh WHERE uh.user_id = u.id AND uh.hub_id = h.id)
                OR (u.role = 'supervisor' AND u.country_codes @> ARRAY[h.country_code::text]))
       ) AS ok`,
      [userId, hubId],
    );
    if (!ok) throw ValidationFailedException.forField('assignedTo', 'hubMember', 'assignedTo must be an active staff member or supervisor of the referral’s hub');
  }

  private async addEvent(manager: EntityManager, referralId: string, kind: 'update' | 'reassign', actorId: string): Promise<void> {
    await manager.query('INSERT INTO referral_events (referral_id, kind, actor_id) VALUES ($1, $2, $3)', [referralId, kind, actorId]);
  }

  /**
   * The referral stored earlier under this client id, when the request matches it; 409 when it differs
   * or belongs to a record the caller cannot see; null when the id is new.
   */
  private replay(actor: Actor, id: string, dto: CreateReferralDto): Promise<Referral | null> {
    return replayCreate({
      exists: () => this.dataSource.manager.existsBy(ReferralEntity, { id }),
      findInScope: () => this.read.scoped(actor).andWhere('referral.id = :id', { id }).getOne(),
      sameContent: (existing) => sameRequest(existing, dto),
      represent: async (existing) => (await this.read.represent([existing]))[0],
    });
  }
}

function sameRequest(existing: ReferralEntity, dto: CreateReferralDto): boolean {
  return (
    existing.personId === dto.personId &&
    existing.serviceProviderId === dto.serviceProviderId &&
    existing.needCategory === dto.needCategory &&
    existing.urgency === dto.urgency &&
    existing.reason === dto.reason &&
    (dto.dueOn === undefined || existing.dueOn === dto.dueOn)
  );
}

/** The fields a PATCH may change, as the audit trail shows them. */
function auditView(r: ReferralEntity) {
  return {
    serviceProviderId: r.serviceProviderId,
    needCategory: r.needCategory,
    urgency: r.urgency,
    reason: r.reason,
    dueOn: r.dueOn,
    assignedTo: r.assignedTo,
    preferredLanguage: r.preferredLanguage,
  };
}
