// Verifies the bearer token and builds the request's Actor (role and hub scope) from the database.
import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { UnauthorizedException } from '../../common/api-exception';
import type { AppConfig } from '../../config/app-config';
import { UsersService } from '../users/users.service';
import { Actor, HubScope } from '../../common/actor';
import { AccessTokenPayload, AuthService } from './auth.service';
import { SecondFactorService, mustEnrolSecondFactor } from './second-factor/second-factor.service';

/** What `request.user` holds on an authenticated route. */
export type AuthenticatedActor = Actor & { sessionId: string; mustChangePassword: boolean; mustEnrolSecondFactor: boolean };

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly secondFactor: SecondFactorService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not a string: jsonwebtoken otherwise tries the string as a PEM key on every request.
      // (jsonwebtoken 9 accepts KeyObjects; @types/passport-jwt only lists string | Buffer.)
      secretOrKey: createSecretKey(Buffer.from(config.get('JWT_SECRET', { infer: true }))) as unknown as string,
      algorithms: ['HS256'],
      passReqToCallback: true,
    });
  }

  async validate(request: FastifyRequest, payload: AccessTokenPayload): Promise<AuthenticatedActor> {
    if (typeof payload?.sub !== 'string' || typeof payload?.sid !== 'string') throw new UnauthorizedException();
    const [user, sessionActive] = await Promise.all([this.users.findForAuth(payload.sub), this.auth.isSessionActive(payload.sid)]);
    if (!user?.active || !sessionActive) throw new UnauthorizedException('Session ended; sign in again');
    return {
      id: user.id,
      role: user.role,
      language: user.language,
      hubIds: user.hubIds,
      countryCodes: user.countryCodes,
      scope: HubScope.forUser(user.role, user.hubIds, user.countryCodes),
      ip: request.ip ?? null,
      sessionId: payload.sid,
      mustChangePassword: user.mustChangePassword,
      mustEnrolSecondFactor: mustEnrolSecondFactor(user, this.secondFactor.requiredRoles()),
    };
  }
}
