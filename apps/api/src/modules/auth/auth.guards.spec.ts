// The global guards: @Roles() restricts a route (403 in the one error shape) and @Public() opens it
// without a token; everything else goes through the JWT strategy.
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@mih/contracts';
import { ForbiddenActionException, PasswordChangeRequiredException, SecondFactorEnrolmentRequiredException, UnauthorizedException } from '../../common/api-exception';
import { AllowedBeforePasswordChange, AllowedBeforeSecondFactor, Public, Roles } from '../../common/decorators';
import { JwtAuthGuard, PasswordChangeGuard, RolesGuard, SecondFactorEnrolmentGuard } from './auth.guards';

class OpenController {
  anyone() {}
  @Roles('admin') adminsOnly() {}
  @Roles('admin', 'supervisor') managers() {}
  @Public() open() {}
}

@Roles('admin')
class AdminController {
  inherited() {}
  @Roles('supervisor') overridden() {}
}

@Public()
class PublicController {
  anything() {}
}

class AccountController {
  records() {}
  @AllowedBeforePasswordChange() changePassword() {}
  @AllowedBeforeSecondFactor() enrolSecondFactor() {}
}

function context(controller: new () => object, handler: string, user?: { role: Role; mustChangePassword?: boolean; mustEnrolSecondFactor?: boolean }): ExecutionContext {
  const request = { user, headers: {} };
  return {
    getHandler: () => (controller.prototype as Record<string, unknown>)[handler],
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
  } as unknown as ExecutionContext;
}

describe('RolesGuard', () => {
  const guard = new RolesGuard(new Reflector());

  it('allows every role on a route without @Roles', () => {
    for (const role of ['admin', 'supervisor', 'staff', 'counselor'] as Role[]) {
      expect(guard.canActivate(context(OpenController, 'anyone', { role }))).toBe(true);
    }
  });

  it.each([
    ['adminsOnly', 'admin', true],
    ['adminsOnly', 'supervisor', false],
    ['adminsOnly', 'staff', false],
    ['adminsOnly', 'counselor', false],
    ['managers', 'admin', true],
    ['managers', 'supervisor', true],
    ['managers', 'staff', false],
    ['managers', 'counselor', false],
  ] as [string, Role, boolean][])('on %s, %s is allowed: %s', (handler, role, allowed) => {
    const check = () => guard.canActivate(context(OpenController, handler, { role }));
    if (allowed) expect(check()).toBe(true);
    else expect(check).toThrow(ForbiddenActionException);
  });

  it('answers the refusal as 403 forbidden in the API error shape', () => {
    try {
      guard.canActivate(context(OpenController, 'adminsOnly', { role: 'staff' }));
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ForbiddenActionException);
      expect((error as ForbiddenActionException).getStatus()).toBe(403);
      expect((error as ForbiddenActionException).getResponse()).toMatchObject({ statusCode: 403, code: 'forbidden' });
    }
  });

  it('refuses a restricted route when there is no authenticated user', () => {
    expect(() => guard.canActivate(context(OpenController, 'adminsOnly'))).toThrow(ForbiddenActionException);
  });

  it('applies @Roles on the class to every handler, and a handler @Roles overrides it', () => {
    expect(guard.canActivate(context(AdminController, 'inherited', { role: 'admin' }))).toBe(true);
    expect(() => guard.canActivate(context(AdminController, 'inherited', { role: 'supervisor' }))).toThrow(ForbiddenActionException);
    expect(guard.canActivate(context(AdminController, 'overridden', { role: 'supervisor' }))).toBe(true);
    expect(() => guard.canActivate(context(AdminController, 'overridden', { role: 'admin' }))).toThrow(ForbiddenActionException);
  });
});

describe('JwtAuthGuard', () => {
  const guard = new JwtAuthGuard(new Reflector());
  // The passport AuthGuard('jwt') the guard extends: what a non-public route is handed to.
  const passportCanActivate = jest.spyOn(Object.getPrototypeOf(JwtAuthGuard.prototype), 'canActivate');
  beforeEach(() => passportCanActivate.mockReset().mockReturnValue('checked by passport'));
  afterAll(() => passportCanActivate.mockRestore());

  it('lets a @Public() route through without a token and without asking passport', () => {
    expect(guard.canActivate(context(OpenController, 'open'))).toBe(true);
    expect(guard.canActivate(context(PublicController, 'anything'))).toBe(true);
    expect(passportCanActivate).not.toHaveBeenCalled();
  });

  it('hands every other route to the JWT strategy', () => {
    expect(guard.canActivate(context(OpenController, 'anyone'))).toBe('checked by passport');
    expect(guard.canActivate(context(OpenController, 'adminsOnly'))).toBe('checked by passport');
    expect(passportCanActivate).toHaveBeenCalledTimes(2);
  });

  it('answers 401 in the API error shape when the strategy finds no user or fails', () => {
    expect(() => guard.handleRequest(null, false)).toThrow(UnauthorizedException);
    expect(() => guard.handleRequest(new Error('jwt malformed'), false)).toThrow(UnauthorizedException);
    const own = new UnauthorizedException('Session ended; sign in again');
    expect(() => guard.handleRequest(own, false)).toThrow(own);
    const user = { id: 'u1' };
    expect(guard.handleRequest(null, user)).toBe(user);
  });
});

describe('PasswordChangeGuard', () => {
  const guard = new PasswordChangeGuard(new Reflector());

  it('lets a user who chose their password through everywhere', () => {
    expect(guard.canActivate(context(AccountController, 'records', { role: 'staff', mustChangePassword: false }))).toBe(true);
  });

  it('refuses a user whose password an admin set with 403 password_change_required, except on the allowed routes', () => {
    const forced = { role: 'staff' as Role, mustChangePassword: true };
    expect(() => guard.canActivate(context(AccountController, 'records', forced))).toThrow(PasswordChangeRequiredException);
    expect(guard.canActivate(context(AccountController, 'changePassword', forced))).toBe(true);
  });

  it('leaves public routes (no user) alone', () => {
    expect(guard.canActivate(context(PublicController, 'anything'))).toBe(true);
  });
});

describe('SecondFactorEnrolmentGuard', () => {
  const guard = new SecondFactorEnrolmentGuard(new Reflector());

  it('refuses a user who owes a second factor with 403 second_factor_enrolment_required, except on the set-up routes', () => {
    const owing = { role: 'admin' as Role, mustEnrolSecondFactor: true };
    expect(() => guard.canActivate(context(AccountController, 'records', owing))).toThrow(SecondFactorEnrolmentRequiredException);
    expect(() => guard.canActivate(context(AccountController, 'changePassword', owing))).toThrow(SecondFactorEnrolmentRequiredException);
    expect(guard.canActivate(context(AccountController, 'enrolSecondFactor', owing))).toBe(true);
    expect(guard.canActivate(context(AccountController, 'records', { role: 'admin' }))).toBe(true);
    expect(guard.canActivate(context(PublicController, 'anything'))).toBe(true);
  });
});
