// Email + password sign-in (passport-local). The body is validated first so a malformed login answers
// 400 naming the field, like every other endpoint, instead of passport's bare 401.
import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { UnauthorizedException } from '../../common/api-exception';
import { validateBody } from '../../common/validation';
import { UserWithHubs } from '../users/users.service';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/auth.dto';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: FastifyRequest, email: string, password: string): Promise<UserWithHubs> {
    return this.auth.validateCredentials(email.trim(), password, request.ip ?? null);
  }
}

@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await validateBody(LoginDto, context.switchToHttp().getRequest<FastifyRequest>().body);
    return (await super.canActivate(context)) as boolean;
  }

  // Let our typed exceptions (423/429 lockout) through instead of passport's generic 401.
  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user) throw new UnauthorizedException('Wrong email or password');
    return user;
  }
}
