import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { type ApiError, AUTH_ROUTES } from '@mih/contracts';
import { loginResponse } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { authTokenInterceptor } from './auth-token.interceptor';
import { AuthService } from './auth.service';
import { errorInterceptor } from './error.interceptor';

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const unauthorizedBody: ApiError = { statusCode: 401, code: 'unauthorized', message: 'Unauthorized' };

describe('authTokenInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let auth: AuthService;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor, authTokenInterceptor])),
        provideHttpClientTesting(),
        provideTestTransloco(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    auth = TestBed.inject(AuthService);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    auth.login('admin@example.org', 'x').subscribe();
    http.expectOne(AUTH_ROUTES.login).flush(loginResponse('token-1'));
  });

  afterEach(() => http.verify());

  it('adds the bearer token to API calls', () => {
    client.get('/api/hubs').subscribe();
    const req = http.expectOne('/api/hubs');
    expect(req.request.headers.get('Authorization')).toBe('Bearer token-1');
    req.flush({ items: [], nextCursor: null });
  });

  it('does not send the token anywhere else', () => {
    client.get('https://example.com/api/x').subscribe();
    const req = http.expectOne('https://example.com/api/x');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush({});
  });

  it('on a 401 refreshes once and replays the call with the new token', () => {
    let body: unknown;
    client.get('/api/hubs').subscribe((b) => (body = b));
    http.expectOne('/api/hubs').flush(unauthorizedBody, UNAUTHORIZED);

    http.expectOne(AUTH_ROUTES.refresh).flush(loginResponse('token-2'));

    const retry = http.expectOne('/api/hubs');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer token-2');
    retry.flush({ items: [], nextCursor: null });
    expect(body).toEqual({ items: [], nextCursor: null });
  });

  it('makes calls that fail together wait for a single refresh', () => {
    const done: string[] = [];
    client.get('/api/hubs').subscribe(() => done.push('hubs'));
    client.get('/api/users').subscribe(() => done.push('users'));
    http.expectOne('/api/hubs').flush(unauthorizedBody, UNAUTHORIZED);
    http.expectOne('/api/users').flush(unauthorizedBody, UNAUTHORIZED);

    http.expectOne(AUTH_ROUTES.refresh).flush(loginResponse('token-2'));

    http.expectOne('/api/hubs').flush({});
    http.expectOne('/api/users').flush({});
    expect(done.sort()).toEqual(['hubs', 'users']);
  });

  it('does not refresh a second time when the replayed call is refused too', () => {
    let error: ApiError | undefined;
    client.get('/api/hubs').subscribe({ error: (e: ApiError) => (error = e) });
    http.expectOne('/api/hubs').flush(unauthorizedBody, UNAUTHORIZED);
    http.expectOne(AUTH_ROUTES.refresh).flush(loginResponse('token-2'));
    http.expectOne('/api/hubs').flush(unauthorizedBody, UNAUTHORIZED);

    http.expectNone(AUTH_ROUTES.refresh);
    expect(error?.statusCode).toBe(401);
  });

  it('ends the session and goes to the sign-in page when the refresh is refused', () => {
    let error: ApiError | undefined;
    client.get('/api/hubs').subscribe({ error: (e: ApiError) => (error = e) });
    http.expectOne('/api/hubs').flush(unauthorizedBody, UNAUTHORIZED);
    http.expectOne(AUTH_ROUTES.refresh).flush(unauthorizedBody, UNAUTHORIZED);

    expect(error?.code).toBe('unauthorized');
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.token()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { session: 'ended' } });
  });

  it('leaves other errors alone', () => {
    let error: ApiError | undefined;
    client.patch('/api/hubs/1', {}).subscribe({ error: (e: ApiError) => (error = e) });
    http
      .expectOne('/api/hubs/1')
      .flush({ statusCode: 409, code: 'stale_version', message: 'Stale' }, { status: 409, statusText: 'Conflict' });
    http.expectNone(AUTH_ROUTES.refresh);
    expect(error?.code).toBe('stale_version');
  });

  it('treats a 401 from the sign-in call as wrong credentials, not as an expired session', () => {
    let error: ApiError | undefined;
    client.post(AUTH_ROUTES.login, {}).subscribe({ error: (e: ApiError) => (error = e) });
    http.expectOne(AUTH_ROUTES.login).flush(unauthorizedBody, UNAUTHORIZED);
    http.expectNone(AUTH_ROUTES.refresh);
    expect(error?.statusCode).toBe(401);
  });
});
