// The session across a lost link: the last user resumes offline when the server gives no answer at
// start (and only then), a sign-out with no link is completed at the next start, and nothing of the
// user lands in localStorage.
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AUTH_ROUTES } from '@mih/contracts';
import { adminUser, loginResponse } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { OFFLINE_SESSION_MAX_MS, OfflineSessionStore } from '../offline/offline-session.store';
import { sharedOfflineDb } from '../offline/offline-db';
import { authTokenInterceptor } from './auth-token.interceptor';
import { AuthService } from './auth.service';
import { errorInterceptor } from './error.interceptor';

describe('the session when the link is down', () => {
  let auth: AuthService;
  let http: HttpTestingController;

  /** Lets IndexedDB (fake-indexeddb) and the HTTP testing backend take turns. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  /** A start of the app: a fresh AuthService over the same browser storage. */
  function startApp(): void {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'login', children: [] }]),
        provideHttpClient(withInterceptors([errorInterceptor, authTokenInterceptor])),
        provideHttpClientTesting(),
        provideTestTransloco(),
      ],
    });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
  }

  beforeEach(async () => {
    localStorage.clear();
    await sharedOfflineDb().sessions.clear();
    startApp();
  });

  afterEach(() => http.verify());

  async function signIn(): Promise<void> {
    auth.login('admin@example.org', 'Demo-2026!').subscribe();
    http.expectOne(AUTH_ROUTES.login).flush(loginResponse('token-1'));
    await settle();
  }

  async function restartWith(answer: 'no answer' | 401 | 503): Promise<boolean> {
    startApp();
    const restoring = auth.restoreSession();
    await settle();
    const refresh = http.expectOne(AUTH_ROUTES.refresh);
    if (answer === 'no answer') refresh.error(new ProgressEvent('error'));
    else refresh.flush({ statusCode: answer, code: answer === 401 ? 'unauthorized' : 'service_unavailable', message: 'x' }, { status: answer, statusText: 'x' });
    return restoring;
  }

  it('resumes the last user offline when the server cannot be reached, and never writes them to localStorage', async () => {
    await signIn();
    expect(JSON.stringify({ ...localStorage })).not.toContain(adminUser.email);

    expect(await restartWith('no answer')).toBe(true);
    expect(auth.user()).toEqual(adminUser);
    expect(auth.offline()).toBe(true);
    expect(auth.token()).toBeNull();
  });

  it('keeps nobody for offline resume after a right password alone, nor while a second factor is owed; only after both steps', async () => {
    auth.login('admin@example.org', 'Demo-2026!').subscribe();
    http.expectOne(AUTH_ROUTES.login).flush({ secondFactor: 'totp', challengeToken: 'challenge-1', expiresIn: 300 });
    await settle();
    expect(auth.isSignedIn()).toBe(false);
    expect(await restartWith('no answer')).toBe(false);

    auth.login('admin@example.org', 'Demo-2026!').subscribe();
    http.expectOne(AUTH_ROUTES.login).flush(loginResponse('token-restricted', { ...adminUser, mustEnrolSecondFactor: true }));
    await settle();
    expect(await restartWith('no answer')).toBe(false);

    auth.loginWithSecondFactor({ challengeToken: 'challenge-2', code: '123456' }).subscribe();
    http.expectOne(AUTH_ROUTES.loginSecondFactor).flush(loginResponse('token-2'));
    await settle();
    expect(await restartWith('no answer')).toBe(true);
    expect(auth.user()).toEqual(adminUser);
    expect(auth.token()).toBeNull();
  });

  it('a gateway that cannot reach the API (503) counts as no answer; a 401 is an answer: signed out', async () => {
    await signIn();
    expect(await restartWith(503)).toBe(true);
    expect(await restartWith(401)).toBe(false);
    expect(auth.user()).toBeNull();
    await settle();
    // The server ended that session: nobody resumes it offline afterwards.
    expect(await restartWith('no answer')).toBe(false);
  });

  it('back in touch, an offline session becomes a real one, or ends if the server ended it', async () => {
    await signIn();
    await restartWith('no answer');
    auth.reconnect();
    http.expectOne(AUTH_ROUTES.refresh).flush(loginResponse('token-2'));
    expect(auth.offline()).toBe(false);
    expect(auth.token()).toBe('token-2');
  });

  it('does not resume a user who signed out, nor one last seen online too long ago', async () => {
    await signIn();
    const signingOut = auth.logout();
    http.expectOne(AUTH_ROUTES.logout).flush(null);
    await signingOut;
    await settle();
    expect(await restartWith('no answer')).toBe(false);

    await signIn();
    expect(await new OfflineSessionStore().last(Date.now() + OFFLINE_SESSION_MAX_MS + 1)).toBeNull();
  });

  it('a sign-out that could not reach the server is completed at the next start instead of resuming the session', async () => {
    await signIn();
    const signingOut = auth.logout();
    http.expectOne(AUTH_ROUTES.logout).error(new ProgressEvent('error'));
    await signingOut;
    expect(auth.user()).toBeNull();

    startApp();
    const restoring = auth.restoreSession();
    http.expectOne(AUTH_ROUTES.logout).flush(null); // revokes the refresh cookie first
    expect(await restoring).toBe(false);
    http.expectNone(AUTH_ROUTES.refresh);
    expect(localStorage.getItem('mih.signOutPending')).toBeNull();
  });
});
