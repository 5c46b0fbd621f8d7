import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Hub, Page } from '@mih/contracts';
import { ConflictException, ForbiddenActionException, NotFoundException } from '../../common/api-exception';
import { paginate } from '../../common/pagination';
import { diff, updateWithVersion } from '../../common/versioned-update';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { CreateHubDto, HubListQueryDto, UpdateHubDto } from './dto/hub.dto';
import { HubEntity } from './hub.entity';

@Injectable()
export class HubsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: HubListQueryDto): Promise<Page<Hub>> {
    const qb = this.scoped(actor);
    if (query.countryCode) qb.andWhere('hub.country_code = :countryCode', { countryCode: query.countryCode });
    if (query.status) qb.andWhere('hub.status = :status', { status: query.status });
    if (query.q) {
      qb.andWhere(
        `(unaccent(hub.name) ILIKE unaccent(:q) OR hub.code ILIKE :q OR unaccent(hub.municipality) ILIKE unaccent(:q))`,
        { q: `%${escapeLike(query.q)}%` },
      );
    }
    const page = await paginate(qb, query, {
      sortExpression: 'hub.name',
      idExpression: 'hub.id',
      sortValue: (h) => h.name,
      idValue: (h) => h.id,
    });
    return { items: page.items.map(toHub), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Hub> {
    return toHub(await this.findInScope(actor, id));
  }

  async create(actor: Actor, dto: CreateHubDto): Promise<Hub> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertCodeFree(manager, dto.code);
      const hub = manager.create(HubEntity, { ...dto, status: dto.status ?? 'active', services: dto.services ?? [] });
      await manager.save(hub);
      await this.audit.record({ actor, action: 'create', entityType: 'hub', entityId: hub.id, hubId: hub.id }, manager);
      return toHub(await manager.findOneByOrFail(HubEntity, { id: hub.id }));
    });
  }

  async update(actor: Actor, id: string, dto: UpdateHubDto): Promise<Hub> {
    const before = await this.findInScope(actor, id);
    if (actor.role !== 'admin') throw new ForbiddenActionException();
    const { version, ...changes } = dto;
    return this.dataSource.transaction(async (manager) => {
      if (changes.code && changes.code !== before.code) await this.assertCodeFree(manager, changes.code);
      await updateWithVersion(manager, HubEntity, 'Hub', id, version, changes);
      await this.audit.record(
        { actor, action: 'update', entityType: 'hub', entityId: id, hubId: id, details: { changes: diff(toHub(before), changes) } },
        manager,
      );
      return toHub(await manager.findOneByOrFail(HubEntity, { id }));
    });
  }

  /** The hub, or 404 when it does not exist or lies outside the caller's scope. */
  async findInScope(actor: Actor, id: string): Promise<HubEntity> {
    const hub = await this.scoped(actor).andWhere('hub.id = :id', { id }).getOne();
    if (!hub) throw new NotFoundException('Hub');
    return hub;
  }

  private scoped(actor: Actor) {
    const qb = this.dataSource.getRepository(HubEntity).createQueryBuilder('hub');
    actor.scope.apply(qb, 'hub.id', 'hub.country_code');
    return qb;
  }

  private async assertCodeFree(manager: EntityManager, code: string): Promise<void> {
    if (await manager.existsBy(HubEntity, { code })) throw new ConflictException('A hub with this code exists', 'code');
  }
}

export function toHub(h: HubEntity): Hub {
  return {
    id: h.id,
    code: h.code,
    name: h.name,
    countryCode: h.countryCode,
    admin1: h.admin1,
    municipality: h.municipality,
    address: h.address,
    latitude: h.latitude,
    longitude: h.longitude,
    phone: h.phone,
    openingHours: h.openingHours,
    services: h.services,
    status: h.status,
    openedOn: h.openedOn,
    version: h.version,
    createdAt: h.createdAt.toISOString(),
    updatedAt: h.updatedAt.toISOString(),
  };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
