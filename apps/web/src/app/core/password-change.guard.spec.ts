import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, Router, type RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import type { CurrentUser } from '@mih/contracts';
import { staffUser } from '../../testing/fixtures';
import { AuthService } from './auth.service';
import { CHANGE_PASSWORD_PATH, passwordChangeGuard } from './password-change.guard';

describe('passwordChangeGuard', () => {
  const user = signal<CurrentUser | null>(staffUser);

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AuthService, useValue: { user } }] });
  });

  const run = (url: string) =>
    TestBed.runInInjectionContext(() => passwordChangeGuard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot));

  it('lets a user who chose their password go anywhere', () => {
    user.set(staffUser);
    expect(run('/visits')).toBe(true);
  });

  it('sends a user whose password an admin set straight to the change-password page, from anywhere', () => {
    user.set({ ...staffUser, mustChangePassword: true });
    for (const url of ['/home', '/visits/new', '/admin/users']) {
      const result = run(url);
      expect(result).toBeInstanceOf(UrlTree);
      expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe(CHANGE_PASSWORD_PATH);
    }
    expect(run(CHANGE_PASSWORD_PATH)).toBe(true);
  });
});
