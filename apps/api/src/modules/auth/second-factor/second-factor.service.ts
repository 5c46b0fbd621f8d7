// The TOTP second factor: enrolment (a secret, confirmed by a first code, then ten recovery codes shown
// once), the second step of signing in (a code or a recovery code against a short-lived challenge), and
// turning it off. Wrong codes count like wrong passwords (LoginThrottleService); an accepted code's time
// step is stored so that the same code cannot be used twice; secrets are sealed and never logged.
// (TypeORM answers an UPDATE's raw query with [rows, affected count]: the count is what tells.)
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role, RecoveryCodes, SecondFactorChallenge, SecondFactorEnrolment, SecondFactorLoginRequest, SecondFactorStatus } from '@mih/contracts';
import {
  AccountLockedException,
  ConflictException,
  ForbiddenActionException,
  UnauthorizedException,
  ValidationFailedException,
} from '../../../common/api-exception';
import type { Actor } from '../../../common/actor';
import type { AppConfig } from '../../../config/app-config';
import { AuditService } from '../../audit/audit.service';
import { UsersService, type UserWithHubs } from '../../users/users.service';
import { LoginThrottleService } from '../login-throttle.service';
import { clearSecondFactor } from './clear-second-factor';
import { SecretBox } from './secret-box';
import { RECOVERY_CODE_COUNT, matchingStep, newRecoveryCode, newTotpSecret, normaliseRecoveryCode, otpauthUri } from './totp';

const CHALLENGE_AUDIENCE = 'mih:second-factor';
const CHALLENGE_TTL_SECONDS = 300;

/** Must this user enrol before anything else? Their role requires it, or they chose it, and they have none. */
export function mustEnrolSecondFactor(user: { role: Role; secondFactorOn: boolean; secondFactorConfirmedAt: Date | null }, requiredRoles: Role[]): boolean {
  return !user.secondFactorConfirmedAt && (user.secondFactorOn || requiredRoles.includes(user.role));
}

@Injectable()
export class SecondFactorService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {
    this.box = new SecretBox(config.get('MFA_ENCRYPTION_KEY', { infer: true }), config.get('JWT_SECRET', { infer: true }));
  }

  requiredRoles(): Role[] {
    return this.config.get('MFA_REQUIRED_ROLES', { infer: true });
  }

  /** After a right password: no session yet, only the right to try a code for a few minutes. */
  challenge(user: UserWithHubs): SecondFactorChallenge {
    const challengeToken = this.jwt.sign({ sub: user.id }, { audience: CHALLENGE_AUDIENCE, expiresIn: CHALLENGE_TTL_SECONDS });
    return { secondFactor: 'totp', challengeToken, expiresIn: CHALLENGE_TTL_SECONDS };
  }

  /** The second step of signing in: the user whose code (or recovery code) was right, else 401/429. */
  async completeSignIn(request: SecondFactorLoginRequest, ip: string | null): Promise<UserWithHubs> {
    if (request.code !== undefined && request.recoveryCode !== undefined) {
      throw ValidationFailedException.forField('recoveryCode', 'oneOf', 'send code or recoveryCode, not both');
    }
    const userId = this.challengedUser(request.challengeToken);
    const user = userId ? await this.users.findForAuth(userId) : null;
    if (!user?.active || !user.secondFactorConfirmedAt) throw new UnauthorizedException('Sign-in step expired; sign in again');
    const reservation = await this.throttle.reserve(user.email, ip);
    if (!reservation) {
      await this.audit.record({ actor: null, action: 'login_failed', entityType: 'user', entityId: user.id, ip, details: { reason: 'locked' } });
      throw new AccountLockedException();
    }
    const refused = request.code !== undefined ? await this.spendCode(user.id, request.code) : await this.spendRecoveryCode(user.id, request.recoveryCode ?? '', ip);
    if (refused) {
      const locked = await this.throttle.recordFailure(reservation);
      await this.audit.record({ actor: null, action: 'login_failed', entityType: 'user', entityId: user.id, ip, details: { reason: refused, locked } });
      throw new UnauthorizedException('Wrong code');
    }
    await this.throttle.release(reservation);
    return user;
  }

  async status(actor: Actor): Promise<SecondFactorStatus> {
    const user = await this.users.findForAuth(actor.id);
    if (!user) throw new UnauthorizedException();
    const [{ left }]: { left: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS left FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
      [actor.id],
    );
    return { enrolled: !!user.secondFactorConfirmedAt, required: this.requiredRoles().includes(user.role), recoveryCodesLeft: user.secondFactorConfirmedAt ? left : 0 };
  }

  /** A new secret for the caller's app; replaces one not yet confirmed. Shown this once. */
  async enrol(actor: Actor): Promise<SecondFactorEnrolment> {
    const user = await this.users.findForAuth(actor.id);
    if (!user) throw new UnauthorizedException();
    if (user.secondFactorConfirmedAt) throw new ConflictException('A second factor is already set up');
    const secret = newTotpSecret();
    const [, updated]: [unknown[], number] = await this.dataSource.query(
      `UPDATE users SET second_factor_secret = $2, second_factor_last_step = NULL WHERE id = $1 AND second_factor_confirmed_at IS NULL RETURNING 1`,
      [actor.id, this.box.seal(secret)],
    );
    if (updated === 0) throw new ConflictException('A second factor is already set up');
    return { secret, otpauthUri: otpauthUri(secret, user.email) };
  }

  /** The first code from the app proves the secret is in it: the factor counts from now on. */
  async confirm(actor: Actor, code: string): Promise<RecoveryCodes> {
    const { sealed, confirmed, email } = await this.ownSecret(actor.id);
    if (confirmed) throw new ConflictException('A second factor is already set up');
    if (!sealed) throw new ConflictException('Start the set-up first (POST /api/auth/second-factor/enrol)');
    const step = await this.checkOwnCode(actor, email, sealed, code);
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    return this.dataSource.transaction(async (manager) => {
      const [, updated]: [unknown[], number] = await manager.query(
        `UPDATE users SET second_factor_confirmed_at = now(), second_factor_on = true, second_factor_last_step = $3
          WHERE id = $1 AND second_factor_secret = $2 AND second_factor_confirmed_at IS NULL RETURNING 1`,
        [actor.id, sealed, step],
      );
      if (updated === 0) throw new ConflictException('The set-up changed meanwhile; start again');
      await manager.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [actor.id]);
      await manager.query('INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::char(64)[])', [
        actor.id,
        recoveryCodes.map((c) => hashRecoveryCode(c)),
      ]);
      await this.audit.record({ actor, action: 'mfa_enrolled', entityType: 'user', entityId: actor.id, details: { recoveryCodes: recoveryCodes.length } }, manager);
      return { recoveryCodes };
    });
  }

  /** Turning it off: only where the role does not require one, and with a current code. */
  async disable(actor: Actor, code: string): Promise<void> {
    if (this.requiredRoles().includes(actor.role)) throw new ForbiddenActionException('Your role requires a second factor');
    const { sealed, confirmed, email } = await this.ownSecret(actor.id);
    if (!confirmed || !sealed) throw new ConflictException('No second factor is set up');
    await this.checkOwnCode(actor, email, sealed, code);
    await this.dataSource.transaction(async (manager) => {
      await clearSecondFactor(manager, actor.id, { keepChoice: false });
      await this.audit.record({ actor, action: 'mfa_disabled', entityType: 'user', entityId: actor.id }, manager);
    });
  }

  private challengedUser(token: string): string | null {
    try {
      const payload = this.jwt.verify<{ sub?: unknown }>(token, { audience: CHALLENGE_AUDIENCE });
      return typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }

  /** Accepts a code once: its time step must be later than the last one accepted. Returns why not, or null. */
  private async spendCode(userId: string, code: string): Promise<string | null> {
    const { sealed } = await this.ownSecret(userId);
    const secret = sealed ? this.box.open(sealed) : null;
    const step = secret ? await matchingStep(secret, code) : null;
    if (step === null) return 'wrong_code';
    const [, updated]: [unknown[], number] = await this.dataSource.query(
      `UPDATE users SET second_factor_last_step = $2
        WHERE id = $1 AND (second_factor_last_step IS NULL OR second_factor_last_step < $2) RETURNING 1`,
      [userId, step],
    );
    return updated > 0 ? null : 'replayed_code';
  }

  private async spendRecoveryCode(userId: string, code: string, ip: string | null): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const [, updated]: [unknown[], number] = await manager.query(
        'UPDATE user_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING 1',
        [userId, hashRecoveryCode(code)],
      );
      if (updated === 0) return 'wrong_recovery_code';
      const [{ left }]: { left: number }[] = await manager.query(
        'SELECT count(*)::int AS left FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
        [userId],
      );
      await this.audit.record({ actor: { id: userId, ip }, action: 'mfa_recovery_used', entityType: 'user', entityId: userId, details: { left } }, manager);
      return null;
    });
  }

  /** A code from the caller's own app, counted like a password attempt: 400 on `code` when wrong. */
  private async checkOwnCode(actor: Actor, email: string, sealed: string, code: string): Promise<number> {
    const reservation = await this.throttle.reserve(email, actor.ip);
    if (!reservation) throw new AccountLockedException();
    const secret = this.box.open(sealed);
    const step = secret ? await matchingStep(secret, code) : null;
    if (step === null) {
      await this.throttle.recordFailure(reservation);
      throw ValidationFailedException.forField('code', 'totp', 'code is not the code your authenticator app shows now');
    }
    await this.throttle.release(reservation);
    return step;
  }

  private async ownSecret(userId: string): Promise<{ sealed: string | null; confirmed: boolean; email: string }> {
    const [row]: { sealed: string | null; confirmed: boolean; email: string }[] = await this.dataSource.query(
      `SELECT second_factor_secret AS sealed, second_factor_confirmed_at IS NOT NULL AS confirmed, email FROM users WHERE id = $1`,
      [userId],
    );
    if (!row) throw new UnauthorizedException();
    return row;
  }
}

function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}
