import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import { AuthService } from './auth.service';

/** Signed-in users only; others go to the sign-in page, which brings them back afterwards. */
export const authGuard: CanMatchFn = () => {
  if (inject(AuthService).isSignedIn()) return true;
  const router = inject(Router);
  const navigation = router.currentNavigation();
  const returnUrl = navigation ? router.serializeUrl(navigation.extractedUrl) : '/';
  return router.createUrlTree(['/login'], returnUrl === '/' ? {} : { queryParams: { returnUrl } });
};

/** The sign-in page is for signed-out visitors; a signed-in user goes home. */
export const guestGuard: CanMatchFn = () =>
  inject(AuthService).isSignedIn() ? inject(Router).createUrlTree(['/home']) : true;
