// API calls never go through the service worker: per-user data must not sit in its shared, unencrypted
// cache (the outbox keeps what is needed offline, sealed per user), and Playwright's page.route must see them.
import type { HttpInterceptorFn } from '@angular/common/http';

export const serviceWorkerBypassInterceptor: HttpInterceptorFn = (req, next) =>
  req.url.startsWith('/api/') ? next(req.clone({ setHeaders: { 'ngsw-bypass': 'true' } })) : next(req);
