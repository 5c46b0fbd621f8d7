// Two API processes on one database, as docker/compose.yml runs them behind a proxy: the migration lock,
// the sign-in lockout, refresh-token rotation (reuse on the other replica revokes the whole sign-in) and
// the login rate limit must hold across them. Client addresses come from X-Forwarded-For with
// TRUST_PROXY=1 (one proxy): the left-most entries, which a client can write, are never believed.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { freePort } from '../../db/embedded-postgres.mjs';
import { startTestDatabase } from '../test-database.mjs';

const root = resolve(import.meta.dirname, '../../..');
const MIGRATION_LOCK_KEY = 727_001; // apps/api/src/database/migrate.ts
const PASSWORD = 'Replica-test-1';
const RATE_LIMIT = 12;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('two replicas on one database', () => {
  let server;
  let databaseUrl;
  const replicas = [];
  let env;

  before(async () => {
    assert.ok(existsSync(join(root, 'dist/apps/api/main.js')), 'build first (npx nx build api)');
    server = await startTestDatabase();
    const name = `replicas_${randomBytes(6).toString('hex')}`;
    await withClient(server.url, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`));
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('hex'), // the same on every replica, as the README asks
      SEED_DEMO: 'false',
      COOKIE_SECURE: 'false',
      TRUST_PROXY: '1',
      AUTH_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      LOGIN_MAX_FAILURES: '6',
      LOG_LEVEL: 'warn',
    };
    delete env.WEB_DIST;
  });
  after(async () => {
    for (const replica of replicas) await replica.stop();
    await withClient(server.url, (c) => c.query(`DROP DATABASE IF EXISTS ${new URL(databaseUrl).pathname.slice(1)} WITH (FORCE)`)).catch(() => undefined);
    await server.stop();
  });

  it('migrates once: both replicas wait while another holds the migration lock, then start', async () => {
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    replicas.push(await startReplica(env), await startReplica(env));
    await sleep(2500);
    assert.deepEqual(await Promise.all(replicas.map((r) => r.healthy())), [false, false], 'nobody migrates while the lock is held');
    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await holder.end();
    await Promise.all(replicas.map((r) => r.waitHealthy()));
    const rows = await withClient(databaseUrl, async (c) => (await c.query('SELECT name, count(*)::int AS n FROM migrations GROUP BY name')).rows);
    assert.ok(rows.length >= 8, 'every migration applied');
    assert.deepEqual(rows.filter((r) => r.n !== 1), [], 'each migration exactly once');

    const created = spawnSync(process.execPath, [join(root, 'dist/apps/api/cli.js'), 'create-admin', '--email', 'admin@replicas.example', '--name', 'Admin'], {
      env: { ...env, ADMIN_PASSWORD: PASSWORD },
      encoding: 'utf8',
    });
    assert.equal(created.status, 0, created.stderr);
  });

  it('locks an account after 6 failures spread over both replicas', async () => {
    const [a, b] = replicas;
    const from = { 'x-forwarded-for': '10.20.0.1' };
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? b : a).login('admin@replicas.example', `Wrong-${i}-password`, from)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 401]);
    assert.equal((await a.login('admin@replicas.example', PASSWORD, from)).status, 429);
    assert.equal((await b.login('admin@replicas.example', PASSWORD, from)).status, 429);
    // From another address the admin still signs in (the lock is per account and source).
    assert.equal((await b.login('admin@replicas.example', PASSWORD, { 'x-forwarded-for': '10.20.0.2' })).status, 200);
  });

  it('revokes the whole sign-in when a used refresh token is presented to the other replica', async () => {
    const [a, b] = replicas;
    const from = { 'x-forwarded-for': '10.30.0.1' };
    const login = await a.login('admin@replicas.example', PASSWORD, from);
    assert.equal(login.status, 200);
    const first = login.cookie;
    const rotated = await b.refresh(first, from);
    assert.equal(rotated.status, 200, 'a refresh works on the other replica');
    assert.equal((await a.refresh(first, from)).status, 401, 'the used token, replayed on the first replica');
    assert.equal((await b.refresh(rotated.cookie, from)).status, 401, 'the family is revoked: the newest token too');
    assert.equal((await b.me(rotated.body.accessToken, from)).status, 401, 'and its access token');
  });

  it(`allows ${RATE_LIMIT} sign-in calls a minute per client address across both replicas, whatever X-Forwarded-For the client writes`, async () => {
    const statuses = [];
    for (let i = 0; i < RATE_LIMIT + 4; i++) {
      // The client prepends a different made-up address every time; the proxy appends the real one.
      const headers = { 'x-forwarded-for': `203.0.113.${i}, 10.40.0.1` };
      statuses.push((await replicas[i % 2].login(`nobody${i}@replicas.example`, 'Wrong-password-1', headers)).status);
    }
    const allowed = statuses.filter((s) => s !== 429).length;
    console.log(`[replicas] ${statuses.length} sign-ins alternating over 2 replicas, limit ${RATE_LIMIT}/min: ${allowed} answered, ${statuses.length - allowed} got 429`);
    assert.equal(allowed, RATE_LIMIT);
    assert.deepEqual(statuses.slice(RATE_LIMIT), [429, 429, 429, 429]);
  });
});

async function startReplica(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], { cwd: root, env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  child.stdout.on('data', (c) => lines.push(c.toString()));
  child.stderr.on('data', (c) => lines.push(c.toString()));
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, { body, headers = {}, cookie, token } = {}) => {
    const h = { ...headers };
    if (body) h['content-type'] = 'application/json';
    if (cookie) h.cookie = `mih_refresh=${cookie}`;
    if (token) h.authorization = `Bearer ${token}`;
    const response = await fetch(`${base}${path}`, { method, headers: h, body: body ? JSON.stringify(body) : undefined });
    const text = await response.text();
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('mih_refresh='));
    return { status: response.status, body: text ? JSON.parse(text) : undefined, cookie: setCookie?.split(';')[0].split('=')[1] };
  };
  return {
    lines,
    async healthy() {
      try {
        return (await fetch(`${base}/api/health`)).status === 200;
      } catch {
        return false;
      }
    },
    async waitHealthy() {
      for (let i = 0; i < 300; i++) {
        if (await this.healthy()) return;
        if (child.exitCode !== null) throw new Error(`replica exited: ${lines.join('')}`);
        await sleep(100);
      }
      throw new Error(`replica not healthy: ${lines.join('')}`);
    },
    login: (email, password, headers) => call('POST', '/api/auth/login', { body: { email, password }, headers }),
    refresh: (cookie, headers) => call('POST', '/api/auth/refresh', { cookie, headers }),
    me: (token, headers) => call('GET', '/api/auth/me', { token, headers }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
