#!/usr/bin/env node
// Runs the built API (which also serves the built web app) or one of its maintenance commands.
//   node tools/launch.mjs serve [--fresh-database]   (npm start; the e2e tests use --fresh-database)
//   node tools/launch.mjs migrate                    (npm run migrate)
//   node tools/launch.mjs create-admin --email …     (npm run create-admin -- --email …)
// Without DATABASE_URL it starts an embedded PostgreSQL whose data stays in .data/ (or MIH_DATA_DIR),
// loads demo data into an empty database, and keeps generated secrets in .data/secrets.json.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { chooseDataDir, loadSecrets } from './db/data-dir.mjs';
import { DatabaseSetupError, startEmbeddedPostgres } from './db/embedded-postgres.mjs';

const root = resolve(import.meta.dirname, '..');
const [command = 'serve', ...rest] = process.argv.slice(2);
const freshDatabase = rest.includes('--fresh-database');
const forwardedArgs = rest.filter((arg) => arg !== '--fresh-database');
const entry = resolve(root, 'dist/apps/api', command === 'serve' ? 'main.js' : 'cli.js');
const log = (message) => console.log(`[launch] ${message}`);

if (!['serve', 'migrate', 'create-admin'].includes(command)) {
  console.error('Usage: node tools/launch.mjs serve|migrate|create-admin [args]');
  process.exit(2);
}
if (!existsSync(entry)) {
  console.error(`${entry} is missing: build first (npm run build).`);
  process.exit(1);
}

const env = { ...process.env };
let database = null;

if (!env.DATABASE_URL) {
  let secrets;
  try {
    const dataDir = chooseDataDir(resolve(env.MIH_DATA_DIR ?? resolve(root, '.data')), { log });
    secrets = loadSecrets(dataDir);
    const started = Date.now();
    // Supervised while serving: if PostgreSQL dies, it is started again and the API reconnects by itself.
    database = await startEmbeddedPostgres({ dataDir: resolve(dataDir, 'pg'), password: secrets.databasePassword, log, supervise: command === 'serve' });
    log(`Embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${dataDir})`);
  } catch (error) {
    // One line saying what to do, never a stack trace.
    console.error(`[launch] ${error instanceof DatabaseSetupError ? error.message : `The embedded PostgreSQL could not start: ${error?.message ?? error}. Set DATABASE_URL to use another PostgreSQL.`}`);
    await database?.stop();
    process.exit(1);
  }
  env.DATABASE_URL = database.url;
  env.JWT_SECRET ??= secrets.jwtSecret;
  env.SEED_DEMO ??= 'true';
  // Plain http on localhost for the demo; a real deployment sits behind TLS and keeps the default (true).
  env.COOKIE_SECURE ??= 'false';
}
if (freshDatabase) {
  env.DATABASE_URL = await createFreshDatabase(env.DATABASE_URL);
  env.SEED_DEMO = 'true';
  env.COOKIE_SECURE ??= 'false';
  env.JWT_SECRET ??= randomBytes(32).toString('hex');
}
env.WEB_DIST ??= resolve(root, 'dist/apps/web/browser');

const startedAt = Date.now();
const child = spawn(process.execPath, ['--enable-source-maps', entry, ...(command === 'serve' ? [] : [command, ...forwardedArgs])], {
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
if (command === 'serve') void announceWhenHealthy();

const code = await new Promise((done) => child.on('exit', (exitCode, signal) => done(exitCode ?? (signal ? 0 : 1))));
await database?.stop();
process.exit(code);

async function createFreshDatabase(serverUrl) {
  const name = `e2e_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  log(`Fresh database ${name}`);
  return url.toString();
}

async function announceWhenHealthy() {
  const port = env.PORT ?? '3000';
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) {
        log(`Ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: http://localhost:${port}  (API docs: /api/docs)`);
        if (env.SEED_DEMO === 'true') {
          log(`Demo accounts (password ${env.DEMO_PASSWORD ?? 'Demo-2026!'}): admin@example.org, supervisor@example.org,`);
          log('  staff@example.org (Tecún Umán), staff2@example.org (Upala), counselor@example.org (Tecún Umán)');
        }
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
