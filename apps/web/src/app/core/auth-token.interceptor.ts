// Adds the bearer token to API calls; on a 401 it refreshes the session once and replays the call.
import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { AUTH_ROUTES } from '@mih/contracts';
import { catchError, switchMap, throwError } from 'rxjs';
import { toApiError } from './api-error';
import { AuthService } from './auth.service';

/** Calls that manage the session itself: a 401 from them is an answer, not an expired token. */
const SESSION_CALLS: readonly string[] = [AUTH_ROUTES.login, AUTH_ROUTES.loginSecondFactor, AUTH_ROUTES.refresh, AUTH_ROUTES.logout];

export const authTokenInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/')) return next(req);
  const auth = inject(AuthService);
  if (SESSION_CALLS.includes(req.url)) return next(withToken(req, auth.token()));

  return next(withToken(req, auth.token())).pipe(
    catchError((err: unknown) => {
      if (!(err instanceof HttpErrorResponse) || err.status !== 401) return throwError(() => err);
      return auth.refresh().pipe(
        catchError((refreshError: unknown) => {
          if (toApiError(refreshError).statusCode === 401) auth.endSession('expired');
          return throwError(() => err);
        }),
        // The replay goes straight to the next handler: a second 401 is final.
        switchMap(() => next(withToken(req, auth.token()))),
      );
    }),
  );
};

function withToken(req: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}
