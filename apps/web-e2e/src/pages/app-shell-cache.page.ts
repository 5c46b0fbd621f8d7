// The service worker's side of the app, seen from a page: whether it controls the page and has cached
// every file of its prefetch groups (ngsw.json), so that the next start works with no network.
import { type APIRequestContext, expect, type Page } from '@playwright/test';

interface NgswManifest {
  assetGroups: { name: string; installMode: 'prefetch' | 'lazy'; urls: string[] }[];
}

/** Waits until the page is controlled by the service worker and every prefetched file is in its caches. */
export async function waitForOfflineReady(page: Page, request: APIRequestContext): Promise<void> {
  const manifest: NgswManifest = await (await request.get('/ngsw.json')).json();
  const prefetched = manifest.assetGroups.filter((g) => g.installMode === 'prefetch').flatMap((g) => g.urls);
  expect(prefetched.length).toBeGreaterThan(20); // the shell and every lazy page

  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
  await expect
    .poll(
      () =>
        page.evaluate(async (urls) => {
          const cacheNames = (await caches.keys()).filter((name) => /:assets:.+:cache$/.test(name));
          const cached = new Set<string>();
          for (const name of cacheNames) for (const req of await (await caches.open(name)).keys()) cached.add(new URL(req.url).pathname);
          return urls.filter((url) => !cached.has(url));
        }, prefetched),
      { timeout: 60_000, message: 'files of the prefetch groups not cached yet' },
    )
    .toEqual([]);
}

/** What a browser with no network shows for a navigation: the app (from the service worker) or its own error page. */
export async function openOffline(page: Page, path: string): Promise<{ fromServiceWorker: boolean }> {
  const response = await page.goto(path);
  return { fromServiceWorker: response?.fromServiceWorker() ?? false };
}
