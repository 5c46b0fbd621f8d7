import { inject } from '@angular/core';
import { type CanActivateChildFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

export const SECOND_FACTOR_PATH = '/account/second-factor';

/**
 * An account that must have a second factor and has none sees nothing but the page that sets one up
 * (the API answers 403 second_factor_enrolment_required to everything else meanwhile). A password an
 * admin set comes first: passwordChangeGuard sends the user there before this guard does anything.
 */
export const secondFactorGuard: CanActivateChildFn = (_route, state) => {
  const user = inject(AuthService).user();
  if (!user?.mustEnrolSecondFactor || user.mustChangePassword || state.url.split(/[?#]/)[0] === SECOND_FACTOR_PATH) return true;
  return inject(Router).createUrlTree([SECOND_FACTOR_PATH]);
};
