// The counselor roster: accounts with role counselor and their profile. Admins manage all of them,
// supervisors those who work in a hub of their scope (and only assign hubs of their scope).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ROSTER_ROLES, type Counselor, type Page } from '@mih/contracts';
import { ForbiddenActionException, NotFoundException } from '../../common/api-exception';
import { paginate } from '../../common/pagination';
import { diff, updateWithVersion } from '../../common/versioned-update';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { HubEntity } from '../hubs/hub.entity';
import { escapeLike } from '../hubs/hubs.service';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { CounselorProfileEntity } from './counselor-profile.entity';
import { CounselorListQueryDto, CreateCounselorDto, UpdateCounselorDto } from './dto/counselor.dto';

const managesCounselors = (actor: Pick<Actor, 'role'>) => ROSTER_ROLES.includes(actor.role);

@Injectable()
export class CounselorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  /** Sorted by name. */
  async list(actor: Actor, query: CounselorListQueryDto): Promise<Page<Counselor>> {
    const qb = this.scoped(actor);
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.hubId) qb.andWhere('EXISTS (SELECT 1 FROM user_hubs f WHERE f.user_id = u.id AND f.hub_id = :hubId)', { hubId: query.hubId });
    if (query.q) {
      qb.andWhere(
        `(unaccent(u.display_name) ILIKE unaccent(:q) OR u.email ILIKE :q
          OR EXISTS (SELECT 1 FROM counselor_profiles p WHERE p.user_id = u.id AND unaccent(p.community) ILIKE unaccent(:q)))`,
        { q: `%${escapeLike(query.q)}%` },
      );
    }
    const page = await paginate(qb, query, {
      sortExpression: 'u.display_name',
      idExpression: 'u.id',
      sortValue: (u) => u.displayName,
      idValue: (u) => u.id,
    });
    return { items: await this.represent(this.dataSource.manager, page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Counselor> {
    return (await this.represent(this.dataSource.manager, [await this.findInScope(actor, id)]))[0];
  }

  /** A new counselor account (through UsersService, which audits it) and its profile. */
  async create(actor: Actor, dto: CreateCounselorDto): Promise<Counselor> {
    if (!managesCounselors(actor)) throw new ForbiddenActionException();
    await this.assertHubsInScope(actor, dto.hubIds);
    const { community, languages, trainedOn, ...account } = dto;
    const user = await this.users.create(actor, { ...account, role: 'counselor', countryCodes: [] });
    return this.dataSource.transaction(async (manager) => {
      await this.saveProfile(manager, user.id, { community: community ?? null, languages: languages ?? [], trainedOn: trainedOn ?? null });
      await this.audit.record({ actor, action: 'update', entityType: 'user', entityId: user.id, details: { profile: ['community', 'languages', 'trainedOn'] } }, manager);
      return (await this.represent(manager, [await manager.findOneByOrFail(UserEntity, { id: user.id })]))[0];
    });
  }

  /**
   * Versioned by the user's version. A supervisor's hubIds replace only the hubs of their scope; the
   * counselor's other hubs stay. Deactivating ends the counselor's sessions.
   */
  async update(actor: Actor, id: string, dto: UpdateCounselorDto): Promise<Counselor> {
    const user = await this.findInScope(actor, id);
    if (!managesCounselors(actor)) throw new ForbiddenActionException();
    const [before] = await this.represent(this.dataSource.manager, [user]);
    let hubIds: string[] | undefined;
    if (dto.hubIds) {
      await this.assertHubsInScope(actor, dto.hubIds);
      const outside = await this.hubsOutsideScope(actor, before.hubIds);
      hubIds = [...new Set([...dto.hubIds, ...outside])];
    }
    const account: Record<string, unknown> = {};
    if (dto.displayName !== undefined) account['displayName'] = dto.displayName;
    if (dto.active !== undefined) account['active'] = dto.active;
    return this.dataSource.transaction(async (manager) => {
      await updateWithVersion(manager, UserEntity, 'Counselor', id, dto.version, account);
      if (hubIds) {
        await manager.query('DELETE FROM user_hubs WHERE user_id = $1', [id]);
        await manager.query('INSERT INTO user_hubs (user_id, hub_id) SELECT $1, unnest($2::uuid[])', [id, hubIds]);
      }
      await this.saveProfile(manager, id, {
        community: dto.community === undefined ? before.community : dto.community,
        languages: dto.languages ?? before.languages,
        trainedOn: dto.trainedOn === undefined ? before.trainedOn : dto.trainedOn,
      });
      const sessionsRevoked = dto.active === false && user.active;
      if (sessionsRevoked) {
        await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
      }
      const [after] = await this.represent(manager, [await manager.findOneByOrFail(UserEntity, { id })]);
      const { version, createdAt, ...shown } = after;
      void [version, createdAt];
      await this.audit.record(
        { actor, action: 'update', entityType: 'user', entityId: id, details: { changes: diff(before, shown), sessionsRevoked } },
        manager,
      );
      return after;
    });
  }

  /** The counselor, or 404 when there is none with this id in the caller's scope. */
  async findInScope(actor: Actor, id: string): Promise<UserEntity> {
    const user = await this.scoped(actor).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw new NotFoundException('Counselor');
    return user;
  }

  /** Counselor accounts working in a hub of the caller's scope (everyone's for admins). */
  private scoped(actor: Actor) {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u').where("u.role = 'counselor'");
    if (actor.scope.all) return qb;
    const hubsInScope = this.dataSource
      .createQueryBuilder()
      .select('1')
      .from('user_hubs', 'uh')
      .innerJoin('hubs', 'h', 'h.id = uh.hub_id')
      .where('uh.user_id = u.id');
    actor.scope.apply(hubsInScope, 'h.id', 'h.country_code');
    return qb.andWhere(`EXISTS (${hubsInScope.getQuery()})`, hubsInScope.getParameters());
  }

  /** 404 naming the hub unless every hub is in the caller's scope. */
  private async assertHubsInScope(actor: Actor, hubIds: string[]): Promise<void> {
    const found = await this.hubsQuery(actor, hubIds).getCount();
    if (found !== hubIds.length) throw new NotFoundException('Hub');
  }

  private async hubsOutsideScope(actor: Actor, hubIds: string[]): Promise<string[]> {
    if (actor.scope.all || hubIds.length === 0) return [];
    const inScope = new Set((await this.hubsQuery(actor, hubIds).getMany()).map((hub) => hub.id));
    return hubIds.filter((id) => !inScope.has(id));
  }

  private hubsQuery(actor: Actor, hubIds: string[]) {
    const qb = this.dataSource.getRepository(HubEntity).createQueryBuilder('hub').where({ id: In(hubIds) });
    actor.scope.apply(qb, 'hub.id', 'hub.country_code');
    return qb;
  }

  private async saveProfile(manager: EntityManager, userId: string, profile: Omit<CounselorProfileEntity, 'userId'>): Promise<void> {
    await manager.upsert(CounselorProfileEntity, { userId, ...profile }, ['userId']);
  }

  private async represent(manager: EntityManager, users: UserEntity[]): Promise<Counselor[]> {
    if (users.length === 0) return [];
    const ids = users.map((u) => u.id);
    const [hubRows, profiles]: [{ user_id: string; hub_id: string }[], CounselorProfileEntity[]] = await Promise.all([
      manager.query('SELECT user_id, hub_id FROM user_hubs WHERE user_id = ANY($1) ORDER BY hub_id', [ids]),
      manager.findBy(CounselorProfileEntity, { userId: In(ids) }),
    ]);
    const profileOf = new Map(profiles.map((p) => [p.userId, p]));
    return users.map((u) => {
      const profile = profileOf.get(u.id);
      return {
        id: u.id,
        email: u.email,
        displayName: u.displayName,
        active: u.active,
        hubIds: hubRows.filter((r) => r.user_id === u.id).map((r) => r.hub_id),
        community: profile?.community ?? null,
        languages: profile?.languages ?? [],
        trainedOn: profile?.trainedOn ?? null,
        version: u.version,
        createdAt: u.createdAt.toISOString(),
      };
    });
  }
}
