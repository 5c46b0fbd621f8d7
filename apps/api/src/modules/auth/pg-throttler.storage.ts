// @nestjs/throttler's storage in PostgreSQL, so a rate limit holds across API replicas: a fixed window
// per key (the guard's hash of route and client address, never the address itself) counted by one
// atomic upsert. Past the limit the key is blocked for blockDuration.
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { DataSource } from 'typeorm';

/** One increment in this many also deletes counters that ran out (no timer to stop at shutdown). */
const SWEEP_EVERY = 200;

export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const [row]: { hits: number; expires_in: number; blocked_for: number | null }[] = await this.dataSource.query(
      `INSERT INTO throttler_hits AS t (key, throttler, hits, expires_at)
       VALUES ($1, $2, 1, now() + make_interval(secs => $3::float8 / 1000))
       ON CONFLICT (key, throttler) DO UPDATE SET
         hits = CASE WHEN t.blocked_until > now() THEN t.hits WHEN t.expires_at <= now() THEN 1 ELSE t.hits + 1 END,
         expires_at = CASE WHEN t.blocked_until > now() OR t.expires_at > now() THEN t.expires_at
                           ELSE now() + make_interval(secs => $3::float8 / 1000) END,
         blocked_until = CASE WHEN t.blocked_until > now() THEN t.blocked_until
                              WHEN t.expires_at > now() AND t.hits + 1 > $4::int THEN now() + make_interval(secs => $5::float8 / 1000)
                              ELSE NULL END
       RETURNING hits,
         ceil(extract(epoch FROM expires_at - now()))::int AS expires_in,
         CASE WHEN blocked_until > now() THEN ceil(extract(epoch FROM blocked_until - now()))::int END AS blocked_for`,
      [key, throttlerName, ttl, limit, blockDuration > 0 ? blockDuration : ttl],
    );
    if (Math.random() < 1 / SWEEP_EVERY) {
      void this.dataSource
        .query(`DELETE FROM throttler_hits WHERE expires_at < now() AND (blocked_until IS NULL OR blocked_until < now())`)
        .catch(() => undefined);
    }
    const blocked = row.blocked_for !== null;
    return { totalHits: row.hits, timeToExpire: row.expires_in, isBlocked: blocked, timeToBlockExpire: blocked ? row.blocked_for! : 0 };
  }
}
