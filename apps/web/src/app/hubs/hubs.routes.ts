import type { Routes } from '@angular/router';

export const hubsRoutes: Routes = [
  {
    path: '',
    title: 'hubs.title',
    loadComponent: () => import('./hub-list.component').then((m) => m.HubListComponent),
  },
  {
    path: 'new',
    title: 'hubs.newTitle',
    loadComponent: () => import('./hub-form.component').then((m) => m.HubFormComponent),
  },
  {
    path: ':id',
    title: 'hubs.editTitle',
    loadComponent: () => import('./hub-form.component').then((m) => m.HubFormComponent),
  },
];
