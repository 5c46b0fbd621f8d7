// Runs pending migrations under a PostgreSQL advisory lock, so API replicas starting together
// migrate one at a time instead of racing on the same DDL. With a separate migration role
// (MIGRATION_DATABASE_URL), the schema is that role's; the app's role (DATABASE_URL) then gets what it
// needs to work and no more: it owns nothing, and may only add to the append-only tables.
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

const MIGRATION_LOCK_KEY = 727_001;

/** Tables the app may read and add to, never change, delete from or empty (their triggers say so too). */
export const APPEND_ONLY_TABLES = ['audit_events', 'referral_events'] as const;

/**
 * Migrates through `dataSource`, or, when `migrationUrl` names another role, through a connection of
 * that role, which then grants the app's role its privileges.
 */
export async function runMigrations(dataSource: DataSource, migrationUrl?: string): Promise<string[]> {
  const appRole = roleOf(dataSourceUrl(dataSource));
  if (!migrationUrl || roleOf(migrationUrl) === appRole) return migrateUnderLock(dataSource);
  const owner = new DataSource({ ...dataSourceOptions(migrationUrl), extra: { max: 2, application_name: 'mih-migrate' } });
  await owner.initialize();
  try {
    const applied = await migrateUnderLock(owner);
    await grantAppRole(owner, appRole);
    return applied;
  } finally {
    await owner.destroy();
  }
}

async function migrateUnderLock(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

/**
 * What the app's role may do in the schema the migration role owns: use it; read and write its tables
 * (read only the migrations record; only add to the append-only tables); use its sequences and functions.
 * Run after every migration, so new tables are covered.
 */
export async function grantAppRole(owner: DataSource, appRole: string): Promise<void> {
  const role = owner.driver.escape(appRole);
  await owner.transaction(async (manager) => {
    await manager.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await manager.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await manager.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM ${role}`);
    for (const table of APPEND_ONLY_TABLES) await manager.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM ${role}`);
    await manager.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await manager.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role}`);
  });
}

function dataSourceUrl(dataSource: DataSource): string {
  return (dataSource.options as { url?: string }).url ?? '';
}

/** The role a connection URL signs in as (the URL's user name). */
function roleOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).username);
  } catch {
    return '';
  }
}
