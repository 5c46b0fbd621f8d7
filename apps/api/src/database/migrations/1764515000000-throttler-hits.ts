// Rate-limit counters shared by every API replica (issue 12: they were counted per process, so N replicas
// allowed N times the limit). UNLOGGED: counters are worth nothing after a crash and should cost no WAL.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class ThrottlerHits1764515000000 implements MigrationInterface {
  name = 'ThrottlerHits1764515000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE throttler_hits (
        key varchar(128) NOT NULL,
        throttler varchar(64) NOT NULL,
        hits integer NOT NULL,
        expires_at timestamptz NOT NULL,
        blocked_until timestamptz,
        PRIMARY KEY (key, throttler)
      )`);
    await q.query(`CREATE INDEX throttler_hits_expires_at ON throttler_hits (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE throttler_hits`);
  }
}
