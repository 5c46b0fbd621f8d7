import { inject } from '@angular/core';
import { type CanActivateChildFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * A user whose password an admin set sees nothing but the change-password page until they choose their
 * own (the API answers 403 password_change_required to everything else meanwhile).
 */
export const passwordChangeGuard: CanActivateChildFn = (_route, state) => {
  if (!inject(AuthService).user()?.mustChangePassword || state.url.split(/[?#]/)[0] === CHANGE_PASSWORD_PATH) return true;
  return inject(Router).createUrlTree([CHANGE_PASSWORD_PATH]);
};
