#!/usr/bin/env node
// `npm run bench`: the API on its own database with a million visits, each endpoint beside a bare
// baseline (baseline-server.mjs: Fastify + pg, same SQL) in the same run, with autocannon.
//   npm run bench -- [--visits 1000000] [--reuse] [--duration 5] [--connections 1,8,32] [--user <email>]
//                    [--only create,list,deep,search,timeline,dashboard,export,lighthouse,sync] [--trace-sql] [--profile]
// `sync` (offline-sync.mjs) runs on its own app with demo data and a browser; it is left out unless named.
// `lighthouse` (lighthouse.mjs, ~35 s) also runs on its own app with demo data; it ends the default run.
// Needs the built API (npx nx build api). Without DATABASE_URL it starts an embedded PostgreSQL in a
// temporary folder, or with --reuse in .data/bench, kept so that the next --reuse run skips generation.
// Writes .test-results/bench.md (the table), bench-explain.txt (query plans) and, with --trace-sql,
// bench-sql.txt (the statements each server sends per request; no measurement then) and, with
// --profile, bench-profile.txt (CPU time per request by package, API beside baseline, from node
// --cpu-prof; slows both).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort } from '../db/embedded-postgres.mjs';
import { seedVolume, VOLUME_EMAIL_DOMAIN, VOLUME_PASSWORD } from '../seed-volume/seed-volume.mjs';
import { migrate, openVolumeDatabase, root, withClient } from '../seed-volume/volume-database.mjs';
import { compareCpuProfiles } from './cpu-profile-summary.mjs';
import { benchDashboard, renderDashboardRows } from './dashboard.mjs';
import { benchExport, renderExportRows } from './export.mjs';
import { benchLighthouse, renderLighthouseRows } from './lighthouse.mjs';
import { benchOfflineSync, renderSyncRows } from './offline-sync.mjs';
import { postgresCpuMs, processCpuMs } from './cpu-usage.mjs';
import { startSqlTraceProxy } from './sql-trace-proxy.mjs';

// Issue 13: against the bare minimum (bare-server.mjs), create and the lists ≥ 0.60× its requests/s, and
// p99 ≤ 100 ms at the most connections for create, lists and search.
const GOALS = { create: 0.6, list: 0.6, p99AtMaxMs: 100 };
const POOL_SIZE = 20; // the API's (apps/api/src/database/data-source.ts: extra.max)
const DEEP_PAGES = 50;
const BENCH_NOTE = 'npm run bench';

const { values: args } = parseArgs({
  options: {
    visits: { type: 'string', default: '1000000' },
    persons: { type: 'string' },
    hubs: { type: 'string', default: '50' },
    reuse: { type: 'boolean', default: false },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    connections: { type: 'string', default: '1,8,32' },
    user: { type: 'string', default: `staff1.tcu@${VOLUME_EMAIL_DOMAIN}` },
    only: { type: 'string' },
    'trace-sql': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
  },
});
const visitsWanted = Number(args.visits);
const personsWanted = args.persons === undefined ? Math.round(visitsWanted / 5) : Number(args.persons);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connectionCounts = args.connections.split(',').map(Number);
const maxConnections = Math.max(...connectionCounts);
const reports = resolve(root, '.test-results');
const log = (message) => console.error(`[bench] ${message}`); // progress on stderr, the table on stdout

const apiEntry = resolve(root, 'dist/apps/api/main.js');
if (!existsSync(apiEntry)) {
  console.error(`${apiEntry} is missing: build the API first (npx nx build api).`);
  process.exit(1);
}

const children = new Map();
let database = null;
let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void shutdown(130));

try {
  const parts = args.only?.split(',') ?? [];
  if (parts.includes('sync')) await benchSync();
  // The web app's first load needs no volume: with only these parts named, no volume database either.
  if (parts.length > 0 && parts.every((part) => part === 'sync' || part === 'lighthouse')) {
    if (parts.includes('lighthouse')) await benchLighthouseOnly();
  } else {
    await main();
  }
  await shutdown(0);
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  await shutdown(1);
}

async function main() {
  const runStarted = Date.now();
  database = await openVolumeDatabase({ keep: args.reuse, log });
  await migrate(database.url, database.jwtSecret, log);
  await removeBenchVisits(); // left by an interrupted --reuse run
  const generation = await ensureVolume(database.url);

  // Both servers through a tracing proxy with --trace-sql; straight to PostgreSQL otherwise.
  let apiDbUrl = database.url;
  let baselineDbUrl = database.url;
  const proxies = {};
  if (args['trace-sql']) {
    const dbUrl = new URL(database.url);
    for (const name of ['api', 'baseline']) {
      proxies[name] = await startSqlTraceProxy(dbUrl.hostname, Number(dbUrl.port));
      const proxied = new URL(database.url);
      proxied.port = String(proxies[name].port);
      if (name === 'api') apiDbUrl = proxied.toString();
      else baselineDbUrl = proxied.toString();
    }
  }

  const [apiPort, baselinePort] = [await freePort(), await freePort()];
  const env = { ...process.env, JWT_SECRET: database.jwtSecret, LOG_LEVEL: 'warn', HOST: '127.0.0.1', SEED_DEMO: 'false', COOKIE_SECURE: 'false' };
  const profileDir = args.profile ? mkdtempSync(resolve(tmpdir(), 'mih-bench-profile-')) : null;
  const profiling = (name) => (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir, name)}`, '-r', resolve(import.meta.dirname, 'exit-on-signal.cjs')] : []);
  start('api', [...profiling('api'), apiEntry], { ...env, DATABASE_URL: apiDbUrl, PORT: String(apiPort), AUTH_RATE_LIMIT_PER_MINUTE: '1000000', ACCESS_TOKEN_TTL_SECONDS: '3600' });
  start('baseline', [...profiling('baseline'), resolve(import.meta.dirname, 'baseline-server.mjs')], { ...env, DATABASE_URL: baselineDbUrl, PORT: String(baselinePort), POOL_SIZE: String(POOL_SIZE) });
  const barePort = await freePort();
  start('bare', [...profiling('bare'), resolve(import.meta.dirname, 'bare-server.mjs')], { ...env, DATABASE_URL: database.url, PORT: String(barePort), POOL_SIZE: String(POOL_SIZE) });
  const servers = { api: `http://127.0.0.1:${apiPort}`, baseline: `http://127.0.0.1:${baselinePort}`, bare: `http://127.0.0.1:${barePort}` };
  await Promise.all(Object.values(servers).map(waitHealthy));

  const session = await signIn(servers.api, args.user);
  const fixtures = await prepareFixtures(database.url, servers.api, session);
  const endpoints = defineEndpoints(fixtures).filter((e) => wanted(e.key));
  const check = await compareAnswers(servers, session.token, endpoints);
  await removeBenchVisits();

  if (args['trace-sql']) {
    const text = await traceStatements(servers, session.token, endpoints, proxies);
    mkdirSync(reports, { recursive: true });
    writeFileSync(resolve(reports, 'bench-sql.txt'), text);
    console.log(text);
    log(`SQL per request written to .test-results/bench-sql.txt`);
    for (const proxy of Object.values(proxies)) await proxy.close();
    return;
  }

  const loadBefore = loadavg()[0];
  const served = { api: 0, baseline: 0, bare: 0 };
  const rows = [];
  for (const endpoint of endpoints) {
    for (const [index, connections] of connectionCounts.entries()) {
      // Rotate which server goes first, so none always runs on a warmer (or more vacuumed) database.
      const targets = endpoint.bare ? ['api', 'baseline', 'bare'] : ['api', 'baseline'];
      const order = targets.map((_, i) => targets[(i + index) % targets.length]);
      const result = {};
      for (const target of order) {
        served[target] += (await measure(servers[target], session.token, endpoint, Math.min(connections, 8), warmup)).requests;
        result[target] = await measure(servers[target], session.token, endpoint, connections, duration, children.get(target).pid);
        served[target] += result[target].requests;
        log(`${endpoint.label.padEnd(34)} c=${String(connections).padStart(2)} ${target.padEnd(8)} ${result[target].rps.toFixed(0).padStart(6)} req/s  p50 ${result[target].p50} ms  p99 ${result[target].p99} ms${result[target].failed ? `  ${result[target].failed} failed` : ''}`);
      }
      rows.push({ endpoint, connections, ...result });
    }
  }

  await removeBenchVisits();
  const dashboardRows = wanted('dashboard') ? await benchDashboardAs(servers.api, env, session) : [];
  const exportRows = wanted('export') ? await benchExportAsAdmin(servers.api) : [];
  const lighthouseRows = wanted('lighthouse') ? await benchLighthouse({ log }) : [];
  const explain = await explainPlans(env, endpoints, fixtures);
  const load = [loadBefore, loadavg()[0]];
  const report =
    renderReport({ rows, fixtures, generation, check, load, dashboardRows, runSeconds: (Date.now() - runStarted) / 1000 }) + renderDashboardRows(dashboardRows) + renderExportRows(exportRows) + renderLighthouseRows(lighthouseRows);
  mkdirSync(reports, { recursive: true });
  writeFileSync(resolve(reports, 'bench.md'), report);
  writeFileSync(resolve(reports, 'bench-explain.txt'), explain);
  console.log(report);
  log('Written: .test-results/bench.md, .test-results/bench-explain.txt');
  if (profileDir) {
    const runs = [];
    for (const name of ['api', 'baseline', 'bare']) {
      await stopChild(name);
      const [file] = readdirSync(resolve(profileDir, name)).filter((f) => f.endsWith('.cpuprofile'));
      if (file) runs.push({ name, file: resolve(profileDir, name, file), requests: served[name] });
    }
    writeFileSync(resolve(reports, 'bench-profile.txt'), `${compareCpuProfiles(runs)}\n`);
    log(`CPU profiles compared in .test-results/bench-profile.txt (raw profiles in ${profileDir})`);
  }
}

/** Lighthouse on the sign-in and home pages (its own app on demo data): `--only lighthouse`. */
async function benchLighthouseOnly() {
  const report = renderLighthouseRows(await benchLighthouse({ log }));
  mkdirSync(reports, { recursive: true });
  writeFileSync(resolve(reports, 'bench-lighthouse.md'), report);
  console.log(report);
}

/** Offline sync in the browser (its own app on demo data, not the million visits): `--only sync`. */
async function benchSync() {
  const result = await benchOfflineSync({ log });
  const table = renderSyncRows(result);
  console.log(`\n${table}\n`);
  mkdirSync(reports, { recursive: true });
  writeFileSync(resolve(reports, 'bench-sync.md'), `${table}\n`);
}

function wanted(key) {
  return !args.only || args.only.split(',').includes(key);
}

/** The dashboard timings, as the bench user (one hub's staff) and as the volume's admin. */
async function benchDashboardAs(apiBase, env, session) {
  const admin = await signIn(apiBase, `admin@${VOLUME_EMAIL_DOMAIN}`).catch(() => null);
  return benchDashboard({
    apiBase,
    databaseUrl: database.url,
    staff: { token: session.token, email: args.user },
    admin: admin && { token: admin.token, email: `admin@${VOLUME_EMAIL_DOMAIN}` },
    capture: async (email, path) => (await captureStatements(env, [{ email, path, title: path }]))[0]?.statements ?? [],
    log,
  });
}

/** The full exports of the visits, as the volume's admin (every visit), with the API's peak memory. */
async function benchExportAsAdmin(apiBase) {
  const admin = await signIn(apiBase, `admin@${VOLUME_EMAIL_DOMAIN}`).catch(() => null);
  return benchExport({ apiBase, apiPid: children.get('api').pid, databaseUrl: database.url, admin: admin && { token: admin.token, email: `admin@${VOLUME_EMAIL_DOMAIN}` }, log });
}

/**
 * Exactly what the API sends for each request: a second API instance, behind the tracing proxy,
 * answers each one once as the given user; answers the statements each request ran.
 */
async function captureStatements(env, requests) {
  const dbUrl = new URL(database.url);
  const proxy = await startSqlTraceProxy(dbUrl.hostname, Number(dbUrl.port));
  const proxied = new URL(database.url);
  proxied.port = String(proxy.port);
  const port = await freePort();
  start('api (traced)', [apiEntry], { ...env, DATABASE_URL: proxied.toString(), PORT: String(port), AUTH_RATE_LIMIT_PER_MINUTE: '1000000' });
  const base = `http://127.0.0.1:${port}`;
  const captured = [];
  try {
    await waitHealthy(base);
    const sessions = new Map();
    for (const { email, path, title } of requests) {
      if (!sessions.has(email)) sessions.set(email, await signIn(base, email).catch(() => null));
      const session = sessions.get(email);
      if (!session) continue;
      proxy.reset();
      await getJson(`${base}${path}`, session.token);
      await new Promise((r) => setTimeout(r, 50));
      captured.push({ title: `${title} — as ${session.user.role} ${email}`, statements: [...proxy.statements] });
    }
  } finally {
    await stopChild('api (traced)');
    await proxy.close();
  }
  return captured;
}

/** Deletes the visits the benchmark created (their audit events stay), keeping the generated volume as it was. */
async function removeBenchVisits() {
  await withClient(database.url, async (client) => {
    await client.query('DELETE FROM visits WHERE note = $1', [BENCH_NOTE]);
    await client.query('VACUUM (ANALYZE) visits');
  });
}

/** Generates the volume unless the database already holds it (a --reuse run, or DATABASE_URL). */
async function ensureVolume(url) {
  const counts = await withClient(url, async (client) => {
    const { rows } = await client.query(`SELECT (SELECT count(*) FROM visits WHERE note IS DISTINCT FROM $1)::int AS visits, (SELECT count(*) FROM persons)::int AS persons`, [BENCH_NOTE]);
    return rows[0];
  });
  if (counts.visits > 0) {
    if (counts.visits !== visitsWanted) log(`The database holds ${counts.visits.toLocaleString('en')} visits (not ${visitsWanted.toLocaleString('en')}); measuring with those.`);
    log(`Reusing ${counts.visits.toLocaleString('en')} visits and ${counts.persons.toLocaleString('en')} persons (generation skipped)`);
    return { reused: true, ...counts };
  }
  log('Generating the volume:');
  const started = Date.now();
  const timings = await seedVolume(url, { visits: visitsWanted, persons: personsWanted, hubs: Number(args.hubs), log });
  return { reused: false, visits: visitsWanted, persons: personsWanted, seconds: (Date.now() - started) / 1000, timings };
}

function start(name, argv, env) {
  const child = spawn(process.execPath, argv, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!exiting && !child.stopping) {
      console.error(`[bench] the ${name} server exited (${code ?? signal})`);
      void shutdown(1);
    }
  });
  children.set(name, child);
}

async function stopChild(name) {
  const child = children.get(name);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.stopping = true;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function waitHealthy(base) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${base} did not become healthy`);
}

async function signIn(base, email) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: VOLUME_PASSWORD }),
  });
  if (!response.ok) throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const { accessToken, user } = await response.json();
  return { token: accessToken, user };
}

/** The data each endpoint needs: the user's hub, a cursor 50 pages deep, a search term with a typo, a person with a long timeline. */
async function prepareFixtures(url, api, session) {
  const { user } = session;
  const fixtures = await withClient(url, async (client) => {
    const hubIds = user.role === 'supervisor'
      ? (await client.query('SELECT id FROM hubs WHERE country_code = ANY($1)', [user.countryCodes])).rows.map((r) => r.id)
      : user.hubIds;
    const scoped = user.role === 'admin' ? 'true' : 'hub_id = ANY($1)';
    const scopeParams = user.role === 'admin' ? [] : [hubIds];
    // The hub the visits are created in: the user's own, or for supervisors and admins the busiest one in scope.
    const [hub] = (
      await client.query(
        `SELECT h.id, h.code, h.name, h.country_code FROM hubs h WHERE ${user.role === 'admin' ? 'true' : 'h.id = ANY($1)'}
         ORDER BY (SELECT count(*) FROM persons p WHERE p.hub_id = h.id) DESC, h.code LIMIT 1`,
        scopeParams,
      )
    ).rows;
    const [{ visits, persons }] = (
      await client.query(`SELECT (SELECT count(*) FROM visits WHERE ${scoped})::int AS visits, (SELECT count(*) FROM persons WHERE ${scoped})::int AS persons`, scopeParams)
    ).rows;
    // The commonest name in scope, typed without accents and with one letter missing from the family name.
    const [name] = (
      await client.query(
        `SELECT split_part(given_name, ' ', 1) AS given, split_part(family_name, ' ', 1) AS family, count(*)::int AS count
         FROM persons WHERE ${scoped} AND given_name IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1`,
        scopeParams,
      )
    ).rows;
    const [person] = (
      await client.query(`SELECT person_id AS id, count(*)::int AS visits FROM visits WHERE ${scoped} AND person_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`, scopeParams)
    ).rows;
    return { user, hub, hubIds, visitsInScope: visits, personsInScope: persons, name, person };
  });
  const plain = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (fixtures.name) {
    const family = plain(fixtures.name.family);
    const cut = Math.floor(family.length / 2);
    fixtures.searchTerm = `${plain(fixtures.name.given)} ${family.slice(0, cut)}${family.slice(cut + 1)}`;
  } else {
    fixtures.searchTerm = 'maria hernadez';
  }
  // A cursor ~50 pages in, taken from the API itself.
  let cursor = null;
  let pages = 0;
  for (; pages < DEEP_PAGES; pages++) {
    const page = await getJson(`${api}/api/visits${cursor ? `?cursor=${cursor}` : ''}`, session.token);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  fixtures.deepCursor = cursor;
  fixtures.deepPage = pages + 1;
  fixtures.deepCursorAt = cursor ? JSON.parse(Buffer.from(cursor, 'base64url').toString())[0] : null;
  return fixtures;
}

function defineEndpoints(f) {
  const visitBody = () => ({
    id: randomUUID(),
    hubId: f.hub.id,
    occurredAt: new Date().toISOString(),
    channel: 'in_person',
    sex: 'female',
    ageBand: '25-59',
    nationality: f.hub.country_code,
    profile: 'returnee_deported',
    topics: ['return_reintegration', 'documents'],
    needs: ['documentation'],
    note: BENCH_NOTE,
  });
  // Creates run last, and the visits they add are removed before the next step, so that the lists read
  // the generated data rather than a first page of benchmark visits.
  const endpoints = [
    { key: 'list', label: 'list visits, first page', goal: 'list', bare: true, method: 'GET', path: '/api/visits' },
    { key: 'deep', label: `list visits, page ${f.deepPage}`, goal: 'list', bare: true, method: 'GET', path: `/api/visits?cursor=${f.deepCursor}` },
    { key: 'search', label: `person search "${f.searchTerm}"`, goal: 'list', method: 'GET', path: `/api/persons?q=${encodeURIComponent(f.searchTerm)}` },
    f.person && { key: 'timeline', label: `person timeline (${f.person.visits} visits)`, goal: null, method: 'GET', path: `/api/persons/${f.person.id}` },
    { key: 'create', label: 'create visit', goal: 'create', bare: true, method: 'POST', path: '/api/visits', body: visitBody },
  ];
  return endpoints.filter((endpoint) => endpoint && (endpoint.key !== 'deep' || f.deepCursor));
}

/** One request per GET endpoint to each server: the answers must be the same JSON (creates: the same keys). */
async function compareAnswers(servers, token, endpoints) {
  const results = [];
  for (const endpoint of endpoints) {
    const answers = {};
    for (const [name, base] of Object.entries(servers).filter(([name]) => name !== 'bare' || endpoint.bare)) {
      const response = await fetch(`${base}${endpoint.path}`, {
        method: endpoint.method,
        headers: { authorization: `Bearer ${token}`, ...(endpoint.body ? { 'content-type': 'application/json' } : {}) },
        body: endpoint.body ? JSON.stringify(endpoint.body()) : undefined,
      });
      answers[name] = { status: response.status, body: await response.json() };
    }
    const shape = (answer) => (endpoint.method === 'POST' ? Object.keys(answer.body).sort() : answer.body);
    const sameAs = (name) => !answers[name] || (answers.api.status === answers[name].status && JSON.stringify(shape(answers.api)) === JSON.stringify(shape(answers[name])));
    const same = sameAs('baseline') && sameAs('bare');
    const size = JSON.stringify(answers.api.body).length;
    results.push({ label: endpoint.label, same, status: answers.api.status, size, items: answers.api.body.items?.length ?? answers.api.body.visits?.length });
    for (const name of ['baseline', 'bare']) if (!sameAs(name)) log(`${endpoint.label}: the ${name} server answers differently (API ${answers.api.status}, ${name} ${answers[name].status})`);
    if (answers.api.status >= 400) throw new Error(`${endpoint.label}: the API answered ${answers.api.status} ${JSON.stringify(answers.api.body)}`);
  }
  return results;
}

async function traceStatements(servers, token, endpoints, proxies) {
  let text = '';
  for (const endpoint of endpoints) {
    for (const [name, base] of Object.entries(servers).filter(([name]) => proxies[name])) {
      await new Promise((r) => setTimeout(r, 100));
      proxies[name].reset();
      await fetch(`${base}${endpoint.path}`, {
        method: endpoint.method,
        headers: { authorization: `Bearer ${token}`, ...(endpoint.body ? { 'content-type': 'application/json' } : {}) },
        body: endpoint.body ? JSON.stringify(endpoint.body()) : undefined,
      });
      await new Promise((r) => setTimeout(r, 100));
      text += `## ${endpoint.label} — ${name} (${proxies[name].statements.length} statements)\n${proxies[name].statements.map((s) => `  ${s.sql.replace(/\s+/g, ' ')}`).join('\n')}\n\n`;
    }
  }
  return text;
}

async function measure(base, token, endpoint, connections, seconds, pid) {
  const options = {
    url: `${base}${endpoint.path}`,
    method: endpoint.method,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, ...(endpoint.body ? { 'content-type': 'application/json' } : {}) },
  };
  // A fresh visit (new client id) per request.
  if (endpoint.body) options.requests = [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(endpoint.body()) }) }];
  const cpuBefore = [processCpuMs(pid), postgresCpuMs(database.dataDir)];
  const result = await autocannon(options);
  const cpuAfter = [processCpuMs(pid), postgresCpuMs(database.dataDir)];
  const perRequest = (i) => (cpuBefore[i] === null || cpuAfter[i] === null || result.requests.total === 0 ? null : (cpuAfter[i] - cpuBefore[i]) / result.requests.total);
  return {
    serverCpu: perRequest(0),
    postgresCpu: perRequest(1),
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    requests: result.requests.total,
  };
}

async function getJson(url, token) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of exactly what the API sends: a second API instance, behind the tracing
 * proxy, answers each read endpoint once (as the bench user, and list and search also as the
 * supervisor of that hub's country and as an admin); every statement it ran that is not one of the
 * per-request auth checks is explained with its parameters (inside a transaction that is rolled back,
 * after the SET LOCALs the API ran).
 */
async function explainPlans(env, endpoints, f) {
  const reads = endpoints.filter((e) => e.method === 'GET');
  const broad = endpoints.filter((e) => e.key === 'list' || e.key === 'search');
  const captured = await captureStatements(env, [
    ...reads.map((e) => ({ email: args.user, path: e.path, title: e.label })),
    ...broad.map((e) => ({ email: `supervisor.${f.hub.country_code.toLowerCase()}@${VOLUME_EMAIL_DOMAIN}`, path: e.path, title: e.label })),
    ...broad.map((e) => ({ email: `admin@${VOLUME_EMAIL_DOMAIN}`, path: e.path, title: e.label })),
  ]);

  const isAuthCheck = (sql) => /FROM "?(users|refresh_tokens|user_hubs)"?\b/.test(sql);
  return withClient(database.url, async (client) => {
    let text = `EXPLAIN (ANALYZE, BUFFERS) of the statements the API ran, at ${(await client.query('SELECT count(*)::int AS n FROM visits')).rows[0].n.toLocaleString('en')} visits — ${new Date().toISOString()}\n`;
    for (const { title, statements } of captured) {
      for (const { sql, params } of statements.filter((st) => /^\s*SELECT/i.test(st.sql) && !isAuthCheck(st.sql))) {
        await client.query('BEGIN');
        try {
          // What the API's connections set when they open (apps/api/src/database/data-source.ts), then its SET LOCALs.
          await client.query('SET LOCAL pg_trgm.word_similarity_threshold = 0.45');
          for (const set of statements.filter((st) => /^\s*SET /i.test(st.sql))) await client.query(set.sql);
          const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
          const lines = rows.map((r) => r['QUERY PLAN']);
          text += `\n## ${title}\n${sql.replace(/\s+/g, ' ').slice(0, 400)}${sql.length > 400 ? ' …' : ''}\n${JSON.stringify(params)}\n`;
          // Long plans are cut, but always end with their planning and execution times.
          const shown = lines.length > 34 ? [...lines.slice(0, 30), `  … (${lines.length - 32} more lines)`, ...lines.slice(-2)] : lines;
          text += `${shown.join('\n')}\n`;
        } finally {
          await client.query('ROLLBACK');
        }
      }
    }
    return text;
  });
}

function renderReport({ rows, fixtures: f, generation, check, load, runSeconds, dashboardRows }) {
  const fmt = (n, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const lines = [];
  lines.push(`# Benchmark: API vs bare minimum and same-SQL baseline (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`);
  lines.push('');
  lines.push(
    `${fmt(generation.visits)} visits, ${fmt(generation.persons)} persons` +
      (generation.reused ? ' (already in the database; generation skipped).' : `; generated in ${fmt(generation.seconds, 1)} s.`) +
      ` Signed in as ${f.user.email} (${f.user.role}; scope: ${fmt(f.visitsInScope)} visits, ${fmt(f.personsInScope)} persons). ` +
      `${duration} s per cell after a ${warmup} s warm-up; pg pool ${POOL_SIZE} on all servers; ${cpus().length} cores (${cpus()[0]?.model.trim()}), ` +
      `${fmt(totalmem() / 2 ** 30)} GiB, Node ${process.version}; autocannon in the same machine.`,
  );
  lines.push('');
  lines.push('| endpoint | conn. | API req/s | API p50 / p99 ms | bare req/s | bare p50 / p99 ms | API/bare | same-SQL req/s | same-SQL p50 / p99 ms | API/same-SQL | goal | result | CPU ms/req: API · same-SQL · bare · PostgreSQL |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|');
  const failures = (r) => (r.failed ? ` (${fmt(r.failed)} failed)` : '');
  const cpu = (ms) => (ms === null || ms === undefined ? '–' : ms.toFixed(2));
  const summary = [];
  for (const row of rows) {
    const goals = [];
    let pass = true;
    const bareRatio = row.bare ? row.api.rps / row.bare.rps : null;
    const minRatio = row.endpoint.goal ? GOALS[row.endpoint.goal] : null;
    if (minRatio && bareRatio !== null && row.connections === maxConnections) {
      goals.push(`≥ ${minRatio.toFixed(2)}× bare`);
      pass &&= bareRatio >= minRatio;
    }
    if (row.endpoint.goal && row.connections === maxConnections) {
      goals.push(`p99 ≤ ${GOALS.p99AtMaxMs} ms`);
      pass &&= row.api.p99 <= GOALS.p99AtMaxMs;
    }
    if (row.api.failed > 0) {
      goals.push('no errors');
      pass = false;
    }
    if (goals.length) summary.push({ goal: `${row.endpoint.label}, ${row.connections} connections: ${goals.join(', ')}`, measured: `${bareRatio === null ? '' : `${bareRatio.toFixed(2)}× bare, `}p99 ${row.api.p99} ms`, pass });
    lines.push(
      `| ${row.endpoint.label} | ${row.connections} | ${fmt(row.api.rps)}${failures(row.api)} | ${row.api.p50} / ${row.api.p99} | ` +
        (row.bare ? `${fmt(row.bare.rps)}${failures(row.bare)} | ${row.bare.p50} / ${row.bare.p99} | ${bareRatio.toFixed(2)} | ` : '– | – | – | ') +
        `${fmt(row.baseline.rps)}${failures(row.baseline)} | ${row.baseline.p50} / ${row.baseline.p99} | ${(row.api.rps / row.baseline.rps).toFixed(2)} | ` +
        `${goals.join(', ') || '–'} | ${goals.length ? (pass ? 'pass' : '**fail**') : '–'} | ` +
        `${[row.api.serverCpu, row.baseline.serverCpu, row.bare?.serverCpu, row.api.postgresCpu].map(cpu).join(' · ')} |`,
    );
  }
  for (const d of dashboardRows ?? []) {
    summary.push({ goal: `dashboard: ${d.label}: ${d.goal.maxMs ? `p50 ≤ ${d.goal.maxMs} ms` : `≤ ${d.goal.maxRatio}× raw SQL`}`, measured: `p50 ${d.api.p50.toFixed(1)} ms`, pass: d.pass });
  }
  lines.push('');
  lines.push(
    `Bare minimum (bare-server.mjs): Fastify + pg doing only the work itself — create is one statement inserting the visit and its audit row, ` +
      'the list one statement (the page\'s columns, person codes included); token checked by HMAC, no per-request session check. ' +
      'Same-SQL baseline (baseline-server.mjs): the statements the API sent when it was written (issue 4), without Nest, ORM or validation. ' +
      'Same answers as the API (checked once before measuring): ' +
      check.map((c) => `${c.label.split(' "')[0]} ${c.same ? 'yes' : '**no**'}`).join(', ') +
      `. Deep page: cursor at ${f.deepCursorAt ?? '–'}. CPU ms/req: CPU time of each node process per ` +
      'request, and of PostgreSQL (all backends) per API request. ' +
      `Load average (1 min) ${load.map((l) => l.toFixed(1)).join(' before, ')} after; anything else running on the machine shows up as noise. ` +
      `${args.profile ? 'The servers ran under the CPU profiler (slower than normal). ' : ''}Run took ${fmt(runSeconds)} s.`,
  );
  if (generation.timings) {
    lines.push('');
    lines.push(`Generation: ${generation.timings.map((t) => `${t.name} ${fmt(t.ms / 1000, 1)} s`).join('; ')}.`);
  }
  lines.push('', '## Goals (issue 13)', '', '| goal | measured | result |', '|---|---|---|');
  for (const g of summary) lines.push(`| ${g.goal} | ${g.measured} | ${g.pass ? 'pass' : '**fail**'} |`);
  if (summary.length === 0) lines.push('| (no goal measured in this run) | – | – |');
  return `${lines.join('\n')}\n`;
}

async function shutdown(code) {
  if (exiting) return;
  exiting = true;
  await Promise.all([...children.keys()].map(stopChild));
  await database?.stop().catch(() => undefined);
  process.exit(code);
}
