import type { Routes } from '@angular/router';

export const counselorsRoutes: Routes = [
  {
    path: '',
    title: 'counselors.title',
    loadComponent: () => import('./counselor-list.component').then((m) => m.CounselorListComponent),
  },
  {
    path: 'new',
    title: 'counselors.newTitle',
    loadComponent: () => import('./counselor-form.component').then((m) => m.CounselorFormComponent),
  },
  {
    path: ':id',
    title: 'counselors.editTitle',
    loadComponent: () => import('./counselor-form.component').then((m) => m.CounselorFormComponent),
  },
];
