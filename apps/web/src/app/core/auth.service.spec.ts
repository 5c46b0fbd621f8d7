import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AUTH_ROUTES, type LoginResponse } from '@mih/contracts';
import { adminUser, loginResponse } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { authTokenInterceptor } from './auth-token.interceptor';
import { AuthService } from './auth.service';
import { errorInterceptor } from './error.interceptor';

describe('AuthService', () => {
  let auth: AuthService;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
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
  });

  afterEach(() => http.verify());

  it('signs in, keeps the access token in memory only, and exposes the user', () => {
    let signedIn: unknown;
    auth.login('admin@example.org', 'Demo-2026!').subscribe((user) => (signedIn = user));
    const req = http.expectOne(AUTH_ROUTES.login);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'admin@example.org', password: 'Demo-2026!' });
    req.flush(loginResponse('token-abc'));

    expect(signedIn).toEqual(adminUser);
    expect(auth.token()).toBe('token-abc');
    expect(auth.isSignedIn()).toBe(true);
    expect(auth.role()).toBe('admin');
    const stored = [
      ...Object.keys(localStorage).map((k) => localStorage.getItem(k)),
      ...Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k)),
      document.cookie,
    ].join('|');
    expect(stored).not.toContain('token-abc');
  });

  it('changes the password and lifts the forced change on the signed-in user', () => {
    auth.login('nuevo@example.org', 'Admin-typed-it-42').subscribe();
    http.expectOne(AUTH_ROUTES.login).flush(loginResponse('token-forced', { ...adminUser, mustChangePassword: true }));
    expect(auth.user()?.mustChangePassword).toBe(true);

    let done = false;
    auth.changePassword('Admin-typed-it-42', 'Mi-propia-clave-2027').subscribe(() => (done = true));
    const req = http.expectOne(AUTH_ROUTES.changePassword);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ currentPassword: 'Admin-typed-it-42', newPassword: 'Mi-propia-clave-2027' });
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-forced');
    req.flush(null, { status: 204, statusText: 'No Content' });

    expect(done).toBe(true);
    expect(auth.user()).toEqual(adminUser);
    expect(auth.isSignedIn()).toBe(true);
  });

  it('shares one refresh request between concurrent callers (refresh tokens rotate)', () => {
    const results: LoginResponse[] = [];
    auth.refresh().subscribe((r) => results.push(r));
    auth.refresh().subscribe((r) => results.push(r));
    auth.refresh().subscribe((r) => results.push(r));

    const req = http.expectOne(AUTH_ROUTES.refresh); // fails if a second request went out
    expect(req.request.method).toBe('POST');
    req.flush(loginResponse('token-new'));

    expect(results.map((r) => r.accessToken)).toEqual(['token-new', 'token-new', 'token-new']);
    expect(auth.token()).toBe('token-new');
  });

  it('starts a new refresh once the previous one has finished', () => {
    auth.refresh().subscribe();
    http.expectOne(AUTH_ROUTES.refresh).flush(loginResponse('token-1'));
    auth.refresh().subscribe();
    http.expectOne(AUTH_ROUTES.refresh).flush(loginResponse('token-2'));
    expect(auth.token()).toBe('token-2');
  });

  it('restores no session when the refresh cookie is missing, without failing', async () => {
    const restoring = auth.restoreSession();
    http.expectOne(AUTH_ROUTES.refresh).flush({ statusCode: 401, code: 'unauthorized', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
    await expect(restoring).resolves.toBe(false);
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.token()).toBeNull();
  });

  it('forgets the token and the user on sign-out', async () => {
    auth.login('admin@example.org', 'x').subscribe();
    http.expectOne(AUTH_ROUTES.login).flush(loginResponse('token-abc'));
    const out = auth.logout();
    const req = http.expectOne(AUTH_ROUTES.logout);
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-abc');
    req.flush(null, { status: 204, statusText: 'No Content' });
    await out;
    expect(auth.token()).toBeNull();
    expect(auth.user()).toBeNull();
  });

  it('remembers a language change on the signed-in user', async () => {
    auth.login('admin@example.org', 'x').subscribe();
    http.expectOne(AUTH_ROUTES.login).flush(loginResponse('token-abc'));
    await auth.changeLanguage('fr');
    const req = http.expectOne(AUTH_ROUTES.me);
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ language: 'fr' });
    req.flush({ ...adminUser, language: 'fr' });
    expect(auth.user()?.language).toBe('fr');
    expect(localStorage.getItem('mih.lang')).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('changes the language without calling the API when signed out', async () => {
    await auth.changeLanguage('en');
    http.expectNone(AUTH_ROUTES.me);
    expect(localStorage.getItem('mih.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
