// Where `npm start` keeps the embedded database and its generated secrets: .data/ (or MIH_DATA_DIR), or,
// as root with a clone the `postgres` user cannot enter, a private folder under /var/tmp whose owner and
// mode are checked before the secrets.json in it is believed (/var/tmp is writable by everyone).
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { DatabaseSetupError, postgresUser, reachableByOthers } from './embedded-postgres.mjs';

export function chooseDataDir(preferred, { log = () => undefined, fallbackRoot = '/var/tmp' } = {}) {
  if (userInfo().uid !== 0 || reachableByOthers(resolve(preferred, 'pg'), postgresUser())) return preferred;
  // As root, PostgreSQL runs as the `postgres` user, which cannot enter a clone under a private home.
  const fallback = resolve(fallbackRoot, `mih-${createHash('sha256').update(preferred).digest('hex').slice(0, 12)}`);
  log(`${preferred} is not reachable by the postgres user (a parent folder is private); using ${fallback}.`);
  log('Set MIH_DATA_DIR to choose another place, or `chmod o+x` the parent folders.');
  // root:postgres 0710: the server can pass through to pg/, nobody else can enter or list it.
  if (!existsSync(fallback)) {
    mkdirSync(fallback, { mode: 0o710 });
    chownSync(fallback, 0, postgresUser().gid);
  }
  assertPrivate(fallback, 0o027);
  return fallback;
}

/** The database password and JWT secret of this data folder, generated on first use (0600). */
export function loadSecrets(dataDir) {
  const file = resolve(dataDir, 'secrets.json');
  if (existsSync(file)) {
    assertPrivate(file, 0o077);
    return JSON.parse(readFileSync(file, 'utf8'));
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  const secrets = { databasePassword: randomBytes(18).toString('base64url'), jwtSecret: randomBytes(32).toString('hex') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}

/** Ours, not a symlink, and none of the `forbidden` mode bits: else someone else may have planted it. */
function assertPrivate(path, forbidden) {
  const stat = lstatSync(path);
  const mine = stat.uid === userInfo().uid;
  if (!mine || stat.isSymbolicLink() || stat.mode & forbidden) {
    throw new DatabaseSetupError(
      `${path} is ${mine ? `open to others (mode ${(stat.mode & 0o777).toString(8)})` : `owned by uid ${stat.uid}, not you`}; ` +
        'remove it or set MIH_DATA_DIR to a folder of your own, then start again.',
    );
  }
}
