import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Case, CASE_ACTION_FROM, CaseAction, CaseDetail, Page, SentCase } from '@mih/contracts';
import { ConflictException, ForbiddenActionException, NotFoundException, ValidationFailedException } from '../../common/api-exception';
import { paginate } from '../../common/pagination';
import { updateWithVersion } from '../../common/versioned-update';
import { insertAudited, insertOnce } from '../../common/insert-once';
import type { AppConfig } from '../../config/app-config';
import { ActivitiesService } from '../activities/activities.service';
import { Actor, applyRecordScope } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { HubsService } from '../hubs/hubs.service';
import { PersonsService } from '../persons/persons.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { CaseEntity } from './case.entity';
import { CaseActionDto, CaseListQueryDto, CloseCaseDto, CreateCaseDto, LinkCasePersonDto } from './dto/case.dto';
import { CaseNames, toCase, toCaseDetail, toSentCase } from './case-representation';

type CaseValues = Omit<
  CaseEntity,
  'id' | 'status' | 'outcome' | 'closeComment' | 'personId' | 'assignedTo' | 'takenAt' | 'closedAt' | 'version' | 'createdAt' | 'updatedAt'
>;

/** Counselors send cases and follow their status; the hub's people work them. */
const worksCases = (actor: Pick<Actor, 'role'>) => actor.role !== 'counselor';

@Injectable()
export class CasesService {
  private readonly responseHours: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
    private readonly audit: AuditService,
    private readonly hubs: HubsService,
    private readonly persons: PersonsService,
    private readonly activities: ActivitiesService,
    private readonly referenceLists: ReferenceListsService,
  ) {
    this.responseHours = config.get('CASE_RESPONSE_HOURS', { infer: true });
  }

  /** The inbox (open cases, oldest first) or every case in scope, newest first; counselors: their own. */
  async list(actor: Actor, query: CaseListQueryDto): Promise<Page<Case | SentCase>> {
    if (!worksCases(actor) && (query.inbox || query.assignedTo)) throw new ForbiddenActionException('The inbox is for the hub team');
    const qb = this.scoped(actor);
    if (query.inbox) qb.andWhere("c.status <> 'closed'");
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.hubId) qb.andWhere('c.hub_id = :hubId', { hubId: query.hubId });
    if (query.activityId) qb.andWhere('c.activity_id = :activityId', { activityId: query.activityId });
    if (query.assignedTo) qb.andWhere('c.assigned_to = :assignedTo', { assignedTo: query.assignedTo });
    const page = await paginate(qb, query, {
      sortExpression: 'c.created_at',
      idExpression: 'c.id',
      sortValue: (c) => c.createdAt.toISOString(),
      idValue: (c) => c.id,
      direction: query.inbox ? 'ASC' : 'DESC',
      sortType: 'timestamptz',
    });
    if (!worksCases(actor)) return { items: page.items.map(toSentCase), nextCursor: page.nextCursor };
    const names = await this.names(page.items);
    return { items: page.items.map((c) => toCase(c, names, this.responseHours)), nextCursor: page.nextCursor };
  }

  /** Staff get everything (the read is audited); the counselor who sent it, its status. */
  async get(actor: Actor, id: string): Promise<CaseDetail | SentCase> {
    const found = await this.findInScope(actor, id);
    if (!worksCases(actor)) return toSentCase(found);
    await this.audit.record({ actor, action: 'read', entityType: 'case', entityId: id, hubId: found.hubId });
    return toCaseDetail(found, await this.names([found]), this.responseHours);
  }

  /**
   * Sends a case to the hub's inbox, or answers the one sent earlier with this client id (created: false):
   * the row and its audit event in one statement; only a taken id reads the stored one.
   */
  async create(actor: Actor, dto: CreateCaseDto): Promise<{ case: CaseDetail | SentCase; created: boolean }> {
    const id = dto.id ?? randomUUID();
    const { record, created } = await insertOnce({
      clientId: dto.id !== undefined,
      create: async () => {
        const values = caseValues(actor, dto);
        await this.assertHubInScope(actor, dto.hubId);
        if (dto.activityId) await this.assertActivityOfHub(actor, dto.activityId, dto.hubId);
        await this.referenceLists.assertCodes(
          { list: 'needCategories', codes: [dto.needCategory], field: 'needCategory' },
          { list: 'vulnerabilities', codes: dto.vulnerabilities, field: 'vulnerabilities' },
        );
        const identifying = (['givenName', 'contact'] as const).filter((field) => values[field] !== null);
        const details = { needCategory: values.needCategory, urgency: values.urgency, activityId: values.activityId, identifying };
        const audit = { actor, action: 'create' as const, entityType: 'case', entityId: id, hubId: dto.hubId, details };
        if (!(await insertAudited(this.dataSource, CaseEntity, { ...values, id }, audit, ['id']))) return null;
        return this.represent(actor, await this.dataSource.manager.findOneByOrFail(CaseEntity, { id }));
      },
      findInScope: () => this.scoped(actor).andWhere('c.id = :id', { id }).getOne(),
      sameContent: (existing) => sameValues(existing, caseValues(actor, dto)),
      represent: (existing) => this.represent(actor, existing),
    });
    return { case: record, created };
  }

  /** Assigns the case to the caller (in progress); taking one someone else holds takes it over. */
  take(actor: Actor, id: string, dto: CaseActionDto): Promise<CaseDetail> {
    return this.act(actor, id, dto, 'take', (found) => ({
      status: 'in_progress',
      assignedTo: actor.id,
      takenAt: found.takenAt ?? new Date(),
    }));
  }

  /** Links the person the case is about (one the caller can see: found or registered from the case). */
  async linkPerson(actor: Actor, id: string, dto: LinkCasePersonDto): Promise<CaseDetail> {
    await this.findWorkable(actor, id);
    const person = await this.persons.findInScope(actor, dto.personId);
    if (person.mergedIntoId) {
      throw ValidationFailedException.forField('personId', 'notMerged', 'personId names a person merged into another record; link that one');
    }
    return this.act(actor, id, dto, 'link-person', () => ({ personId: person.id }), { personId: person.id });
  }

  /** Closes the case with what came of it. */
  close(actor: Actor, id: string, dto: CloseCaseDto): Promise<CaseDetail> {
    return this.act(
      actor,
      id,
      dto,
      'close',
      (found) => ({
        status: 'closed',
        outcome: dto.outcome,
        closeComment: dto.comment ?? null,
        closedAt: new Date(),
        assignedTo: found.assignedTo ?? actor.id,
      }),
      { outcome: dto.outcome, commentGiven: dto.comment !== undefined },
    );
  }

  /** The case, or 404 when it does not exist or the caller may not see it. */
  async findInScope(actor: Actor, id: string): Promise<CaseEntity> {
    const found = await this.scoped(actor).andWhere('c.id = :id', { id }).getOne();
    if (!found) throw new NotFoundException('Case');
    return found;
  }

  /** One inbox action: 404 outside scope, 403 for counselors, 409 from a status it is not allowed in or a stale version. */
  private async act(
    actor: Actor,
    id: string,
    dto: CaseActionDto,
    action: CaseAction,
    changesOf: (found: CaseEntity) => Partial<CaseEntity>,
    details: Record<string, unknown> = {},
  ): Promise<CaseDetail> {
    const found = await this.findWorkable(actor, id);
    if (!CASE_ACTION_FROM[action].includes(found.status)) throw new ConflictException(`A ${found.status} case cannot be changed this way`);
    const changes = changesOf(found);
    return this.dataSource.transaction(async (manager) => {
      await updateWithVersion(manager, CaseEntity, 'Case', id, dto.version, changes);
      const after = await manager.findOneByOrFail(CaseEntity, { id });
      const audit = { action, fromStatus: found.status, toStatus: after.status, ...details };
      await this.audit.record({ actor, action: 'update', entityType: 'case', entityId: id, hubId: found.hubId, details: audit }, manager);
      return toCaseDetail(after, await this.names([after], manager), this.responseHours);
    });
  }

  private async findWorkable(actor: Actor, id: string): Promise<CaseEntity> {
    const found = await this.findInScope(actor, id);
    if (!worksCases(actor)) throw new ForbiddenActionException('Only the hub team works cases');
    return found;
  }

  private scoped(actor: Actor) {
    const qb = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c');
    return applyRecordScope(actor, qb, { hubId: 'c.hub_id', createdBy: 'c.created_by' });
  }

  private async represent(actor: Actor, found: CaseEntity): Promise<CaseDetail | SentCase> {
    if (!worksCases(actor)) return toSentCase(found);
    return toCaseDetail(found, await this.names([found]), this.responseHours);
  }

  /** Names of the users and codes of the persons a page of cases mentions, looked up once. */
  private async names(cases: CaseEntity[], manager: EntityManager = this.dataSource.manager): Promise<CaseNames> {
    const userIds = [...new Set(cases.flatMap((c) => [c.createdBy, c.assignedTo]).filter((id): id is string => id !== null))];
    const personIds = [...new Set(cases.map((c) => c.personId).filter((id): id is string => id !== null))];
    const [users, persons]: { id: string; label: string }[][] = await Promise.all([
      userIds.length ? manager.query('SELECT id, display_name AS label FROM users WHERE id = ANY($1)', [userIds]) : [],
      personIds.length ? manager.query('SELECT id, code AS label FROM persons WHERE id = ANY($1)', [personIds]) : [],
    ]);
    return { users: new Map(users.map((u) => [u.id, u.label])), personCodes: new Map(persons.map((p) => [p.id, p.label])) };
  }

  private async assertHubInScope(actor: Actor, hubId: string): Promise<void> {
    if (actor.scope.hubIds.includes(hubId)) return;
    await this.hubs.findInScope(actor, hubId);
  }

  /** The activity must be one the caller can see (404 otherwise), held at the case's hub (400 otherwise). */
  private async assertActivityOfHub(actor: Actor, activityId: string, hubId: string): Promise<void> {
    const activity = await this.activities.findInScope(actor, activityId);
    if (activity.hubId !== hubId) {
      throw ValidationFailedException.forField('activityId', 'sameHub', 'activityId names an activity of another hub');
    }
  }
}

/** The row a create stores; a name or contact only with consent given for at least one purpose. */
function caseValues(actor: Actor, dto: CreateCaseDto): CaseValues {
  const consentGiven = dto.consent?.given ?? false;
  const unconsented = (['givenName', 'contact'] as const).filter((field) => dto[field] !== undefined && dto[field] !== null);
  if (!consentGiven && unconsented.length > 0) {
    throw new ValidationFailedException(
      unconsented.map((field) => ({ field, constraints: ['requiresConsent'], message: `${field} is stored only with consent: send consent.given true (with purposes and date)` })),
    );
  }
  if (consentGiven && dto.consent?.purposes.length === 0) {
    throw ValidationFailedException.forField('consent.purposes', 'arrayMinSize', 'consent.purposes must name at least one purpose when consent is given');
  }
  return {
    hubId: dto.hubId,
    activityId: dto.activityId ?? null,
    needCategory: dto.needCategory,
    urgency: dto.urgency,
    sex: dto.sex,
    ageBand: dto.ageBand,
    nationality: dto.nationality,
    profile: dto.profile,
    vulnerabilities: dto.vulnerabilities ?? [],
    description: dto.description,
    consentGiven,
    consentPurposes: dto.consent?.purposes ?? [],
    consentDate: dto.consent?.date ?? null,
    givenName: dto.givenName ?? null,
    contact: dto.contact ?? null,
    createdBy: actor.id,
  };
}

function sameValues(existing: CaseEntity, values: CaseValues): boolean {
  const { createdBy, ...compared } = values;
  void createdBy;
  return Object.entries(compared).every(([key, value]) => JSON.stringify(existing[key as keyof CaseEntity]) === JSON.stringify(value));
}
