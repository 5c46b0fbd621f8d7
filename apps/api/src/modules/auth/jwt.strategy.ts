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

/** What `request.user` holds on an authenticated route. */
export type AuthenticatedActor = Actor & { sessionId: string; mustChangePassword: boolean };

/**
 * Everything a request's Actor needs, in one round trip (every authenticated request runs it): the user
 * if active, their hubs, and whether this sign-in is still open — not signed out (revoked), not older
 * than SESSION_MAX_HOURS, and the user's own. Read fresh each time, so that signing out, deactivation and
 * a role or hub change end or narrow access on the very next request.
 */
const AUTH_CONTEXT_SQL = `
  SELECT u.id, u.role, u.language, u.must_change_password, u.country_codes,
         ARRAY(SELECT uh.hub_id::text FROM user_hubs uh WHERE uh.user_id = u.id ORDER BY uh.hub_id) AS hub_ids
    FROM users u
   WHERE u.id = $1 AND u.active
     AND EXISTS (SELECT 1 FROM refresh_tokens rt
                  WHERE rt.family_id = $2 AND rt.user_id = u.id AND rt.revoked_at IS NULL
                    AND rt.session_started_at > now() - make_interval(hours => $3::int))`;

interface AuthContextRow {
  id: string;
  role: Role;
  language: Language;
  must_change_password: boolean;
  country_codes: string[];
  hub_ids: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly sessionMaxHours: number;

  constructor(
    config: ConfigService<AppConfig, true>,
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const [row] = (await this.dataSource.query(AUTH_CONTEXT_SQL, [payload.sub, payload.sid, this.sessionMaxHours])) as AuthContextRow[];
    if (!row) throw new UnauthorizedException('Session ended; sign in again');
    return {
      id: row.id,
      role: row.role,
      language: row.language,
      hubIds: row.hub_ids,
      countryCodes: row.country_codes,
      scope: HubScope.forUser(row.role, row.hub_ids, row.country_codes),
      ip: request.ip ?? null,
      sessionId: payload.sid,
      mustChangePassword: row.must_change_password,
    };
  }
}
