import type { Routes } from '@angular/router';

export const referralsRoutes: Routes = [
  {
    path: '',
    title: 'referrals.title',
    loadComponent: () => import('./referral-list.component').then((m) => m.ReferralListComponent),
  },
  {
    path: 'new',
    title: 'referrals.newTitle',
    loadComponent: () => import('./referral-form.component').then((m) => m.ReferralFormComponent),
  },
  {
    path: ':id',
    title: 'referrals.pageTitle',
    loadComponent: () => import('./referral-page.component').then((m) => m.ReferralPageComponent),
  },
  {
    path: ':id/edit',
    title: 'referrals.editTitle',
    loadComponent: () => import('./referral-form.component').then((m) => m.ReferralFormComponent),
  },
];
