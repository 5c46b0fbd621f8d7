import type { Routes } from '@angular/router';

export const personsRoutes: Routes = [
  {
    path: '',
    title: 'persons.title',
    loadComponent: () => import('./person-list.component').then((m) => m.PersonListComponent),
  },
  {
    path: ':id',
    title: 'persons.pageTitle',
    loadComponent: () => import('./person-page.component').then((m) => m.PersonPageComponent),
  },
];
