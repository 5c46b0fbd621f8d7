// Verifies the bearer token and builds the request's Actor (role and hub scope) from the database.
import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import type { Language, Role } from '@mih/contracts';
import { UnauthorizedException } from '../../common/api-exception';
import type { AppConfig } from '../../config/app-config';
import { Actor, HubScope } from '../../common/actor';
import type { AccessTokenPayload } from './auth.service';
import { AuthContextCache } from './auth-context.cache';
import { SecondFactorService, mustEnrolSecondFactor } from './second-factor/second-factor.service';

/** What `request.user` holds on an authenticated route. */
export type AuthenticatedActor = Actor & { sessionId: string; mustChangePassword: boolean; mustEnrolSecondFactor: boolean };

/**
 * Everything a request's Actor needs, in one round trip: the user if active, their hubs, and when this
 * sign-in started if it is still open (not signed out, i.e. revoked, and the user's own). Kept between
 * requests by AuthContextCache, which drops it on any change to these rows (signing out, deactivation,
 * a role or hub change), so those end or narrow access on the very next request; the sign-in's age
 * (SESSION_MAX_HOURS) is checked on every request.
 */
const AUTH_CONTEXT_SQL = `
  SELECT u.id, u.role, u.language, u.must_change_password, u.second_factor_on, u.second_factor_confirmed_at, u.country_codes,
         ARRAY(SELECT uh.hub_id::text FROM user_hubs uh WHERE uh.user_id = u.id ORDER BY uh.hub_id) AS hub_ids,
         (SELECT max(rt.session_started_at) FROM refresh_tokens rt
           WHERE rt.family_id = $2 AND rt.user_id = u.id AND rt.revoked_at IS NULL) AS session_started_at
    FROM users u
   WHERE u.id = $1 AND u.active`;

interface AuthContextRow {
  id: string;
  role: Role;
  language: Language;
  must_change_password: boolean;
  second_factor_on: boolean;
  second_factor_confirmed_at: Date | null;
  country_codes: string[];
  hub_ids: string[];
  session_started_at: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly sessionMaxHours: number;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secondFactor: SecondFactorService,
    private readonly cache: AuthContextCache<AuthContextRow>,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not a string: jsonwebtoken otherwise tries the string as a PEM key on every request.
      // (jsonwebtoken 9 accepts KeyObjects; @types/passport-jwt only lists string | Buffer.)
      secretOrKey: createSecretKey(Buffer.from(config.get('JWT_SECRET', { infer: true }))) as unknown as string,
      algorithms: ['HS256'],
      passReqToCallback: true,
    });
    this.sessionMaxHours = config.get('SESSION_MAX_HOURS', { infer: true });
  }

  async validate(request: FastifyRequest, payload: AccessTokenPayload): Promise<AuthenticatedActor> {
    // Signed by us, but checked anyway: a malformed id would otherwise reach PostgreSQL as a uuid cast error.
    if (typeof payload?.sub !== 'string' || typeof payload?.sid !== 'string' || !UUID.test(payload.sub) || !UUID.test(payload.sid)) {
      throw new UnauthorizedException();
    }
    const row = await this.authContext(payload.sub, payload.sid);
    const maxAgeMs = this.sessionMaxHours * 3_600_000;
    if (!row?.session_started_at || Date.now() - row.session_started_at.getTime() >= maxAgeMs) {
      throw new UnauthorizedException('Session ended; sign in again');
    }
    return {
      id: row.id,
      role: row.role,
      language: row.language,
      // Copies: the row may be the cached one, shared by every request of this sign-in.
      hubIds: [...row.hub_ids],
      countryCodes: [...row.country_codes],
      scope: HubScope.forUser(row.role, [...row.hub_ids], [...row.country_codes]),
      ip: request.ip ?? null,
      sessionId: payload.sid,
      mustChangePassword: row.must_change_password,
      mustEnrolSecondFactor: mustEnrolSecondFactor(
        { role: row.role, secondFactorOn: row.second_factor_on, secondFactorConfirmedAt: row.second_factor_confirmed_at },
        this.secondFactor.requiredRoles(),
      ),
    };
  }

  private async authContext(userId: string, sessionId: string): Promise<AuthContextRow | undefined> {
    const cached = this.cache.get(sessionId);
    if (cached?.id === userId) return cached;
    const generation = this.cache.currentGeneration();
    const [row] = (await this.dataSource.query(AUTH_CONTEXT_SQL, [userId, sessionId])) as AuthContextRow[];
    if (row) this.cache.set(sessionId, userId, row, generation);
    return row;
  }
}
