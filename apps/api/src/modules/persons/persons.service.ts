import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { IDENTIFYING_FIELDS, Page, Person, PERSON_TIMELINE_LIMIT, PersonDetail } from '@mih/contracts';
import { ConflictException, ForbiddenActionException, NotFoundException, ValidationFailedException } from '../../common/api-exception';
import { paginate } from '../../common/pagination';
import { diff, updateWithVersion } from '../../common/versioned-update';
import { replayCreate } from '../../common/replay-create';
import { Actor, applyRecordScope, RECORD_PERMISSIONS } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { escapeLike, HubsService } from '../hubs/hubs.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { ReferralsReadService } from '../referrals/referrals-read.service';
import { VisitEntity } from '../visits/visit.entity';
import { toVisit } from '../visits/visits.repository';
import { CreatePersonDto, MergePersonsDto, PersonListQueryDto, RevealPersonDto, UpdatePersonDto } from './dto/person.dto';
import { assertConsentCovers, identifyingFieldsWithValues, identifyingOf, maskIdentifying } from './identifying-data';
import { PersonEntity } from './person.entity';
import { RevealQuotaService } from './reveal-quota.service';

/** How a search that found persons by their document number is named in their audit rows. */
export const DOCUMENT_SEARCH = 'documentSearch';
/** Shorter fragments of a number match too many documents to single anyone out. */
const DOCUMENT_FRAGMENT_MIN_LENGTH = 4;

/** The columns a create sets from the request (the rest are generated). */
type PersonValues = Omit<PersonEntity, 'id' | 'code' | 'searchText' | 'mergedIntoId' | 'createdBy' | 'version' | 'createdAt' | 'updatedAt'>;

/** The search term as stored in search_text: lowercased, without accents. */
const SEARCH_TERM = 'lower(mih_unaccent(CAST(:q AS text)))';
const SEARCH_SCORE = `word_similarity(${SEARCH_TERM}, person.search_text)`;

class IdTaken extends Error {}

@Injectable()
export class PersonsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly hubs: HubsService,
    private readonly referenceLists: ReferenceListsService,
    private readonly referrals: ReferralsReadService,
    private readonly revealQuota: RevealQuotaService,
  ) {}

  /**
   * Newest first, or with q best match first; merged (closed) records are left out. A search that finds
   * persons by their document number tells who holds that number: each is audited as a reveal (its
   * results stay masked, so it does not count against the reveal quota: typing a number at the desk
   * must not lock anyone out).
   */
  async list(actor: Actor, query: PersonListQueryDto): Promise<Page<Person>> {
    // The word-similarity threshold of <% is the connection's (WORD_SIMILARITY_THRESHOLD, data-source.ts).
    const page = query.q
      ? await this.search(this.filtered(actor, query), query, query.q)
      : await paginate(this.filtered(actor, query), query, {
          sortExpression: 'person.created_at',
          idExpression: 'person.id',
          sortValue: (p) => p.createdAt.toISOString(),
          idValue: (p) => p.id,
          direction: 'DESC',
          sortType: 'timestamptz',
        });
    if (query.q) {
      for (const found of foundByDocumentNumber(page.items, query.q)) {
        await this.audit.record({ actor, action: 'reveal', entityType: 'person', entityId: found.id, hubId: found.hubId, details: { via: DOCUMENT_SEARCH } });
      }
    }
    return { items: page.items.map((p) => toPerson(p)), nextCursor: page.nextCursor };
  }

  /** The person, masked, with the visits and referrals the caller may see; the read is audited. */
  async get(actor: Actor, id: string): Promise<PersonDetail> {
    const person = await this.findInScope(actor, id);
    const [visits, referrals] = await Promise.all([this.timeline(actor, person), this.referrals.forPerson(actor, id)]);
    await this.audit.record({ actor, action: 'read', entityType: 'person', entityId: id, hubId: person.hubId });
    return { ...toPerson(person), visits, referrals };
  }

  /**
   * The person with identifying fields unmasked, within the caller's reveal quota (429 with Retry-After
   * beyond it); the reason and the fields shown are audited.
   */
  async reveal(actor: Actor, id: string, dto: RevealPersonDto): Promise<Person> {
    const person = await this.findInScope(actor, id);
    if (!RECORD_PERMISSIONS.reveal(actor)) throw new ForbiddenActionException();
    const revealed = IDENTIFYING_FIELDS.filter((field) => person[field] !== null);
    const reason = dto.reason === undefined ? {} : { reason: dto.reason };
    await this.revealQuota.reveal(actor, [{ id, hubId: person.hubId, details: { reasonCode: dto.reasonCode, ...reason, revealed } }], { reasonCode: dto.reasonCode });
    return toPerson(person, { revealed: true });
  }

  /** Creates the person, or answers the one created earlier with this client id (created: false). */
  async create(actor: Actor, dto: CreatePersonDto): Promise<{ person: Person; created: boolean }> {
    if (!RECORD_PERMISSIONS.write(actor)) throw new ForbiddenActionException();
    const values = personValues(dto);
    if (dto.id) {
      const earlier = await this.replay(actor, dto.id, values);
      if (earlier) return { person: earlier, created: false };
    }
    await this.hubs.findInScope(actor, dto.hubId);
    await this.referenceLists.assertCodes({ list: 'vulnerabilities', codes: values.vulnerabilities, field: 'vulnerabilities' });
    const id = dto.id ?? randomUUID();
    try {
      const person = await this.dataSource.transaction(async (manager) => {
        const code = await this.nextCode(manager, dto.hubId);
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(PersonEntity)
          .values({ ...values, id, code, createdBy: actor.id })
          .orIgnore()
          .updateEntity(false)
          .returning('id')
          .execute();
        if ((inserted.raw as unknown[]).length === 0) throw new IdTaken(); // rolls back the number taken
        await this.refreshSearchText(manager, id);
        const identifying = identifyingFieldsWithValues(values);
        await this.audit.record({ actor, action: 'create', entityType: 'person', entityId: id, hubId: dto.hubId, details: { code, identifying } }, manager);
        return manager.findOneByOrFail(PersonEntity, { id });
      });
      return { person: toPerson(person), created: true };
    } catch (error) {
      if (!(error instanceof IdTaken)) throw error;
      // A concurrent create with the same id won, or (rarely) the code was taken by a renamed hub.
      const earlier = await this.replay(actor, id, values);
      if (earlier) return { person: earlier, created: false };
      throw new ConflictException('The person code is taken; try again', 'code');
    }
  }

  /**
   * Versioned update. Withdrawing consent clears every identifying field. The audit keeps before and
   * after of the other fields, and only the names of the identifying fields that changed.
   */
  async update(actor: Actor, id: string, dto: UpdatePersonDto): Promise<Person> {
    const before = await this.findInScope(actor, id);
    if (!RECORD_PERMISSIONS.write(actor)) throw new ForbiddenActionException();
    if (before.mergedIntoId) throw new ConflictException('This person was merged into another record; change that one');
    const { version, consent, ...fields } = dto;
    const consentGiven = consent ? consent.given : before.consentGiven;
    assertConsentCovers(consentGiven, identifyingFieldsWithValues(dto));
    if (consent) assertConsentPurposes(consent);

    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) changes[key] = value;
    if (consent) Object.assign(changes, { consentGiven: consent.given, consentPurposes: consent.purposes, consentDate: consent.date });
    if (!consentGiven) for (const field of IDENTIFYING_FIELDS) if (before[field] !== null) changes[field] = null;
    const after = { ...before, ...changes } as PersonEntity;
    if (dto.dateOfBirth && after.birthYear === null) changes['birthYear'] = after.birthYear = Number(dto.dateOfBirth.slice(0, 4));
    assertBirthConsistent(after.birthYear, after.dateOfBirth);
    await this.referenceLists.assertCodes({ list: 'vulnerabilities', codes: dto.vulnerabilities, field: 'vulnerabilities' });

    return this.dataSource.transaction(async (manager) => {
      await updateWithVersion(manager, PersonEntity, 'Person', id, version, changes);
      const identifyingChanged = IDENTIFYING_FIELDS.filter((field) => field in changes && changes[field] !== before[field]);
      if (identifyingChanged.length > 0) await this.refreshSearchText(manager, id);
      const updated = await manager.findOneByOrFail(PersonEntity, { id });
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'person',
          entityId: id,
          hubId: before.hubId,
          details: { changes: diff(auditView(before), auditView(updated)), identifyingChanged },
        },
        manager,
      );
      return toPerson(updated);
    });
  }

  /**
   * Merges a duplicate into the person kept (:id): the duplicate's visits move over, the duplicate is
   * closed (merged_into_id), both versions are bumped and both records get an audit event naming the other.
   */
  async merge(actor: Actor, id: string, dto: MergePersonsDto): Promise<Person> {
    const kept = await this.findInScope(actor, id);
    if (!RECORD_PERMISSIONS.merge(actor)) throw new ForbiddenActionException();
    if (dto.duplicateId === id) throw ValidationFailedException.forField('duplicateId', 'notSelf', 'duplicateId must be another person');
    const duplicate = await this.findInScope(actor, dto.duplicateId);
    if (kept.mergedIntoId || duplicate.mergedIntoId) throw new ConflictException('One of these persons was already merged into another record');

    return this.dataSource.transaction(async (manager) => {
      await updateWithVersion(manager, PersonEntity, 'Person', id, dto.version, {});
      const closed = await manager
        .createQueryBuilder()
        .update(PersonEntity)
        .set({ mergedIntoId: id, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :duplicateId AND merged_into_id IS NULL', { duplicateId: duplicate.id })
        .execute();
      if (closed.affected !== 1) throw new ConflictException('The duplicate was merged by someone else meanwhile');
      const moved = await manager
        .createQueryBuilder()
        .update(VisitEntity)
        .set({ personId: id, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('person_id = :duplicateId', { duplicateId: duplicate.id })
        .execute();
      // Records merged into the duplicate earlier now point straight at the person kept (one hop to follow).
      await manager.query('UPDATE persons SET merged_into_id = $1 WHERE merged_into_id = $2', [id, duplicate.id]);
      const visitsMoved = moved.affected ?? 0;
      const merged = { duplicateId: duplicate.id, duplicateCode: duplicate.code, visitsMoved };
      const mergedInto = { personId: id, code: kept.code, visitsMoved };
      await this.audit.record({ actor, action: 'update', entityType: 'person', entityId: id, hubId: kept.hubId, details: { merged } }, manager);
      await this.audit.record({ actor, action: 'update', entityType: 'person', entityId: duplicate.id, hubId: duplicate.hubId, details: { mergedInto } }, manager);
      return toPerson(await manager.findOneByOrFail(PersonEntity, { id }));
    });
  }

  /** The person, or 404 when it does not exist or the caller may not see it. */
  async findInScope(actor: Actor, id: string, manager?: EntityManager): Promise<PersonEntity> {
    const person = await this.scoped(actor, manager).andWhere('person.id = :id', { id }).getOne();
    if (!person) throw new NotFoundException('Person');
    return person;
  }

  private scoped(actor: Actor, manager: EntityManager = this.dataSource.manager) {
    const qb = manager.getRepository(PersonEntity).createQueryBuilder('person');
    return applyRecordScope(actor, qb, { hubId: 'person.hub_id', createdBy: 'person.created_by' });
  }

  /** The persons the caller may see that the list's filters (but q) select: the list and the export. */
  filtered(actor: Actor, query: Pick<PersonListQueryDto, 'hubId' | 'profile' | 'sex'>, manager?: EntityManager) {
    const qb = this.scoped(actor, manager).andWhere('person.merged_into_id IS NULL');
    if (query.hubId) qb.andWhere('person.hub_id = :hubId', { hubId: query.hubId });
    if (query.profile) qb.andWhere('person.profile = :profile', { profile: query.profile });
    if (query.sex) qb.andWhere('person.sex = :sex', { sex: query.sex });
    return qb;
  }

  /**
   * Every word must match, in any order. A name word matches by word similarity (`<%`, GIN-indexed),
   * which tolerates typos and missing accents, or as a substring. Words with a digit (codes, document
   * numbers) match as a substring only: numbers a digit apart share most trigrams but are other people.
   * Best match (word similarity of the whole q) first.
   */
  private search(qb: SelectQueryBuilder<PersonEntity>, query: PersonListQueryDto, q: string) {
    searchWords(q).forEach((word, i) => {
      const substring = `person.search_text LIKE '%' || lower(mih_unaccent(CAST(:like${i} AS text))) || '%'`;
      const similar = `lower(mih_unaccent(CAST(:word${i} AS text))) <% person.search_text`;
      qb.andWhere(/\d/.test(word) ? substring : `(${similar} OR ${substring})`, { [`word${i}`]: word, [`like${i}`]: escapeLike(word) });
    });
    qb.setParameter('q', q);
    return paginate(qb, query, { sortExpression: SEARCH_SCORE, idExpression: 'person.id', idValue: (p) => p.id, direction: 'DESC', sortType: 'real' });
  }

  /** The visits of the person the caller may see, newest first. */
  private async timeline(actor: Actor, person: PersonEntity) {
    const qb = this.dataSource.getRepository(VisitEntity).createQueryBuilder('visit').where('visit.person_id = :personId', { personId: person.id });
    applyRecordScope(actor, qb, { hubId: 'visit.hub_id', createdBy: 'visit.staff_id' });
    const visits = await qb.orderBy('visit.occurred_at', 'DESC').addOrderBy('visit.id', 'DESC').limit(PERSON_TIMELINE_LIMIT).getMany();
    return visits.map((visit) => toVisit(visit, person.code));
  }

  /**
   * The person stored earlier under this client id, when its content matches the request; 409 when it
   * differs or belongs to a record the caller cannot see; null when the id is new.
   */
  private replay(actor: Actor, id: string, values: PersonValues): Promise<Person | null> {
    return replayCreate({
      exists: () => this.dataSource.manager.existsBy(PersonEntity, { id }),
      findInScope: () => this.scoped(actor).andWhere('person.id = :id', { id }).getOne(),
      sameContent: (existing) => sameValues(existing, values),
      represent: (existing) => toPerson(existing),
    });
  }

  /** Takes the hub's next person number (locking the hub row until the transaction ends). */
  private async nextCode(manager: EntityManager, hubId: string): Promise<string> {
    const [rows] = (await manager.query(
      'UPDATE hubs SET next_person_number = next_person_number + 1 WHERE id = $1 RETURNING next_person_number - 1 AS number, code, country_code',
      [hubId],
    )) as [{ number: number; code: string; country_code: string }[], number];
    const [{ number, code, country_code }] = rows;
    return `${country_code}-${code}-${String(number).padStart(6, '0')}`;
  }

  private async refreshSearchText(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE persons SET search_text = mih_person_search_text(given_name, family_name, code, document_number) WHERE id = $1', [id]);
  }
}

/**
 * The persons of a page that a search found by their document number: a word with a digit (searched as
 * a substring, see search()) of at least DOCUMENT_FRAGMENT_MIN_LENGTH characters that is part of the
 * document number and not of the pseudonymous code.
 */
export function foundByDocumentNumber(persons: readonly PersonEntity[], q: string): PersonEntity[] {
  const words = searchWords(q)
    .filter((word) => /\d/.test(word) && word.length >= DOCUMENT_FRAGMENT_MIN_LENGTH)
    .map(searchable);
  if (words.length === 0) return [];
  return persons.filter((p) => {
    if (!p.documentNumber) return false;
    const document = searchable(p.documentNumber);
    const code = searchable(p.code);
    return words.some((word) => document.includes(word) && !code.includes(word));
  });
}

/** Lower case without accents, as mih_person_search_text stores it. */
function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search, at most 6; one-letter words only count when there is nothing else. */
function searchWords(q: string): string[] {
  const words = q.split(' ').filter(Boolean);
  const longer = words.filter((word) => word.length > 1);
  return (longer.length > 0 ? longer : words).slice(0, 6);
}

/** What a create stores from the request; 400 for identifying fields without consent and inconsistent dates. */
function personValues(dto: CreatePersonDto): PersonValues {
  const consentGiven = dto.consent?.given === true;
  assertConsentCovers(consentGiven, identifyingFieldsWithValues(dto));
  if (dto.consent) assertConsentPurposes(dto.consent);
  const birthYear = dto.birthYear ?? (dto.dateOfBirth ? Number(dto.dateOfBirth.slice(0, 4)) : null);
  assertBirthConsistent(birthYear, dto.dateOfBirth ?? null);
  return {
    hubId: dto.hubId,
    sex: dto.sex,
    nationality: dto.nationality,
    profile: dto.profile,
    birthYear,
    ageBand: dto.ageBand ?? null,
    vulnerabilities: dto.vulnerabilities ?? [],
    consentGiven,
    consentPurposes: dto.consent?.purposes ?? [],
    consentDate: dto.consent?.date ?? null,
    givenName: dto.givenName ?? null,
    familyName: dto.familyName ?? null,
    dateOfBirth: dto.dateOfBirth ?? null,
    documentNumber: dto.documentNumber ?? null,
    phone: dto.phone ?? null,
    preferredLanguage: dto.preferredLanguage ?? null,
  };
}

function assertConsentPurposes(consent: { given: boolean; purposes: string[] }): void {
  if (consent.given && consent.purposes.length === 0) {
    throw ValidationFailedException.forField('consent.purposes', 'arrayMinSize', 'consent.purposes must name at least one purpose when consent is given');
  }
}

function assertBirthConsistent(birthYear: number | null, dateOfBirth: string | null): void {
  if (birthYear !== null && dateOfBirth !== null && Number(dateOfBirth.slice(0, 4)) !== birthYear) {
    throw ValidationFailedException.forField('birthYear', 'matchesDateOfBirth', 'birthYear must be the year of dateOfBirth');
  }
}

function sameValues(existing: PersonEntity, values: PersonValues): boolean {
  return Object.entries(values).every(([key, value]) => JSON.stringify(existing[key as keyof PersonValues]) === JSON.stringify(value));
}

/** The non-identifying fields, as the audit trail may show them with before and after. */
function auditView(p: PersonEntity) {
  return {
    sex: p.sex,
    nationality: p.nationality,
    profile: p.profile,
    birthYear: p.birthYear,
    ageBand: p.ageBand,
    vulnerabilities: p.vulnerabilities,
    consent: consentOf(p),
    preferredLanguage: p.preferredLanguage,
  };
}

function consentOf(p: PersonEntity) {
  return p.consentDate === null && !p.consentGiven ? null : { given: p.consentGiven, purposes: p.consentPurposes, date: p.consentDate as string };
}

/** The API representation; identifying fields masked unless revealed. */
export function toPerson(p: PersonEntity, options: { revealed?: boolean } = {}): Person {
  const identifying = identifyingOf(p);
  return {
    id: p.id,
    code: p.code,
    hubId: p.hubId,
    sex: p.sex,
    nationality: p.nationality,
    profile: p.profile,
    birthYear: p.birthYear,
    ageBand: p.ageBand,
    vulnerabilities: p.vulnerabilities,
    consent: consentOf(p),
    identifying: options.revealed ? identifying : maskIdentifying(identifying),
    identifyingRevealed: options.revealed === true,
    mergedIntoId: p.mergedIntoId,
    preferredLanguage: p.preferredLanguage,
    createdBy: p.createdBy,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
