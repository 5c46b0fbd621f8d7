import type { Routes } from '@angular/router';

export const usersRoutes: Routes = [
  {
    path: '',
    title: 'users.title',
    loadComponent: () => import('./user-list.component').then((m) => m.UserListComponent),
  },
  {
    path: 'new',
    title: 'users.newTitle',
    loadComponent: () => import('./user-form.component').then((m) => m.UserFormComponent),
  },
  {
    path: ':id',
    title: 'users.editTitle',
    loadComponent: () => import('./user-form.component').then((m) => m.UserFormComponent),
  },
];
