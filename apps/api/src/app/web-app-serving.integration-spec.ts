// The server sends the built web app compressed with the files the build step made (brotli, gzip), and
// caches hashed files for a year but makes the browser revalidate index.html, the service worker's
// files and the manifest, so a new deployment reaches users at their next start.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../testing/test-app';

const ROOT = resolve(__dirname, '../../../..');
// Repetitive enough to compress well, large enough to be worth it (like a real chunk).
const script = `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `label number ${i}`))};\n`;
const INDEX = `<!doctype html><html lang="es"><head><title>MIH Casos</title>${'<link rel="modulepreload" href="chunk-ABCDEFGH.js">'.repeat(20)}</head><body><mih-root></mih-root></body></html>`;

describe('serving the web app (compressed at build time, cached by kind)', () => {
  let dist: string;
  let t: TestApp;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'mih-web-dist-'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'main-ABCDEF12.js'), script);
    writeFileSync(join(dist, 'ngsw.json'), JSON.stringify({ configVersion: 1, hashTable: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`/chunk-${i}.js`, 'a'.repeat(40)])) }));
    writeFileSync(join(dist, 'ngsw-worker.js'), script);
    writeFileSync(join(dist, 'manifest.webmanifest'), JSON.stringify({ name: 'MIH Casos', icons: [] }));
    execFileSync(process.execPath, [join(ROOT, 'tools/build/compress-web.mjs'), dist], { stdio: 'pipe' });
    t = await createTestApp({ WEB_DIST: dist });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, and the plain file otherwise', async () => {
    const br = await get('/main-ABCDEF12.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gzip = await get('/main-ABCDEF12.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await get('/main-ABCDEF12.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('caches content-hashed files for a year and makes the browser revalidate the files that name them', async () => {
    expect((await get('/main-ABCDEF12.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/index.html', '/ngsw.json', '/ngsw-worker.js', '/manifest.webmanifest']) {
      const response = await get(url, 'br, gzip');
      expect({ url, status: response.statusCode, cache: response.headers['cache-control'] }).toEqual({ url, status: 200, cache: 'no-cache' });
    }
    expect((await get('/ngsw.json', 'br')).headers['content-encoding']).toBe('br');
  });

  it('answers an app route (the single-page fallback) with index.html compressed and never cached', async () => {
    const br = await get('/visits/new', 'br, gzip');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-type']).toMatch(/text\/html/);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(INDEX);

    const gzip = await get('/provider', 'gzip, br;q=0');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(INDEX);

    const plain = await get('/activities/new');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(INDEX);
  });

  it('never answers an /api route with the web app', async () => {
    const response = await get('/api/no-such-route', 'br, gzip');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
