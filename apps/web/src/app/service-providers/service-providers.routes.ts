import type { Routes } from '@angular/router';
import { roleGuard } from '../core/role.guard';
import { DIRECTORY_EDITOR_ROLES } from './provider-format';

export const serviceProvidersRoutes: Routes = [
  {
    path: '',
    title: 'providers.title',
    loadComponent: () => import('./provider-list.component').then((m) => m.ProviderListComponent),
  },
  {
    path: 'new',
    title: 'providers.newTitle',
    canMatch: [roleGuard(...DIRECTORY_EDITOR_ROLES)],
    loadComponent: () => import('./provider-page.component').then((m) => m.ProviderPageComponent),
  },
  {
    path: ':id',
    title: 'providers.pageTitle',
    loadComponent: () => import('./provider-page.component').then((m) => m.ProviderPageComponent),
  },
];
