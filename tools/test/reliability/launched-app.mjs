// Starts the built app the way `npm start` does (tools/launch.mjs serve: embedded, supervised PostgreSQL)
// in a throw-away data folder, for the reliability specs that kill real processes.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../db/embedded-postgres.mjs';

const root = resolve(import.meta.dirname, '../../..');

export async function launchApp(extraEnv = {}) {
  if (!existsSync(join(root, 'dist/apps/api/main.js'))) throw new Error('dist/apps/api/main.js is missing: build first (npx nx build api)');
  const dataDir = mkdtempSync(join(tmpdir(), 'mih-reliability-'));
  chmodSync(dataDir, 0o711); // the postgres user must reach pg/ inside it
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), MIH_DATA_DIR: dataDir, LOG_LEVEL: 'warn', AUTH_RATE_LIMIT_PER_MINUTE: '10000', ...extraEnv };
  delete env.DATABASE_URL; // the embedded, supervised server, as `npm start` without configuration
  const child = spawn(process.execPath, [join(root, 'tools/launch.mjs'), 'serve'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const collect = (chunk) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const base = `http://127.0.0.1:${port}`;

  const app = {
    base,
    lines,
    dataDir,
    /** pid of the running postmaster, from its postmaster.pid. */
    postgresPid: () => Number(readFileSync(join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[0]),
    databaseUrl: () => {
      const port = readFileSync(join(dataDir, 'pg/postmaster.pid'), 'utf8').split('\n')[3].trim();
      const { databasePassword } = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));
      return `postgres://postgres:${encodeURIComponent(databasePassword)}@127.0.0.1:${port}/postgres`;
    },
    async healthy() {
      try {
        return (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(3000) })).status === 200;
      } catch {
        return false;
      }
    },
    async request(method, path, { token, body } = {}) {
      const headers = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      try {
        const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
        const text = await response.text();
        return { status: response.status, retryAfter: response.headers.get('retry-after'), body: text ? JSON.parse(text) : undefined };
      } catch (error) {
        return { status: 0, error: error?.cause?.code ?? error?.name ?? String(error) };
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGINT');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
    exited: () => child.exitCode !== null,
  };
  for (let i = 0; i < 600 && !(await app.healthy()); i++) {
    if (child.exitCode !== null) throw new Error(`the launcher exited: ${lines.slice(-5).join(' / ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return app;
}
