// Sign-in, refresh-token rotation and sign-out. A refresh token is an opaque random string stored as a
// SHA-256 hash; each use replaces it, and presenting a used one again revokes its whole family
// (someone copied it). A family idle longer than SESSION_IDLE_MINUTES can no longer refresh, and none
// lives longer than SESSION_MAX_HOURS after its sign-in (the start is copied onto every rotated token;
// times are compared with the database's now(), one clock for every replica). An account with a second
// factor gets no session from its password alone, only a challenge (SecondFactorService).
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { CurrentUser, LoginResponse, SecondFactorChallenge, SecondFactorLoginRequest } from '@mih/contracts';
import { AccountLockedException, UnauthorizedException, ValidationFailedException } from '../../common/api-exception';
import type { AppConfig } from '../../config/app-config';
import type { Actor } from '../../common/actor';
import { AuditService } from '../audit/audit.service';
import { UserWithHubs, UsersService } from '../users/users.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SecondFactorService, mustEnrolSecondFactor } from './second-factor/second-factor.service';

export interface AccessTokenPayload {
  sub: string;
  /** The session (refresh-token family); signing out revokes it and the access token with it. */
  sid: string;
}

export interface Session {
  response: LoginResponse;
  refreshToken: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly secondFactor: SecondFactorService,
  ) {}

  /** Checks the credentials; same answer and about the same time for a wrong email or a wrong password. */
  async validateCredentials(email: string, password: string, ip: string | null): Promise<UserWithHubs> {
    // The attempt is counted before the slow argon2 check, so a parallel burst cannot exceed the cap.
    const reservation = await this.throttle.reserve(email, ip);
    if (!reservation) {
      await this.audit.record({ actor: null, action: 'login_failed', entityType: 'user', ip, details: { reason: 'locked' } });
      throw new AccountLockedException();
    }
    const candidate = await this.users.findByEmailWithPassword(email);
    const passwordOk = await this.passwords.verify(candidate?.passwordHash ?? null, password);
    if (!candidate || !passwordOk || !candidate.active) {
      const locked = await this.throttle.recordFailure(reservation);
      await this.audit.record({
        actor: null,
        action: 'login_failed',
        entityType: 'user',
        entityId: candidate?.id ?? null,
        ip,
        details: { reason: !candidate ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'inactive', locked },
      });
      throw new UnauthorizedException('Wrong email or password');
    }
    if (candidate.secondFactorConfirmedAt) await this.throttle.giveBack(reservation);
    else await this.throttle.release(reservation);
    const user = await this.users.findForAuth(candidate.id);
    if (!user) throw new UnauthorizedException('Wrong email or password');
    return user;
  }

  /** After the password: a session, or (with a second factor set up) the challenge for the code. */
  async login(user: UserWithHubs, ip: string | null): Promise<Session | SecondFactorChallenge> {
    return user.secondFactorConfirmedAt ? this.secondFactor.challenge(user) : this.startSession(user, ip);
  }

  /** The second step of signing in: a session when the code or recovery code is right. */
  async loginWithSecondFactor(request: SecondFactorLoginRequest, ip: string | null): Promise<Session> {
    return this.startSession(await this.secondFactor.completeSignIn(request, ip), ip);
  }

  private async startSession(user: UserWithHubs, ip: string | null): Promise<Session> {
    return this.dataSource.transaction(async (manager) => {
      const familyId = randomUUID();
      const refreshToken = await this.issueRefreshToken(manager, user.id, familyId, null);
      await this.audit.record({ actor: { id: user.id, ip }, action: 'login', entityType: 'user', entityId: user.id }, manager);
      return { response: this.issueAccessToken(user, familyId), refreshToken };
    });
  }

  async refresh(presented: string | undefined, ip: string | null): Promise<Session> {
    if (!presented) throw new UnauthorizedException('No session');
    const session = await this.dataSource.transaction(async (manager) => {
      const [token]: { id: string; familyId: string; userId: string; spent: boolean; ended: boolean }[] = await manager.query(
        `SELECT id, family_id AS "familyId", user_id AS "userId", (used_at IS NOT NULL OR revoked_at IS NOT NULL) AS spent,
                (expires_at <= now() OR session_started_at <= now() - make_interval(hours => $2::int)) AS ended
           FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
        [sha256(presented), this.config.get('SESSION_MAX_HOURS', { infer: true })],
      );
      if (!token) return null;
      if (token.spent) {
        await this.revokeFamily(manager, token.familyId);
        await this.audit.record(
          { actor: { id: token.userId, ip }, action: 'token_reuse', entityType: 'session', entityId: token.familyId },
          manager,
        );
        return 'revoked' as const;
      }
      if (token.ended) return null;
      const user = await this.users.findForAuth(token.userId);
      if (!user?.active) return null;
      await manager.update(RefreshTokenEntity, { id: token.id }, { usedAt: new Date() });
      const refreshToken = await this.issueRefreshToken(manager, user.id, token.familyId, token.id);
      return { response: this.issueAccessToken(user, token.familyId), refreshToken };
    });
    if (!session || session === 'revoked') throw new UnauthorizedException('Session ended; sign in again');
    return session;
  }

  async logout(presented: string | undefined, ip: string | null): Promise<void> {
    if (!presented) return;
    await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOneBy(RefreshTokenEntity, { tokenHash: sha256(presented) });
      if (!token) return;
      await this.revokeFamily(manager, token.familyId);
      await this.audit.record({ actor: { id: token.userId, ip }, action: 'logout', entityType: 'session', entityId: token.familyId }, manager);
    });
  }

  /**
   * The signed-in user's own password. A wrong current password is a form error (400 on
   * currentPassword, not 401, which would sign the client out) and counts like a failed sign-in, so a
   * session left open cannot be used to guess the password: the same lockout applies.
   */
  async changePassword(actor: Actor, sessionId: string, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.users.findWithPassword(actor.id);
    if (!account) throw new UnauthorizedException();
    const reservation = await this.throttle.reserve(account.email, actor.ip);
    if (!reservation) {
      await this.audit.record({ actor, action: 'password_refused', entityType: 'user', entityId: actor.id, details: { reason: 'locked' } });
      throw new AccountLockedException();
    }
    if (!(await this.passwords.verify(account.passwordHash, currentPassword))) {
      await this.throttle.recordFailure(reservation);
      await this.audit.record({ actor, action: 'password_refused', entityType: 'user', entityId: actor.id, details: { reason: 'wrong_password' } });
      throw ValidationFailedException.forField('currentPassword', 'currentPassword', 'currentPassword is not your current password');
    }
    await this.throttle.release(reservation);
    if (newPassword === currentPassword) {
      throw ValidationFailedException.forField('newPassword', 'notCurrentPassword', 'newPassword must differ from the current password');
    }
    await this.users.changeOwnPassword(actor, sessionId, newPassword);
  }

  /** Is this sign-in still open (not signed out, not older than SESSION_MAX_HOURS)? Checked with every access token. */
  async isSessionActive(familyId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM refresh_tokens
        WHERE family_id = $1 AND revoked_at IS NULL AND session_started_at > now() - make_interval(hours => $2::int) LIMIT 1`,
      [familyId, this.config.get('SESSION_MAX_HOURS', { infer: true })],
    );
    return rows.length > 0;
  }

  toCurrentUser(user: UserWithHubs): CurrentUser {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      language: user.language,
      hubIds: user.hubIds,
      countryCodes: user.countryCodes,
      ...(user.mustChangePassword ? { mustChangePassword: true as const } : {}),
      ...(mustEnrolSecondFactor(user, this.secondFactor.requiredRoles()) ? { mustEnrolSecondFactor: true as const } : {}),
    };
  }

  private issueAccessToken(user: UserWithHubs, familyId: string): LoginResponse {
    const payload: AccessTokenPayload = { sub: user.id, sid: familyId };
    const expiresIn = this.config.get('ACCESS_TOKEN_TTL_SECONDS', { infer: true });
    return { accessToken: this.jwt.sign(payload, { expiresIn }), expiresIn, user: this.toCurrentUser(user) };
  }

  /**
   * A new token of the family: its sign-in started now (no previous token) or when the previous token's
   * did; it expires after the idle limit, or earlier when the sign-in reaches its maximum age.
   */
  private async issueRefreshToken(manager: EntityManager, userId: string, familyId: string, previousTokenId: string | null): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO refresh_tokens (family_id, user_id, token_hash, session_started_at, expires_at)
       SELECT $1, $2, $3, s.started, least(now() + make_interval(mins => $5::int), s.started + make_interval(hours => $6::int))
         FROM (SELECT coalesce((SELECT session_started_at FROM refresh_tokens WHERE id = $4::uuid), now()) AS started) s`,
      [
        familyId,
        userId,
        sha256(token),
        previousTokenId,
        this.config.get('SESSION_IDLE_MINUTES', { infer: true }),
        this.config.get('SESSION_MAX_HOURS', { infer: true }),
      ],
    );
    return token;
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
