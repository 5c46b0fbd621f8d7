// The database `npm run seed:volume` and `npm run bench` fill: the one DATABASE_URL names, or a database
// `mih_volume` in an embedded PostgreSQL whose data stay in .data/bench (kept between runs) or in a
// temporary folder (removed by stop()). Migrations are those of the built API (dist/apps/api/cli.js).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { reachableByOthers, startEmbeddedPostgres } from '../db/embedded-postgres.mjs';

export const root = resolve(import.meta.dirname, '../..');
const DATABASE_NAME = 'mih_volume';

/**
 * @param {{ keep: boolean, log?: (m: string) => void }} options keep: use .data/bench (or MIH_BENCH_DIR)
 *   and leave it there; otherwise a temporary folder removed by stop().
 * @returns {Promise<{ url: string, jwtSecret: string, embedded: boolean, folder?: string, dataDir?: string, stop: () => Promise<void> }>}
 */
export async function openVolumeDatabase({ keep, log = console.log }) {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, jwtSecret: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'), embedded: false, stop: async () => undefined };
  }
  let folder;
  if (keep) {
    folder = resolve(process.env.MIH_BENCH_DIR ?? resolve(root, '.data/bench'));
    if (userInfo().uid === 0 && !reachableByOthers(folder)) {
      folder = join(tmpdir(), 'mih-bench');
      log(`The postgres user cannot enter the clone's folder; keeping the volume database in ${folder} instead.`);
    }
    mkdirSync(folder, { recursive: true, mode: 0o711 });
  } else {
    folder = mkdtempSync(join(tmpdir(), 'mih-bench-'));
  }
  chmodSync(folder, 0o711);
  const secretsFile = join(folder, 'secrets.json');
  const secrets = existsSync(secretsFile)
    ? JSON.parse(readFileSync(secretsFile, 'utf8'))
    : { databasePassword: randomBytes(18).toString('base64url'), jwtSecret: randomBytes(32).toString('hex') };
  writeFileSync(secretsFile, JSON.stringify(secrets, null, 2), { mode: 0o600 });

  const started = Date.now();
  const server = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), password: secrets.databasePassword, log });
  log(`Embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${folder}${keep ? ', kept' : ', temporary'})`);
  // A bulk load on a fresh cluster: fewer checkpoints while it runs (reloadable settings, no restart).
  await withClient(server.url, async (client) => {
    await client.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
    await client.query(`ALTER SYSTEM SET checkpoint_timeout = '30min'`);
    await client.query('SELECT pg_reload_conf()');
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME} TEMPLATE template0 ENCODING 'UTF8'`);
  });
  const url = new URL(server.url);
  url.pathname = `/${DATABASE_NAME}`;
  return {
    url: url.toString(),
    jwtSecret: secrets.jwtSecret,
    embedded: true,
    folder,
    dataDir: join(folder, 'pg'),
    stop: async () => {
      await server.stop();
      if (!keep) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Applies the built API's migrations (`node dist/apps/api/cli.js migrate`). */
export async function migrate(url, jwtSecret, log = console.log) {
  const cli = resolve(root, 'dist/apps/api/cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build the API first (npx nx build api).`);
  const started = Date.now();
  const output = [];
  const code = await new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'migrate'], {
      env: { ...process.env, DATABASE_URL: url, JWT_SECRET: jwtSecret, SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('exit', (exitCode) => done(exitCode ?? 1));
  });
  const text = Buffer.concat(output).toString().trim();
  if (code !== 0) throw new Error(`Migrations failed (exit ${code}):\n${text}`);
  log(`Migrations: ${text.split('\n').pop()} (${Date.now() - started} ms)`);
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, application_name: 'mih-volume' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
