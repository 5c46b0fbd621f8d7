import type { Routes } from '@angular/router';

export const activitiesRoutes: Routes = [
  {
    path: '',
    title: 'nav.activities',
    loadComponent: () => import('./activity-list.component').then((m) => m.ActivityListComponent),
  },
  {
    path: 'new',
    title: 'activities.newTitle',
    loadComponent: () => import('./activity-form.component').then((m) => m.ActivityFormComponent),
  },
  {
    path: ':id',
    title: 'activities.editTitle',
    loadComponent: () => import('./activity-form.component').then((m) => m.ActivityFormComponent),
  },
];
