// Route and parameter decorators shared by every controller.
import { applyDecorators, createParamDecorator, ExecutionContext, ParseUUIDPipe, Param, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '@mih/contracts';
import { ValidationFailedException } from './api-exception';
import type { Actor } from './actor';

export const IS_PUBLIC = 'isPublic';
/** Opens a route to callers without an access token; every other route requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ROLES_KEY = 'roles';
/** Restricts a route to the listed roles (403 for the others). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiForbiddenResponse({ description: `Only ${roles.join(', ')}` }));

/** The authenticated caller with their hub scope, built once per request by the JWT strategy. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});

/** A UUID path parameter; anything else answers 400 naming the parameter. */
export const UuidParam = (name = 'id') => Param(name, new ParseUUIDPipe({ exceptionFactory: () => uuidError(name) }));

function uuidError(name: string) {
  return ValidationFailedException.forField(name, 'isUuid', `${name} must be a UUID`);
}

export const Authenticated = () => ApiBearerAuth();

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'allowedBeforePasswordChange';
/** One of the few calls a user whose password an admin set may make before choosing their own. */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

/** The caller's sign-in (refresh-token family) the access token belongs to. */
export const CurrentSessionId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<{ user: { sessionId: string } }>().user.sessionId;
});

export const ALLOWED_BEFORE_SECOND_FACTOR = 'allowedBeforeSecondFactor';
/** One of the few calls a user who must set up a second factor may make before they have. */
export const AllowedBeforeSecondFactor = () => SetMetadata(ALLOWED_BEFORE_SECOND_FACTOR, true);
