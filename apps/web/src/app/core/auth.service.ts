// The session: who is signed in and their access token (kept in memory only; the refresh token is an
// httpOnly cookie the browser sends to /api/auth). Refresh tokens rotate on every use, so at most one
// refresh request is ever in flight and everyone waiting for a token shares it. When the app starts with
// no way to reach the server, the last user of this browser resumes "offline" (the outbox keeps working
// for them) until the server can be asked again.
import { HttpClient } from '@angular/common/http';
import { DOCUMENT, DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  AUTH_ROUTES,
  type ChangePasswordRequest,
  type CurrentUser,
  isSecondFactorChallenge,
  type Language,
  type LoginAnswer,
  type LoginResponse,
  type SecondFactorChallenge,
  type SecondFactorLoginRequest,
  type UpdateMeRequest,
} from '@mih/contracts';
import { type Observable, catchError, finalize, firstValueFrom, from, map, of, shareReplay, tap } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { OfflineSessionStore } from '../offline/offline-session.store';
import { isNoAnswer, toApiError } from './api-error';
import { UserActivityService } from './user-activity.service';

/** The API ends a session after this long without a refresh; the app signs out after as long idle. */
export const SESSION_IDLE_MS = 60 * 60 * 1000;
/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_MS = 60 * 1000;
const IDLE_CHECK_INTERVAL_MS = 30 * 1000;
/**
 * Set when a sign-out could not reach the server (no link): the refresh cookie is still valid there, so
 * the next start revokes it first instead of picking the session up again. Holds no personal data.
 */
const SIGN_OUT_PENDING_KEY = 'mih.signOutPending';

export type SessionEndReason = 'expired' | 'idle';

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  private readonly activity = inject(UserActivityService);
  private readonly offlineSessions = inject(OfflineSessionStore);

  private accessToken: string | null = null;
  private tokenIssuedAt = 0;
  private readonly currentUser = signal<CurrentUser | null>(null);
  private readonly resumedOffline = signal(false);
  private refreshInFlight: Observable<LoginResponse> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setInterval> | undefined;

  readonly user = this.currentUser.asReadonly();
  readonly isSignedIn = computed(() => this.currentUser() !== null);
  readonly role = computed(() => this.currentUser()?.role ?? null);
  /** Signed in from this browser's memory because the server could not be reached at start. */
  readonly offline = this.resumedOffline.asReadonly();

  constructor() {
    const win = inject(DOCUMENT).defaultView;
    const onOnline = () => this.reconnect();
    win?.addEventListener('online', onOnline);
    inject(DestroyRef).onDestroy(() => {
      win?.removeEventListener('online', onOnline);
      this.stopTimers();
    });
  }

  /** The access token for the `Authorization` header, or null when signed out. */
  token(): string | null {
    return this.accessToken;
  }

  /**
   * The password step: the signed-in user, or (an account with a second factor) the challenge that
   * `loginWithSecondFactor` completes. A challenge is no session: nothing is kept, not even for offline.
   */
  login(email: string, password: string): Observable<CurrentUser | SecondFactorChallenge> {
    return this.http.post<LoginAnswer>(AUTH_ROUTES.login, { email, password }).pipe(
      map((answer) => (isSecondFactorChallenge(answer) ? answer : this.signedIn(answer))),
    );
  }

  /** The second step: a code from the authenticator app, or one recovery code. */
  loginWithSecondFactor(request: SecondFactorLoginRequest): Observable<CurrentUser> {
    return this.http.post<LoginResponse>(AUTH_ROUTES.loginSecondFactor, request).pipe(map((res) => this.signedIn(res)));
  }

  /** The account now has its second factor: the session is no longer restricted. */
  secondFactorEnrolled(): void {
    const user = this.currentUser();
    if (!user?.mustEnrolSecondFactor) return;
    const { mustEnrolSecondFactor: _done, ...enrolled } = user;
    this.currentUser.set(enrolled);
    this.offlineSessions.remember(enrolled);
  }

  private signedIn(res: LoginResponse): CurrentUser {
    writeFlag(SIGN_OUT_PENDING_KEY, false);
    this.startSession(res);
    return res.user;
  }

  /** Trades the refresh cookie for a new access token. Concurrent callers share one request. */
  refresh(): Observable<LoginResponse> {
    this.refreshInFlight ??= this.http.post<LoginResponse>(AUTH_ROUTES.refresh, null).pipe(
      tap((res) => this.startSession(res)),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /**
   * At start-up: picks up the session the refresh cookie still holds, if any; with no answer from the
   * server, the last user of this browser resumes offline. Never fails.
   */
  async restoreSession(): Promise<boolean> {
    if (readFlag(SIGN_OUT_PENDING_KEY)) {
      if (await this.revokeRefreshCookie()) writeFlag(SIGN_OUT_PENDING_KEY, false);
      return false;
    }
    return firstValueFrom(
      this.refresh().pipe(
        map(() => true),
        // No answer (or a gateway's): the server may be fine, the link is not. Anything else is an answer.
        catchError((err: unknown) => {
          if (isNoAnswer(toApiError(err))) return from(this.resumeOffline());
          this.offlineSessions.forget(); // the server ended it: nobody resumes it offline either
          return of(false);
        }),
      ),
    );
  }

  /** Back in touch with the server after an offline start: a real session, or the sign-in page. */
  reconnect(): void {
    if (!this.resumedOffline()) return;
    this.refresh().subscribe({
      error: (err: unknown) => toApiError(err).statusCode === 401 && this.endSession('expired'),
    });
  }

  async logout(): Promise<void> {
    if (!(await this.revokeRefreshCookie())) writeFlag(SIGN_OUT_PENDING_KEY, true);
    this.offlineSessions.forget();
    this.clearSession();
    await this.router.navigateByUrl('/login');
  }

  /** The session is gone (expired, or idle too long): back to the sign-in page, which says why. */
  endSession(reason: SessionEndReason): void {
    if (reason === 'idle') {
      // Revoke the refresh token too, so nobody can pick the session up on this shared computer.
      this.http.post<void>(AUTH_ROUTES.logout, null).pipe(catchError(() => of(undefined))).subscribe();
    }
    const wasSignedIn = this.isSignedIn();
    this.offlineSessions.forget();
    this.clearSession();
    if (wasSignedIn || reason === 'expired') {
      void this.router.navigate(['/login'], { queryParams: { session: 'ended' } });
    }
  }

  /** The user's own password; the server ends their other sign-ins and keeps this one, now unrestricted. */
  changePassword(currentPassword: string, newPassword: string): Observable<void> {
    const body: ChangePasswordRequest = { currentPassword, newPassword };
    return this.http.post<void>(AUTH_ROUTES.changePassword, body).pipe(
      tap(() => {
        const user = this.currentUser();
        if (!user?.mustChangePassword) return;
        const { mustChangePassword: _chosen, ...chosen } = user;
        this.currentUser.set(chosen);
        if (!chosen.mustEnrolSecondFactor) this.offlineSessions.remember(chosen);
      }),
    );
  }

  /** Switches the UI language and, when signed in, remembers it on the user's account. */
  async changeLanguage(lang: Language): Promise<void> {
    await this.language.use(lang);
    if (!this.isSignedIn() || this.currentUser()?.language === lang) return;
    const body: UpdateMeRequest = { language: lang };
    this.http
      .patch<CurrentUser>(AUTH_ROUTES.me, body)
      .pipe(catchError(() => of(null)))
      .subscribe((user) => user && this.currentUser.set(user));
  }

  private startSession(res: LoginResponse): void {
    const firstStart = this.currentUser() === null;
    this.accessToken = res.accessToken;
    this.tokenIssuedAt = Date.now();
    this.resumedOffline.set(false);
    this.currentUser.set(res.user);
    // Offline resume is for a full session only: one still owing its second factor is not kept.
    if (res.user.mustEnrolSecondFactor) this.offlineSessions.forget();
    else this.offlineSessions.remember(res.user);
    if (firstStart) {
      this.activity.touch();
      void this.language.use(res.user.language);
    }
    this.scheduleRefresh(res.expiresIn);
    this.idleTimer ??= setInterval(() => this.checkIdle(), IDLE_CHECK_INTERVAL_MS);
  }

  /** Ends the session on the server; false when the server could not be reached. */
  private async revokeRefreshCookie(): Promise<boolean> {
    return firstValueFrom(
      this.http.post<void>(AUTH_ROUTES.logout, null).pipe(
        map(() => true),
        catchError((err: unknown) => of(!isNoAnswer(toApiError(err)))),
      ),
    );
  }

  /** The last user of this browser, signed in without the server (see OfflineSessionStore). */
  private async resumeOffline(): Promise<boolean> {
    const user = await this.offlineSessions.last();
    if (!user) return false;
    this.resumedOffline.set(true);
    this.currentUser.set(user);
    this.activity.touch();
    this.idleTimer ??= setInterval(() => this.checkIdle(), IDLE_CHECK_INTERVAL_MS);
    return true;
  }

  /**
   * Renews the token shortly before it expires, but only if someone used the app since it was issued:
   * an unattended screen lets the token lapse, and the API's idle limit then ends the session.
   */
  private scheduleRefresh(expiresInSeconds: number): void {
    clearTimeout(this.refreshTimer);
    const delay = Math.max(expiresInSeconds * 1000 - REFRESH_MARGIN_MS, (expiresInSeconds * 1000) / 2);
    this.refreshTimer = setTimeout(() => {
      if (this.activity.lastActivityAt > this.tokenIssuedAt) {
        this.refresh().subscribe({
          error: (err: unknown) => toApiError(err).statusCode === 401 && this.endSession('expired'),
        });
      }
    }, delay);
  }

  private checkIdle(): void {
    if (this.isSignedIn() && Date.now() - this.activity.lastActivityAt >= SESSION_IDLE_MS) {
      this.endSession('idle');
      return;
    }
    this.reconnect();
  }

  private clearSession(): void {
    this.accessToken = null;
    this.currentUser.set(null);
    this.resumedOffline.set(false);
    this.refreshInFlight = null;
    this.stopTimers();
  }

  private stopTimers(): void {
    clearTimeout(this.refreshTimer);
    clearInterval(this.idleTimer);
    this.refreshTimer = undefined;
    this.idleTimer = undefined;
  }
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1';
  } catch {
    return false;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(key, '1');
    else localStorage.removeItem(key);
  } catch {
    // Storage refused (private mode): the sign-out is then only as good as the server's answer.
  }
}
