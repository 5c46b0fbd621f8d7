import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import type { Role } from '@mih/contracts';
import { AuthService } from './auth.service';

/** Lets only the given roles in (their lazy chunk is not even loaded for others); the rest go home. */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return () => {
    const role = inject(AuthService).role();
    return role !== null && roles.includes(role) ? true : inject(Router).createUrlTree(['/home']);
  };
}

/** Matches only for the given roles, letting the router try the next route otherwise (one path, a page per role). */
export function hasRole(...roles: Role[]): CanMatchFn {
  return () => {
    const role = inject(AuthService).role();
    return role !== null && roles.includes(role);
  };
}
