// Offline sync, measured (issue 11): a hub that was offline has 200 visits waiting in the browser's
// outbox; the link comes back; how long until all 200 are on the server, and are there exactly 200?
// The records enter the outbox the way a user moves them between browsers (an encrypted backup file
// loaded on the outbox page), so the browser seals, stores and sends them with the app's own code.
//   node tools/bench/offline-sync.mjs [--records 200]     (also `npm run bench -- --only sync`)
// Needs the production build (npm run build) and Chromium (/usr/bin/chromium or CHROMIUM_PATH).
import { spawn } from 'node:child_process';
import { randomUUID, webcrypto } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { freePort } from '../db/embedded-postgres.mjs';
import { startTestDatabase } from '../test/test-database.mjs';

const root = resolve(import.meta.dirname, '../..');
const STAFF = 'staff@example.org';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Demo-2026!';
const PASSPHRASE = 'bench passphrase 2026';
export const SYNC_GOAL_MS = 20_000;

/** @returns {Promise<{ records: number, stored: number, syncMs: number, bareMs: number, pass: boolean }>} */
export async function benchOfflineSync({ records = 200, log = (m) => console.error(`[sync] ${m}`) } = {}) {
  const database = await startTestDatabase();
  const port = await freePort();
  const app = spawn(process.execPath, [resolve(root, 'tools/launch.mjs'), 'serve', '--fresh-database'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'warn', AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://localhost:${port}`;
  const folder = mkdtempSync(join(tmpdir(), 'mih-sync-bench-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await waitForHealth(base);
    const { accessToken, user } = await signIn(base);
    const hubId = user.hubIds[0];
    const backup = join(folder, 'pending.mihbackup');
    writeFileSync(backup, JSON.stringify(await backupOf(user.id, pendingVisits(records, hubId))));
    log(`${records} visits sealed into a backup for ${STAFF}`);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('Correo electrónico').fill(STAFF);
    await page.getByLabel('Contraseña').fill(PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.waitForURL(/\/home$/);
    await page.getByRole('link', { name: /Estado del envío/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Pendientes de envío' }).waitFor();

    await context.setOffline(true);
    await page.getByLabel('Contraseña de la copia').fill(PASSPHRASE);
    await page.getByLabel('Archivo de copia').setInputFiles(backup);
    await page.getByText(`Pendientes: ${records}`).first().waitFor({ timeout: 60_000 });
    const before = await countVisits(base, accessToken);

    const started = performance.now();
    await context.setOffline(false);
    await page.getByRole('link', { name: /Estado del envío/ }).filter({ hasText: 'Todo enviado' }).waitFor({ timeout: 5 * 60_000 });
    const syncMs = performance.now() - started;
    const stored = (await countVisits(base, accessToken)) - before;
    log(`${stored} of ${records} visits stored ${(syncMs / 1000).toFixed(1)} s after the link came back`);

    // The bare minimum beside it, in the same run: the same number of creates posted straight from Node,
    // as many at once as the outbox sends. What is left is the browser's share (IndexedDB, sealing).
    const bareStarted = performance.now();
    const bare = pendingVisits(records, hubId);
    for (let i = 0; i < bare.length; i += 4) {
      await Promise.all(bare.slice(i, i + 4).map((visit) => post(base, accessToken, '/api/visits', visit)));
    }
    const bareMs = performance.now() - bareStarted;
    log(`the same ${records} creates posted straight from Node: ${(bareMs / 1000).toFixed(1)} s`);
    return { records, stored, syncMs, bareMs, pass: stored === records && syncMs <= SYNC_GOAL_MS };
  } finally {
    await browser.close();
    app.kill('SIGTERM');
    await new Promise((done) => app.once('exit', done));
    await database.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

export function renderSyncRows(result) {
  return [
    '| offline sync | records | stored | time after reconnecting | bare creates from Node | ratio | goal | |',
    '|---|---:|---:|---:|---:|---:|---|---|',
    `| pending visits in the browser's outbox | ${result.records} | ${result.stored} | ${(result.syncMs / 1000).toFixed(1)} s | ${(result.bareMs / 1000).toFixed(1)} s | ${(result.syncMs / result.bareMs).toFixed(2)}× | all stored once, ≤ ${SYNC_GOAL_MS / 1000} s | ${result.pass ? 'pass' : 'FAIL'} |`,
  ].join('\n');
}

function pendingVisits(count, hubId) {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    hubId,
    occurredAt: new Date(now - (count - i) * 60_000).toISOString(),
    channel: 'in_person',
    sex: i % 2 ? 'female' : 'male',
    ageBand: '25-59',
    nationality: 'GT',
    profile: 'in_transit',
    topics: ['regular_pathways'],
  }));
}

/** The app's backup format (apps/web/src/app/offline/sealed-box.ts and outbox.service.ts). */
async function backupOf(userId, visits) {
  const createdAt = Date.now();
  const entries = visits.map((visit, i) => ({
    id: randomUUID(),
    kind: 'visit',
    operation: 'create',
    recordId: visit.id,
    dependsOn: [],
    createdAt: createdAt + i,
    status: 'pending',
    attempts: 0,
  }));
  const bodies = Object.fromEntries(entries.map((entry, i) => [entry.id, visits[i]]));
  const content = { userId, exportedAt: new Date().toISOString(), entries, bodies };
  const { subtle } = webcrypto;
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const iv = webcrypto.getRandomValues(new Uint8Array(12));
  const iterations = 600_000;
  const material = await subtle.importKey('raw', new TextEncoder().encode(PASSPHRASE), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const data = await subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(content)));
  const b64 = (bytes) => Buffer.from(bytes).toString('base64');
  return { format: 'mih-outbox-backup', version: 1, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: b64(salt) }, iv: b64(iv), data: b64(new Uint8Array(data)) };
}

async function signIn(base) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: STAFF, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in: ${response.status}`);
  return response.json();
}

async function post(base, token, path, body) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  await response.arrayBuffer();
}

async function countVisits(base, token) {
  let count = 0;
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${base}/api/visits?${query}`, { headers: { authorization: `Bearer ${token}` } });
    const page = await response.json();
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

async function waitForHealth(base, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the app did not become healthy');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { records: { type: 'string', default: '200' } } });
  const result = await benchOfflineSync({ records: Number(values.records) });
  console.log(renderSyncRows(result));
  process.exit(result.pass ? 0 : 1);
}
