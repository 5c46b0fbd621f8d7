// The app's pages, read from its router configuration: apps/web/src/app/app.routes.ts and the lazy route
// files it loads (`loadChildren: () => import('./x/x.routes').then((m) => m.xRoutes)`). Parsed with the
// TypeScript compiler, not imported (the files pull in Angular), so a page added there is crawled by the
// accessibility spec without editing it. Redirects and wildcards are left out.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import ts from 'typescript';
import { DEMO_PASSWORD } from '../pages/app.page';

const ROOT_FILE = resolve(__dirname, '../../../web/src/app/app.routes.ts');

export interface AppRoute {
  /** The address pattern without the leading slash, e.g. `referrals/:id/slip`. */
  pattern: string;
  /** Inside the signed-in shell (toolbar, navigation), or a page of its own (sign-in, printable, public). */
  inShell: boolean;
}

function routesArray(file: string, exportName: string): ts.ArrayLiteralExpression {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === exportName && declaration.initializer && ts.isArrayLiteralExpression(declaration.initializer)) {
        return declaration.initializer;
      }
    }
  }
  throw new Error(`No route array ${exportName} in ${file}`);
}

/** `() => import('./visits/visits.routes').then((m) => m.visitsRoutes)` → the file and the export. */
function lazyChildren(file: string, loader: ts.Expression): { file: string; exportName: string } {
  let specifier: string | undefined;
  let exportName: string | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0])) {
      specifier = node.arguments[0].text;
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'm') exportName = node.name.text;
    ts.forEachChild(node, visit);
  };
  visit(loader);
  if (!specifier || !exportName) throw new Error(`Cannot read the lazy routes of ${loader.getText()} in ${file}`);
  return { file: resolve(dirname(file), `${specifier}.ts`), exportName };
}

function property(route: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of route.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name) return p.initializer;
  }
  return undefined;
}

function collect(file: string, routes: ts.ArrayLiteralExpression, prefix: string, inShell: boolean, into: Map<string, AppRoute>): void {
  for (const element of routes.elements) {
    if (!ts.isObjectLiteralExpression(element)) continue;
    const pathNode = property(element, 'path');
    const path = pathNode && ts.isStringLiteral(pathNode) ? pathNode.text : '';
    if (path.includes('**') || property(element, 'redirectTo')) continue;
    const pattern = [prefix, path].filter(Boolean).join('/');
    const children = property(element, 'children');
    const loadChildren = property(element, 'loadChildren');
    if (children && ts.isArrayLiteralExpression(children)) {
      // A componentless-path parent with a component (the shell) frames its children.
      collect(file, children, pattern, inShell || !!property(element, 'loadComponent'), into);
    } else if (loadChildren) {
      const lazy = lazyChildren(file, loadChildren);
      collect(lazy.file, routesArray(lazy.file, lazy.exportName), pattern, inShell, into);
    } else if (!into.has(pattern)) {
      into.set(pattern, { pattern, inShell });
    }
  }
}

/** Every page of the app, once each (a path matched by several roles' routes, like `home`, is one page). */
export function appRoutes(): AppRoute[] {
  const into = new Map<string, AppRoute>();
  collect(ROOT_FILE, routesArray(ROOT_FILE, 'appRoutes'), '', false, into);
  return [...into.values()];
}

/**
 * A real record for each page with a parameter, read through the API as the role (so it is in its
 * scope). A new page with a parameter fails here until it is given its collection.
 */
const RECORD_FOR: Record<string, string> = {
  'persons/:id': '/api/persons?limit=1',
  'referrals/:id': '/api/referrals?status=submitted&limit=1', // with the review actions
  'referrals/:id/edit': '/api/referrals?status=returned&limit=1',
  'referrals/:id/slip': '/api/referrals?status=approved&limit=1',
  'providers/:id': '/api/service-providers?limit=1',
  'activities/:id': '/api/activities?limit=1',
  'inbox/:id': '/api/cases?inbox=true&limit=1',
  'counselors/:id': '/api/counselors?limit=1',
  'admin/hubs/:id': '/api/hubs?limit=1',
  'admin/users/:id': '/api/users?limit=1',
};

export async function signInApi(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The address to open for a pattern, or null when the role has no such record. */
export async function addressOf(request: APIRequestContext, token: string, pattern: string): Promise<string | null> {
  if (!pattern.includes(':')) return `/${pattern}`;
  const source = RECORD_FOR[pattern];
  expect(source, `${pattern}: say in RECORD_FOR which API collection gives it a real id`).toBeTruthy();
  const response = await request.get(source, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok()) return null;
  const [first] = ((await response.json()) as { items: { id: string }[] }).items;
  return first ? `/${pattern.replace(':id', first.id)}` : null;
}

/**
 * Router navigation inside the page (no reload, like following a link): the address is pushed with no
 * state and announced as a popstate; the router stamps the history entry (`navigationId`) once it has
 * activated the page, or the home page it redirected to. False when the role was sent elsewhere.
 */
export async function open(page: Page, address: string): Promise<boolean> {
  const already = await page.evaluate((to) => {
    // The same address again would be no navigation at all (and no new stamp).
    if (location.pathname === to) return true;
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    return false;
  }, address);
  if (already) return true;
  await page.waitForFunction(() => (history.state as { navigationId?: number } | null)?.navigationId !== undefined, null, { polling: 20, timeout: 15_000 });
  return (await page.evaluate(() => location.pathname)) === address;
}
