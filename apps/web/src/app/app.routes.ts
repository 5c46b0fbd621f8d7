import type { Routes } from '@angular/router';
import { authGuard, guestGuard } from './core/auth.guard';
import { roleGuard } from './core/role.guard';
import { CASE_ROLES } from './core/roles';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: 'login.title',
    canMatch: [guestGuard],
    loadComponent: () => import('./auth/login.component').then((m) => m.LoginComponent),
  },
  {
    path: '',
    canMatch: [authGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.ShellComponent),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'home' },
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
        title: 'followUps.title',
        canMatch: [roleGuard(...CASE_ROLES)],
        loadComponent: () => import('./visits/follow-up-list.component').then((m) => m.FollowUpListComponent),
      },
      {
        path: 'persons',
        canMatch: [roleGuard(...CASE_ROLES)],
        loadChildren: () => import('./persons/persons.routes').then((m) => m.personsRoutes),
      },
      {
        path: 'admin/hubs',
        canMatch: [roleGuard('admin')],
        loadChildren: () => import('./hubs/hubs.routes').then((m) => m.hubsRoutes),
      },
      {
        path: 'admin/users',
        canMatch: [roleGuard('admin')],
        loadChildren: () => import('./users/users.routes').then((m) => m.usersRoutes),
      },
      { path: '**', redirectTo: 'home' },
    ],
  },
  { path: '**', redirectTo: '' },
];
