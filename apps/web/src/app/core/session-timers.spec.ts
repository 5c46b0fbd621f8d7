// The session stays alive while someone uses the app, and ends after an hour without use.
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AUTH_ROUTES } from '@mih/contracts';
import { loginResponse } from '../../testing/fixtures';
import { provideTestTransloco } from '../../testing/transloco-testing';
import { authTokenInterceptor } from './auth-token.interceptor';
import { AuthService } from './auth.service';
import { errorInterceptor } from './error.interceptor';

describe('AuthService session timers', () => {
  let auth: AuthService;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor, authTokenInterceptor])),
        provideHttpClientTesting(),
        provideTestTransloco(),
      ],
    });
    auth = TestBed.inject(AuthService);
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    auth.login('staff@example.org', 'x').subscribe();
    http.expectOne(AUTH_ROUTES.login).flush(loginResponse('token-1')); // expires in 600 s
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  const useTheApp = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));

  it('renews the token a minute before it expires when the app is in use', () => {
    jest.advanceTimersByTime(60_000);
    useTheApp();
    jest.advanceTimersByTime(480_000); // 540 s after sign-in
    http.expectOne(AUTH_ROUTES.refresh).flush(loginResponse('token-2'));
    expect(auth.token()).toBe('token-2');
  });

  it('lets the token lapse on an unattended screen', () => {
    jest.advanceTimersByTime(600_000);
    http.expectNone(AUTH_ROUTES.refresh);
    expect(auth.isSignedIn()).toBe(true);
  });

  it('signs out after 60 minutes without use and says why on the sign-in page', () => {
    jest.advanceTimersByTime(59 * 60_000);
    expect(auth.isSignedIn()).toBe(true);
    jest.advanceTimersByTime(61_000);
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.token()).toBeNull();
    http.expectOne(AUTH_ROUTES.logout).flush(null, { status: 204, statusText: 'No Content' });
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { session: 'ended' } });
  });
});
