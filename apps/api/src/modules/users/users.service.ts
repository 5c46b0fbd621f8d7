import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import type { Language, Page, Role, User } from '@mih/contracts';
import {
  ConflictException,
  ForbiddenActionException,
  NotFoundException,
  ValidationFailedException,
} from '../../common/api-exception';
import { paginate } from '../../common/pagination';
import { diff, updateWithVersion } from '../../common/versioned-update';
import type { Actor } from '../../common/actor';
import { PasswordService } from '../auth/password.service';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { clearSecondFactor } from '../auth/second-factor/clear-second-factor';
import { AuditService } from '../audit/audit.service';
import { HubEntity } from '../hubs/hub.entity';
import { escapeLike } from '../hubs/hubs.service';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto, UserListQueryDto } from './dto/user.dto';
import { UserEntity } from './user.entity';

/** A user row with the ids of its hubs, as the API and the JWT strategy need it. */
export type UserWithHubs = UserEntity & { hubIds: string[] };

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: UserListQueryDto): Promise<Page<User>> {
    const qb = this.scoped(actor);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.hubId) {
      qb.andWhere('EXISTS (SELECT 1 FROM user_hubs f WHERE f.user_id = u.id AND f.hub_id = :hubId)', { hubId: query.hubId });
    }
    if (query.q) {
      qb.andWhere('(unaccent(u.display_name) ILIKE unaccent(:q) OR u.email ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    }
    const page = await paginate(qb, query, {
      sortExpression: 'u.display_name',
      idExpression: 'u.id',
      sortValue: (u) => u.displayName,
      idValue: (u) => u.id,
    });
    const withHubs = await this.attachHubIds(this.dataSource.manager, page.items);
    return { items: withHubs.map(toUser), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<User> {
    return toUser(await this.findInScope(actor, id));
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<User> {
    const assignment = normaliseAssignment(dto.role, dto.hubIds ?? [], dto.countryCodes ?? []);
    const passwordHash = await this.passwords.hash(dto.password);
    return this.dataSource.transaction(async (manager) => {
      await this.assertEmailFree(manager, dto.email);
      await this.assertHubsExist(manager, assignment.hubIds);
      const user = manager.create(UserEntity, {
        email: dto.email,
        displayName: dto.displayName,
        role: dto.role,
        passwordHash,
        language: dto.language ?? 'es',
        active: true,
        mustChangePassword: true, // the admin knows it
        countryCodes: assignment.countryCodes,
      });
      await manager.save(user);
      await this.setHubs(manager, user.id, assignment.hubIds);
      await this.audit.record(
        { actor, action: 'create', entityType: 'user', entityId: user.id, details: { role: dto.role, ...assignment } },
        manager,
      );
      return toUser(await this.load(manager, user.id));
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<User> {
    const before = await this.findInScope(actor, id);
    if (actor.role !== 'admin') throw new ForbiddenActionException();
    const { version, hubIds, countryCodes, ...fields } = dto;
    const role = fields.role ?? before.role;
    if (id === actor.id && (fields.active === false || role !== 'admin')) {
      throw new ConflictException('You cannot deactivate your own account or remove your own admin role');
    }
    // Countries belong to supervisors only: a supervisor who changes role drops them unless new ones are sent.
    const keptCountries = role === 'supervisor' ? before.countryCodes : [];
    const assignment = normaliseAssignment(role, hubIds ?? before.hubIds, countryCodes ?? keptCountries);
    return this.dataSource.transaction(async (manager) => {
      await this.assertHubsExist(manager, assignment.hubIds);
      await updateWithVersion(manager, UserEntity, 'User', id, version, { ...fields, countryCodes: assignment.countryCodes });
      await this.setHubs(manager, id, assignment.hubIds);
      const endsSessions = fields.active === false || role !== before.role;
      if (endsSessions) await this.revokeSessions(manager, id);
      await this.audit.record(
        {
          actor,
          action: 'update',
          entityType: 'user',
          entityId: id,
          details: { changes: diff(toUser(before), { ...fields, ...assignment }), sessionsRevoked: endsSessions },
        },
        manager,
      );
      return toUser(await this.load(manager, id));
    });
  }

  async resetPassword(actor: Actor, id: string, dto: ResetPasswordDto): Promise<void> {
    await this.findInScope(actor, id);
    if (actor.role !== 'admin') throw new ForbiddenActionException();
    const passwordHash = await this.passwords.hash(dto.password);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id }, { passwordHash, mustChangePassword: true });
      await this.revokeSessions(manager, id);
      await this.audit.record({ actor, action: 'password_reset', entityType: 'user', entityId: id }, manager);
    });
  }

  /**
   * An admin removes a user's second factor (a lost phone): their sign-ins end, and at the next one they
   * set it up again (their role requires it, or they had chosen it). Audited with who did it to whom.
   */
  async resetSecondFactor(actor: Actor, id: string): Promise<void> {
    const user = await this.findInScope(actor, id);
    if (actor.role !== 'admin') throw new ForbiddenActionException();
    await this.dataSource.transaction(async (manager) => {
      await clearSecondFactor(manager, id, { keepChoice: true });
      await this.revokeSessions(manager, id);
      await this.audit.record(
        { actor, action: 'mfa_reset', entityType: 'user', entityId: id, details: { hadSecondFactor: !!user.secondFactorConfirmedAt } },
        manager,
      );
    });
  }

  /**
   * The user's own new password (the current one already checked): their other sign-ins end, the one
   * they changed it from goes on. Returns how many other sign-ins ended.
   */
  async changeOwnPassword(actor: Actor, sessionId: string, newPassword: string): Promise<number> {
    const passwordHash = await this.passwords.hash(newPassword);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: actor.id }, { passwordHash, mustChangePassword: false });
      const [{ ended }]: { ended: number }[] = await manager.query(
        `WITH revoked AS (
           UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND family_id <> $2 AND revoked_at IS NULL RETURNING family_id
         ) SELECT count(DISTINCT family_id)::int AS ended FROM revoked`,
        [actor.id, sessionId],
      );
      await this.audit.record(
        { actor, action: 'password_change', entityType: 'user', entityId: actor.id, details: { otherSessionsEnded: ended } },
        manager,
      );
      return ended;
    });
  }

  async updateLanguage(actor: Actor, language: Language): Promise<void> {
    await this.dataSource.manager.update(UserEntity, { id: actor.id }, { language });
  }

  /** For authentication: the user with hub ids, or null. */
  async findForAuth(id: string): Promise<UserWithHubs | null> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id });
    return user ? (await this.attachHubIds(this.dataSource.manager, [user]))[0] : null;
  }

  /** For a password change: the user with its password hash. */
  async findWithPassword(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  /** For sign-in: the user with its password hash, matched case-insensitively. */
  async findByEmailWithPassword(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  /** Creates an admin from the command line (first deployment); no actor, audited as the system. */
  async createAdmin(email: string, displayName: string, password: string): Promise<User> {
    const passwordHash = await this.passwords.hash(password);
    return this.dataSource.transaction(async (manager) => {
      await this.assertEmailFree(manager, email);
      const user = manager.create(UserEntity, { email, displayName, role: 'admin', passwordHash, language: 'es', active: true, countryCodes: [] });
      await manager.save(user);
      await this.audit.record({ actor: null, action: 'create', entityType: 'user', entityId: user.id, details: { role: 'admin', via: 'cli' } }, manager);
      return toUser(await this.load(manager, user.id));
    });
  }

  async findInScope(actor: Actor, id: string): Promise<UserWithHubs> {
    const user = await this.scoped(actor).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw new NotFoundException('User');
    return (await this.attachHubIds(this.dataSource.manager, [user]))[0];
  }

  /**
   * Users the caller may see: everyone for admins; otherwise themselves and the users who work in a
   * hub of the caller's scope (or, for supervisors by country, are assigned one of those countries).
   */
  private scoped(actor: Actor) {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (actor.scope.all) return qb;
    const hubsInScope = this.dataSource
      .createQueryBuilder()
      .select('1')
      .from('user_hubs', 'uh')
      .innerJoin('hubs', 'h', 'h.id = uh.hub_id')
      .where('uh.user_id = u.id');
    actor.scope.apply(hubsInScope, 'h.id', 'h.country_code');
    return qb.andWhere(
      new Brackets((inner) => {
        inner.where('u.id = :actorId', { actorId: actor.id }).orWhere(`EXISTS (${hubsInScope.getQuery()})`, hubsInScope.getParameters());
        if (actor.scope.countryCodes.length > 0) {
          inner.orWhere('u.country_codes && :actorCountries', { actorCountries: actor.scope.countryCodes });
        }
      }),
    );
  }

  private async load(manager: EntityManager, id: string): Promise<UserWithHubs> {
    const user = await manager.findOneByOrFail(UserEntity, { id });
    return (await this.attachHubIds(manager, [user]))[0];
  }

  private async attachHubIds(manager: EntityManager, users: UserEntity[]): Promise<UserWithHubs[]> {
    if (users.length === 0) return [];
    const rows: { user_id: string; hub_id: string }[] = await manager.query(
      'SELECT user_id, hub_id FROM user_hubs WHERE user_id = ANY($1) ORDER BY hub_id',
      [users.map((u) => u.id)],
    );
    return users.map((u) => Object.assign(u, { hubIds: rows.filter((r) => r.user_id === u.id).map((r) => r.hub_id) }));
  }

  private async setHubs(manager: EntityManager, userId: string, hubIds: string[]): Promise<void> {
    await manager.query('DELETE FROM user_hubs WHERE user_id = $1', [userId]);
    if (hubIds.length > 0) {
      await manager.query('INSERT INTO user_hubs (user_id, hub_id) SELECT $1, unnest($2::uuid[])', [userId, hubIds]);
    }
  }

  private async revokeSessions(manager: EntityManager, userId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND revoked_at IS NULL', { userId })
      .execute();
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    const taken = await manager.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getExists();
    if (taken) throw new ConflictException('An account with this email exists', 'email');
  }

  private async assertHubsExist(manager: EntityManager, hubIds: string[]): Promise<void> {
    if (hubIds.length === 0) return;
    const found = await manager.countBy(HubEntity, { id: In(hubIds) });
    if (found !== hubIds.length) throw ValidationFailedException.forField('hubIds', 'exists', 'hubIds names a hub that does not exist');
  }
}

/** Which hubs and countries a role carries: admins none, supervisors hubs and/or countries, others ≥1 hub. */
export function normaliseAssignment(role: Role, hubIds: string[], countryCodes: string[]) {
  if (role === 'admin') return { hubIds: [] as string[], countryCodes: [] as string[] };
  if (role === 'supervisor') {
    if (hubIds.length === 0 && countryCodes.length === 0) {
      throw ValidationFailedException.forField('hubIds', 'required', 'a supervisor needs hubIds or countryCodes');
    }
    return { hubIds, countryCodes };
  }
  if (countryCodes.length > 0) {
    throw ValidationFailedException.forField('countryCodes', 'notAllowed', 'only supervisors are assigned whole countries');
  }
  if (hubIds.length === 0) throw ValidationFailedException.forField('hubIds', 'required', `a ${role} needs at least one hub`);
  return { hubIds, countryCodes: [] as string[] };
}

export function toUser(u: UserWithHubs): User {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    language: u.language,
    active: u.active,
    hubIds: u.hubIds,
    countryCodes: u.countryCodes,
    secondFactor: !!u.secondFactorConfirmedAt,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
