// Runs pending migrations under a PostgreSQL advisory lock, so API replicas starting together
// migrate one at a time instead of racing on the same DDL.
import { DataSource } from 'typeorm';

const MIGRATION_LOCK_KEY = 727_001;

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
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
