import type { Routes } from '@angular/router';
import { authGuard, guestGuard } from './core/auth.guard';
import { passwordChangeGuard } from './core/password-change.guard';
import { hasRole, roleGuard } from './core/role.guard';
import { CASE_ROLES, QUARTER_CLOSE_ROLES, ROSTER_ROLES } from './core/roles';
import { wholeTranslations } from './i18n/whole-translations.guard';

/** Pages that only show what the server has: offline, the shell says so instead of letting them spin. */
const NEEDS_CONNECTION = { needsConnection: true };

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'login.title',
    canMatch: [guestGuard],
    loadComponent: () => import('./auth/login.component').then((m) => m.LoginComponent),
  },
  {
    // Public: the service provider answers a referral through the link of its slip (no account).
    path: 'provider',
    title: 'providerLink.title',
    canMatch: [wholeTranslations],
    loadComponent: () => import('./provider-link/provider-response.component').then((m) => m.ProviderResponseComponent),
  },
  {
    // Printable: no shell around it.
    path: 'reports/quarter',
    title: 'quarter.title',
    data: NEEDS_CONNECTION,
    canMatch: [authGuard, roleGuard(...CASE_ROLES), wholeTranslations],
    loadComponent: () => import('./reports/quarter-summary.component').then((m) => m.QuarterSummaryComponent),
  },
  {
    // The printable slip has no shell around it.
    path: 'referrals/:id/slip',
    title: 'referrals.slip.title',
    canMatch: [authGuard, roleGuard(...CASE_ROLES), wholeTranslations],
    loadComponent: () => import('./referrals/referral-slip.component').then((m) => m.ReferralSlipComponent),
  },
  {
    path: '',
    canMatch: [authGuard, wholeTranslations],
    canActivateChild: [passwordChangeGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'home' },
      {
        // Counselor mode: the same address, a home made of their two actions and their own records.
        path: 'home',
        title: 'nav.home',
        canMatch: [hasRole('counselor')],
        loadComponent: () => import('./counselor-home/counselor-home.component').then((m) => m.CounselorHomeComponent),
      },
      {
        path: 'home',
        title: 'nav.home',
        loadComponent: () => import('./home/home.component').then((m) => m.HomeComponent),
      },
      {
        path: 'visits',
        canMatch: [roleGuard(...CASE_ROLES)],
        loadChildren: () => import('./visits/visits.routes').then((m) => m.visitsRoutes),
      },
      {
        path: 'follow-ups',
        data: NEEDS_CONNECTION,
        title: 'followUps.title',
        canMatch: [roleGuard(...CASE_ROLES)],
        loadComponent: () => import('./visits/follow-up-list.component').then((m) => m.FollowUpListComponent),
      },
      {
        path: 'persons',
        data: NEEDS_CONNECTION,
        canMatch: [roleGuard(...CASE_ROLES)],
        loadChildren: () => import('./persons/persons.routes').then((m) => m.personsRoutes),
      },
      {
        path: 'dashboard',
        data: NEEDS_CONNECTION,
        title: 'reports.title',
        canMatch: [roleGuard(...CASE_ROLES)],
        loadComponent: () => import('./reports/dashboard.component').then((m) => m.DashboardComponent),
      },
      {
        path: 'referrals',
        data: NEEDS_CONNECTION,
        canMatch: [roleGuard(...CASE_ROLES)],
        loadChildren: () => import('./referrals/referrals.routes').then((m) => m.referralsRoutes),
      },
      {
        path: 'providers',
        data: NEEDS_CONNECTION,
        canMatch: [roleGuard(...CASE_ROLES)],
        loadChildren: () => import('./service-providers/service-providers.routes').then((m) => m.serviceProvidersRoutes),
      },
      {
        path: 'activities',
        loadChildren: () => import('./activities/activities.routes').then((m) => m.activitiesRoutes),
      },
      {
        path: 'cases',
        loadChildren: () => import('./cases/cases.routes').then((m) => m.casesRoutes),
      },
      {
        path: 'inbox',
        data: NEEDS_CONNECTION,
        canMatch: [roleGuard(...CASE_ROLES)],
        loadChildren: () => import('./cases/cases.routes').then((m) => m.inboxRoutes),
      },
      {
        path: 'counselors',
        data: NEEDS_CONNECTION,
        canMatch: [roleGuard(...ROSTER_ROLES)],
        loadChildren: () => import('./counselors/counselors.routes').then((m) => m.counselorsRoutes),
      },
      {
        path: 'quarter-close',
        data: NEEDS_CONNECTION,
        title: 'quarterClose.title',
        canMatch: [roleGuard(...QUARTER_CLOSE_ROLES)],
        loadComponent: () => import('./quarter-locks/quarter-close.component').then((m) => m.QuarterCloseComponent),
      },
      {
        path: 'admin/hubs',
        data: NEEDS_CONNECTION,
        canMatch: [roleGuard('admin')],
        loadChildren: () => import('./hubs/hubs.routes').then((m) => m.hubsRoutes),
      },
      {
        path: 'admin/users',
        data: NEEDS_CONNECTION,
        canMatch: [roleGuard('admin')],
        loadChildren: () => import('./users/users.routes').then((m) => m.usersRoutes),
      },
      {
        path: 'admin/retention',
        data: NEEDS_CONNECTION,
        title: 'retention.title',
        canMatch: [roleGuard('admin')],
        loadComponent: () => import('./retention/retention-page.component').then((m) => m.RetentionPageComponent),
      },
      {
        path: 'account/password',
        title: 'account.password.title',
        loadComponent: () => import('./auth/change-password.component').then((m) => m.ChangePasswordComponent),
      },
      {
        path: 'outbox',
        title: 'offline.title',
        loadComponent: () => import('./offline/outbox-page.component').then((m) => m.OutboxPageComponent),
      },
      { path: '**', redirectTo: 'home' },
    ],
  },
  { path: '**', redirectTo: '' },
];
