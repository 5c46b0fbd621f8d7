import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type CanMatchFn, Router, UrlTree, provideRouter } from '@angular/router';
import type { Role } from '@mih/contracts';
import { AuthService } from './auth.service';
import { hasRole, roleGuard } from './role.guard';

describe('roleGuard', () => {
  const role = signal<Role | null>(null);

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: AuthService, useValue: { role } }],
    });
  });

  function run(guard: CanMatchFn) {
    return TestBed.runInInjectionContext(() => guard({}, []));
  }

  it('lets an admin into an admin-only route', () => {
    role.set('admin');
    expect(run(roleGuard('admin'))).toBe(true);
  });

  it.each<Role>(['supervisor', 'staff', 'counselor'])('sends %s home from an admin-only route', (r) => {
    role.set(r);
    const result = run(roleGuard('admin'));
    expect(result).toBeInstanceOf(UrlTree);
    expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/home');
  });

  it('accepts any of several roles', () => {
    role.set('supervisor');
    expect(run(roleGuard('admin', 'supervisor'))).toBe(true);
  });

  it('sends a signed-out visitor away', () => {
    role.set(null);
    expect(run(roleGuard('admin'))).toBeInstanceOf(UrlTree);
  });

  it('hasRole matches only the given roles and otherwise lets the router try the next route', () => {
    role.set('counselor');
    expect(run(hasRole('counselor'))).toBe(true);
    role.set('staff');
    expect(run(hasRole('counselor'))).toBe(false);
    role.set(null);
    expect(run(hasRole('counselor'))).toBe(false);
  });
});
