// On a slow link, the first page's code is fetched while the session is restored and the translations
// load, not after them: one round trip less before anything shows. The router loads the same chunks
// (the same imports as app.routes.ts); guessing wrong costs one cached download.
export function preloadFirstPage(path: string): void {
  if (path.startsWith('/login')) {
    void import('../auth/login.component');
  } else if (path === '/' || path.startsWith('/home')) {
    void import('../shell/shell.component');
    void import('../home/home.component');
  }
}
