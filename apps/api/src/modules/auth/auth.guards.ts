// The global guards: every route needs a valid access token unless marked @Public(), a user whose
// password an admin set may only choose their own (403 password_change_required elsewhere), one who must
// set up a second factor may only do that (403 second_factor_enrolment_required), and @Roles()
// restricts a route to some roles (403 for the others).
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@mih/contracts';
import {
  ForbiddenActionException,
  PasswordChangeRequiredException,
  SecondFactorEnrolmentRequiredException,
  UnauthorizedException,
} from '../../common/api-exception';
import { isDatabaseUnavailable } from '../../common/database-unavailable';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, ALLOWED_BEFORE_SECOND_FACTOR, IS_PUBLIC, ROLES_KEY } from '../../common/decorators';
import type { Actor } from '../../common/actor';

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // A session check that could not reach the database is "try again" (503), not "signed out" (401).
    if (isDatabaseUnavailable(err)) throw err;
    if (err) throw err instanceof UnauthorizedException ? err : new UnauthorizedException();
    if (!user) throw new UnauthorizedException();
    return user;
  }
}

@Injectable()
export class PasswordChangeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<{ user?: { mustChangePassword?: boolean } }>().user;
    if (!actor?.mustChangePassword) return true; // public routes have no actor
    const allowed = this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, [context.getHandler(), context.getClass()]);
    if (!allowed) throw new PasswordChangeRequiredException();
    return true;
  }
}

/** Like PasswordChangeGuard, for an account that must set up a second factor and has none. */
@Injectable()
export class SecondFactorEnrolmentGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const actor = context.switchToHttp().getRequest<{ user?: { mustEnrolSecondFactor?: boolean } }>().user;
    if (!actor?.mustEnrolSecondFactor) return true;
    const allowed = this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_SECOND_FACTOR, [context.getHandler(), context.getClass()]);
    if (!allowed) throw new SecondFactorEnrolmentRequiredException();
    return true;
  }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (!actor || !roles.includes(actor.role)) throw new ForbiddenActionException();
    return true;
  }
}
