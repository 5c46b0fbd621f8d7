import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ageBandOf, type Page, type Visit, type VisitListItem } from '@mih/contracts';
import { ForbiddenActionException, NotFoundException, ValidationFailedException } from '../../common/api-exception';
import { diff, updateWithVersion } from '../../common/versioned-update';
import { insertOnce } from '../../common/insert-once';
import { Actor, RECORD_PERMISSIONS } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { HubsService } from '../hubs/hubs.service';
import { PersonEntity } from '../persons/person.entity';
import { PersonsService } from '../persons/persons.service';
import { CodeCheck, ReferenceListsService } from '../reference-lists/reference-lists.service';
import { CreateVisitDto, UpdateVisitDto, VisitListQueryDto } from './dto/visit.dto';
import { VisitEntity } from './visit.entity';
import { NewVisit, toVisit, VisitFilters, VisitsRepository } from './visits.repository';

export type { VisitFilters } from './visits.repository';

/** The columns a create stores from the request and the person (the id and the generated ones apart). */
type VisitValues = Omit<NewVisit, 'id' | 'person'>;

@Injectable()
export class VisitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: VisitsRepository,
    private readonly audit: AuditService,
    private readonly hubs: HubsService,
    private readonly persons: PersonsService,
    private readonly referenceLists: ReferenceListsService,
  ) {}

  /** Newest first (occurred_at DESC, id DESC), keyset-paginated; without notes (the visit's audited read has it). */
  list(actor: Actor, query: VisitListQueryDto): Promise<Page<VisitListItem>> {
    return this.repository.listPage(actor, query);
  }

  /** The visits the caller may see that the list's filters select (the list and the export). */
  filtered(actor: Actor, query: VisitFilters) {
    return this.repository.filtered(actor, query);
  }

  async get(actor: Actor, id: string): Promise<Visit> {
    const visit = await this.findInScope(actor, id);
    await this.audit.record({ actor, action: 'read', entityType: 'visit', entityId: id, hubId: visit.hubId });
    return (await this.repository.represent([visit]))[0];
  }

  /**
   * Logs a visit by the caller, or answers the one logged earlier with this client id (created: false).
   * A visit linked to a person takes the person's sex, age band, nationality and profile unless sent.
   * A new visit costs one statement (row and audit event); only a taken id reads the stored one.
   */
  async create(actor: Actor, dto: CreateVisitDto): Promise<{ visit: Visit; created: boolean }> {
    const id = dto.id ?? randomUUID();
    const { record, created } = await insertOnce({
      clientId: dto.id !== undefined,
      create: async () => {
        if (!RECORD_PERMISSIONS.write(actor)) throw new ForbiddenActionException();
        await this.assertHubInScope(actor, dto.hubId);
        const person = dto.personId ? await this.linkablePerson(actor, dto.personId) : null;
        await this.referenceLists.assertCodes(...codeChecks(dto));
        const values = { ...visitValues(actor, dto, person), id };
        const audit = { actor, action: 'create' as const, entityType: 'visit', entityId: id, hubId: dto.hubId, details: { personId: values.personId } };
        const row = await this.repository.insert(values, audit);
        if (!row) return null;
        const visit = Object.assign(new VisitEntity(), values, { followUpDoneAt: null, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at });
        return toVisit(visit, person?.code ?? null);
      },
      findInScope: () => (RECORD_PERMISSIONS.write(actor) ? this.repository.findInScope(actor, id) : Promise.resolve(null)),
      sameContent: (existing) => sameRequest(existing, dto),
      represent: async (existing) => (await this.repository.represent([existing]))[0],
    });
    return { visit: record, created };
  }

  /** Versioned update; `followUpDone` stamps or clears follow_up_done_at. */
  async update(actor: Actor, id: string, dto: UpdateVisitDto): Promise<Visit> {
    const before = await this.findInScope(actor, id);
    if (!RECORD_PERMISSIONS.write(actor)) throw new ForbiddenActionException();
    await this.referenceLists.assertCodes(...codeChecks(dto));
    const { version, followUpDone, ...fields } = dto;
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) changes[key] = value;
    if (dto.occurredAt) changes['occurredAt'] = new Date(dto.occurredAt);
    if (followUpDone === true) changes['followUpDoneAt'] = before.followUpDoneAt ?? new Date();
    if (followUpDone === false) changes['followUpDoneAt'] = null;
    // A follow-up moved to another date is open again, unless the request says otherwise.
    if (followUpDone === undefined && dto.followUpOn !== undefined && dto.followUpOn !== before.followUpOn) changes['followUpDoneAt'] = null;

    return this.dataSource.transaction(async (manager) => {
      await updateWithVersion(manager, VisitEntity, 'Visit', id, version, changes);
      const after = await manager.findOneByOrFail(VisitEntity, { id });
      const changed = diff(auditView(before), auditView(after));
      const noteChanged = 'note' in changed;
      delete changed['note']; // free text can hold personal data: named, never copied
      const details = { changes: changed, noteChanged };
      await this.audit.record({ actor, action: 'update', entityType: 'visit', entityId: id, hubId: before.hubId, details }, manager);
      return (await this.repository.represent([after], manager))[0];
    });
  }

  /** The visit, or 404 when it does not exist or the caller may not see it. */
  async findInScope(actor: Actor, id: string): Promise<VisitEntity> {
    const visit = await this.repository.findInScope(actor, id);
    if (!visit) throw new NotFoundException('Visit');
    return visit;
  }

  /** 404 unless the hub is in the caller's scope; no query when it is one of the caller's own hubs. */
  private async assertHubInScope(actor: Actor, hubId: string): Promise<void> {
    if (actor.scope.hubIds.includes(hubId)) return;
    await this.hubs.findInScope(actor, hubId);
  }

  private async linkablePerson(actor: Actor, personId: string): Promise<PersonEntity> {
    const person = await this.persons.findInScope(actor, personId);
    if (person.mergedIntoId) {
      throw ValidationFailedException.forField('personId', 'notMerged', 'personId names a person merged into another record; link the visit to that one');
    }
    return person;
  }
}

function codeChecks(dto: { topics?: string[]; needs?: string[]; vulnerabilities?: string[] }): CodeCheck[] {
  return [
    { list: 'topics', codes: dto.topics, field: 'topics' },
    { list: 'needCategories', codes: dto.needs, field: 'needs' },
    { list: 'vulnerabilities', codes: dto.vulnerabilities, field: 'vulnerabilities' },
  ];
}

/** The row a create stores: the request, the caller as staff, and the person's demographics when left out. */
function visitValues(actor: Actor, dto: CreateVisitDto, person: PersonEntity | null): VisitValues {
  const occurredAt = new Date(dto.occurredAt);
  const ageBand = dto.ageBand ?? (person ? ageBandOf(person, occurredAt) : null);
  if (!ageBand) {
    throw ValidationFailedException.forField('ageBand', 'isDefined', 'ageBand is required: the person has no year of birth or age band');
  }
  return {
    hubId: dto.hubId,
    occurredAt,
    staffId: actor.id,
    channel: dto.channel,
    personId: person?.id ?? null,
    // Without a person these are required by the DTO; with one they default to the person's.
    sex: dto.sex ?? (person as PersonEntity).sex,
    ageBand,
    nationality: dto.nationality ?? (person as PersonEntity).nationality,
    profile: dto.profile ?? (person as PersonEntity).profile,
    topics: dto.topics,
    needs: dto.needs ?? [],
    vulnerabilities: dto.vulnerabilities ?? [],
    note: dto.note ?? null,
    followUpOn: dto.followUpOn ?? null,
  };
}

/**
 * Does a create request match the visit stored under its id? Every field the client sends counts (left
 * out ones as their default), except the demographics a linked visit took from the person.
 */
function sameRequest(existing: VisitEntity, dto: CreateVisitDto): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const linked = existing.personId !== null;
  return (
    existing.hubId === dto.hubId &&
    existing.occurredAt.getTime() === new Date(dto.occurredAt).getTime() &&
    existing.channel === dto.channel &&
    existing.personId === (dto.personId ?? null) &&
    (dto.sex === undefined ? linked : existing.sex === dto.sex) &&
    (dto.ageBand === undefined ? linked : existing.ageBand === dto.ageBand) &&
    (dto.nationality === undefined ? linked : existing.nationality === dto.nationality) &&
    (dto.profile === undefined ? linked : existing.profile === dto.profile) &&
    same(existing.topics, dto.topics) &&
    same(existing.needs, dto.needs ?? []) &&
    same(existing.vulnerabilities, dto.vulnerabilities ?? []) &&
    existing.note === (dto.note ?? null) &&
    existing.followUpOn === (dto.followUpOn ?? null)
  );
}

/** The fields a PATCH may change, as the audit trail shows them. */
function auditView(v: VisitEntity) {
  return {
    occurredAt: v.occurredAt.toISOString(),
    channel: v.channel,
    topics: v.topics,
    needs: v.needs,
    vulnerabilities: v.vulnerabilities,
    note: v.note,
    followUpOn: v.followUpOn,
    followUpDoneAt: v.followUpDoneAt?.toISOString() ?? null,
  };
}
