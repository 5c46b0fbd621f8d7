import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Page, ServiceProvider } from '@mih/contracts';
import { ConflictException, ForbiddenActionException, NotFoundException } from '../../common/api-exception';
import { paginate } from '../../common/pagination';
import { diff, updateWithVersion } from '../../common/versioned-update';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { escapeLike } from '../hubs/hubs.service';
import { ReferenceListsService } from '../reference-lists/reference-lists.service';
import { CreateServiceProviderDto, ServiceProviderListQueryDto, UpdateServiceProviderDto } from './dto/service-provider.dto';
import { ServiceProviderEntity, toServiceProvider } from './service-provider.entity';

/** Lowercased and unaccented, as the name index stores it. */
const folded = (sql: string) => `lower(mih_unaccent(${sql}))`;

/**
 * The directory every referring user searches (admins, supervisors, staff; routes keep counselors out).
 * Admins write any provider; supervisors only providers all of whose countries lie in their scope.
 */
@Injectable()
export class ServiceProvidersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly referenceLists: ReferenceListsService,
  ) {}

  /** Sorted by name, keyset-paginated. */
  async list(query: ServiceProviderListQueryDto): Promise<Page<ServiceProvider>> {
    const qb = this.dataSource.getRepository(ServiceProviderEntity).createQueryBuilder('provider');
    if (query.q) qb.andWhere(`${folded('provider.name')} LIKE '%' || ${folded('CAST(:q AS text)')} || '%'`, { q: escapeLike(query.q) });
    if (query.type) qb.andWhere('provider.type = :type', { type: query.type });
    if (query.needCategory) qb.andWhere('provider.need_categories @> ARRAY[CAST(:need AS text)]', { need: query.needCategory });
    if (query.countryCode) qb.andWhere('provider.country_codes @> ARRAY[CAST(:country AS text)]', { country: query.countryCode });
    if (query.municipality) {
      qb.andWhere(
        `(cardinality(provider.municipalities) = 0 OR EXISTS (
           SELECT 1 FROM unnest(provider.municipalities) AS m(name) WHERE ${folded('m.name')} = ${folded('CAST(:municipality AS text)')}))`,
        { municipality: query.municipality },
      );
    }
    if (query.acceptingReferrals !== undefined) qb.andWhere('provider.accepting_referrals = :accepting', { accepting: query.acceptingReferrals });
    const page = await paginate(qb, query, { sortExpression: 'provider.name', idExpression: 'provider.id', sortValue: (p) => p.name, idValue: (p) => p.id });
    return { items: page.items.map(toServiceProvider), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<ServiceProvider> {
    return toServiceProvider(await this.find(id));
  }

  async create(actor: Actor, dto: CreateServiceProviderDto): Promise<ServiceProvider> {
    await this.assertMayWrite(actor, dto.countryCodes);
    await this.referenceLists.assertCodes({ list: 'needCategories', codes: dto.needCategories, field: 'needCategories' });
    return this.dataSource.transaction(async (manager) => {
      const provider = manager.create(ServiceProviderEntity, {
        ...dto,
        admin1: dto.admin1 ?? null,
        municipalities: dto.municipalities ?? [],
        address: dto.address ?? null,
        phone: dto.phone ?? null,
        email: dto.email ?? null,
        openingHours: dto.openingHours ?? null,
        focalPoint: dto.focalPoint ?? null,
        languages: dto.languages ?? ['es'],
        acceptingReferrals: dto.acceptingReferrals ?? true,
      });
      await manager.save(provider);
      await this.audit.record({ actor, action: 'create', entityType: 'service_provider', entityId: provider.id, details: { countryCodes: dto.countryCodes } }, manager);
      return toServiceProvider(await manager.findOneByOrFail(ServiceProviderEntity, { id: provider.id }));
    });
  }

  /** Versioned; the audit keeps before and after of every field that changed. */
  async update(actor: Actor, id: string, dto: UpdateServiceProviderDto): Promise<ServiceProvider> {
    const before = await this.find(id);
    await this.assertMayWrite(actor, before.countryCodes);
    if (dto.countryCodes) await this.assertMayWrite(actor, dto.countryCodes);
    await this.referenceLists.assertCodes({ list: 'needCategories', codes: dto.needCategories, field: 'needCategories' });
    const { version, ...fields } = dto;
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) changes[key] = value;
    return this.dataSource.transaction(async (manager) => {
      await updateWithVersion(manager, ServiceProviderEntity, 'Service provider', id, version, changes);
      const after = await manager.findOneByOrFail(ServiceProviderEntity, { id });
      const details = { changes: diff(toServiceProvider(before), toServiceProvider(after)) };
      delete details.changes['version'];
      delete details.changes['updatedAt'];
      await this.audit.record({ actor, action: 'update', entityType: 'service_provider', entityId: id, details }, manager);
      return toServiceProvider(after);
    });
  }

  /** Only a provider no referral names; one that was used is kept for the record (stop its referrals instead). */
  async remove(actor: Actor, id: string): Promise<void> {
    const provider = await this.find(id);
    await this.assertMayWrite(actor, provider.countryCodes);
    const inUse = () => new ConflictException('This provider has referrals; set acceptingReferrals to false instead');
    await this.dataSource
      .transaction(async (manager) => {
        const [{ used }] = await manager.query('SELECT EXISTS (SELECT 1 FROM referrals WHERE service_provider_id = $1) AS used', [id]);
        if (used) throw inUse();
        await manager.delete(ServiceProviderEntity, { id });
        await this.audit.record({ actor, action: 'delete', entityType: 'service_provider', entityId: id, details: { name: provider.name } }, manager);
      })
      .catch((error: unknown) => {
        // A referral created meanwhile: the foreign key refuses the delete.
        throw error instanceof QueryFailedError && (error as { code?: string }).code === '23503' ? inUse() : error;
      });
  }

  async find(id: string): Promise<ServiceProviderEntity> {
    const provider = await this.dataSource.manager.findOneBy(ServiceProviderEntity, { id });
    if (!provider) throw new NotFoundException('Service provider');
    return provider;
  }

  /** 403 unless the caller may write providers of all these countries. */
  private async assertMayWrite(actor: Actor, countryCodes: readonly string[]): Promise<void> {
    if (actor.role === 'admin') return;
    if (actor.role !== 'supervisor') throw new ForbiddenActionException();
    const countries = new Set(actor.countryCodes);
    if (countryCodes.every((c) => countries.has(c))) return;
    const rows: { country_code: string }[] =
      actor.hubIds.length > 0 ? await this.dataSource.query('SELECT DISTINCT country_code FROM hubs WHERE id = ANY($1)', [actor.hubIds]) : [];
    for (const row of rows) countries.add(row.country_code);
    if (!countryCodes.every((c) => countries.has(c))) {
      throw new ForbiddenActionException('Supervisors manage only providers whose countries all lie in their scope');
    }
  }
}
