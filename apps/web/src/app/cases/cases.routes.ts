import type { Routes } from '@angular/router';
import { roleGuard } from '../core/role.guard';

/** /cases: a counselor's own cases and the form to send one (staff may record one too). */
export const casesRoutes: Routes = [
  {
    path: '',
    title: 'cases.mineTitle',
    canMatch: [roleGuard('counselor')],
    loadComponent: () => import('./my-cases.component').then((m) => m.MyCasesComponent),
  },
  {
    path: 'new',
    title: 'cases.newTitle',
    loadComponent: () => import('./case-form.component').then((m) => m.CaseFormComponent),
  },
];

/** /inbox: the hub team's inbox and one case of it. */
export const inboxRoutes: Routes = [
  {
    path: '',
    title: 'inbox.title',
    loadComponent: () => import('./inbox.component').then((m) => m.InboxComponent),
  },
  {
    path: ':id',
    title: 'caseDetail.title',
    loadComponent: () => import('./case-page.component').then((m) => m.CasePageComponent),
  },
];
