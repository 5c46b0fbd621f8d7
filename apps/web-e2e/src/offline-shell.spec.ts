// The app opens with no network (issue 11, item 1): after one visit online, the service worker answers
// a reload or a new tab from its cache — the shell, every lazy page and the translations — while API
// calls never touch it. The app can be installed (web app manifest with icons). Screenshots of the
// offline reload in Spanish and English go to .test-results/screenshots/.
import { type Browser, expect, type Page, test } from './support/test';
import { AppPage } from './pages/app.page';
import { openOffline, waitForOfflineReady } from './pages/app-shell-cache.page';

const SIGN_IN = {
  es: { email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión' },
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
};

async function signInPageIsShown(page: Page, lang: 'es' | 'en'): Promise<void> {
  await expect(page.getByLabel(SIGN_IN[lang].email)).toBeVisible();
  await expect(page.getByLabel(SIGN_IN[lang].password)).toBeVisible();
  await expect(page.getByRole('button', { name: SIGN_IN[lang].submit })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** One online visit of the sign-in page (in the language asked for), then the service worker fully ready. */
async function visitOnce(browser: Browser, lang: 'es' | 'en') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await signInPageIsShown(page, 'es');
  if (lang === 'en') {
    await new AppPage(page).chooseSignInLanguage('English');
    await signInPageIsShown(page, 'en');
  }
  await waitForOfflineReady(page, context.request);
  return { context, page };
}

for (const lang of ['es', 'en'] as const) {
  test(`with the network off, a reload and a new tab open the app from the cache (${lang})`, async ({ browser }) => {
    const { context, page } = await visitOnce(browser, lang);
    await context.setOffline(true);

    await page.reload();
    await signInPageIsShown(page, lang);
    await new AppPage(page).screenshot(`offline-reload-${lang}`);

    // A new tab, straight to pages the user never opened: the service worker answers the navigation with
    // the app; with no session, the app shows its sign-in page (not the browser's error page).
    for (const path of ['/visits/new', '/activities/new', '/home']) {
      const tab = await context.newPage();
      const opened = await openOffline(tab, path);
      expect({ path, fromServiceWorker: opened.fromServiceWorker }).toEqual({ path, fromServiceWorker: true });
      await signInPageIsShown(tab, lang);
      await tab.close();
    }
    // The provider's response page is public: it opens itself offline (its data needs the link).
    const provider = await context.newPage();
    expect((await openOffline(provider, '/provider')).fromServiceWorker).toBe(true);
    await expect(provider.locator('mih-root')).not.toBeEmpty();
    await expect(provider.getByLabel(SIGN_IN[lang].email)).toHaveCount(0);
    await provider.close();

    // The API is never answered from the cache, not even a navigation to it: the worker passes it to the
    // network, which fails (its 504 makes the navigation fail), instead of answering with the app.
    const api = await context.newPage();
    await expect(api.goto('/api/health')).rejects.toThrow(/net::ERR_(INTERNET_DISCONNECTED|HTTP_RESPONSE_CODE_FAILURE)/);
    await expect(api.locator('mih-root')).toHaveCount(0);
    await api.close();
    await context.close();
  });
}

test('API calls bypass the service worker, so they reach the network (and page.route) unchanged', async ({ browser }) => {
  const { context, page } = await visitOnce(browser, 'es');
  const seen: { url: string; bypass: string | undefined; viaWorker: boolean }[] = [];
  await page.route('**/api/auth/login', async (route) => {
    const request = route.request();
    seen.push({ url: new URL(request.url()).pathname, bypass: request.headers()['ngsw-bypass'], viaWorker: request.serviceWorker() !== null });
    await route.fulfill({ status: 401, json: { statusCode: 401, code: 'unauthorized', message: 'Invalid credentials' } });
  });
  await page.getByLabel(SIGN_IN.es.email).fill('staff@example.org');
  await page.getByLabel(SIGN_IN.es.password).fill('not-the-password');
  await page.getByRole('button', { name: SIGN_IN.es.submit }).click();
  await expect(page.getByText('El correo o la contraseña no son correctos.')).toBeVisible();
  expect(seen).toEqual([{ url: '/api/auth/login', bypass: 'true', viaWorker: false }]);
  // Nothing from the API sits in the service worker's caches.
  const cachedApi = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return urls.filter((path) => path.startsWith('/api'));
  });
  expect(cachedApi).toEqual([]);
  await context.close();
});

test('the web app manifest lets the app be installed: Spanish name, standalone, theme colour and icons', async ({ page, request }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href!, page.url());
  const response = await request.get(manifestUrl.toString());
  expect(response.status()).toBe(200);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: 'MIH Casos', short_name: 'MIH Casos', start_url: '/', display: 'standalone', theme_color: '#1f4e79', lang: 'es' });
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color);

  const pngs = manifest.icons.filter((icon: { type: string }) => icon.type === 'image/png');
  const kinds = pngs.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`).sort();
  expect(kinds).toEqual(['192x192 any', '192x192 maskable', '512x512 any', '512x512 maskable']);
  for (const icon of pngs) {
    const image = await request.get(new URL(icon.src, manifestUrl).toString());
    expect(image.headers()['content-type']).toBe('image/png');
    const body = await image.body();
    // PNG header: width and height at bytes 16-23.
    const [width, height] = [body.readUInt32BE(16), body.readUInt32BE(20)];
    expect(`${width}x${height}`).toBe(icon.sizes);
  }
});
