import type { Routes } from '@angular/router';

export const visitsRoutes: Routes = [
  {
    path: '',
    title: 'visits.title',
    loadComponent: () => import('./visit-list.component').then((m) => m.VisitListComponent),
  },
  {
    path: 'new',
    title: 'visits.newTitle',
    loadComponent: () => import('./visit-form.component').then((m) => m.VisitFormComponent),
  },
];
