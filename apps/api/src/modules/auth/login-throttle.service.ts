// Locks an email out after repeated failed sign-ins, counted in the database so every API replica
// agrees; the count is kept for unknown emails too, so a lockout says nothing about who has an account.
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';

@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async isLocked(email: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM login_throttles WHERE email_hash = $1 AND locked_until > now()',
      [hashEmail(email)],
    );
    return rows.length > 0;
  }

  /** Counts a failure; returns true when this failure locks the account. */
  async recordFailure(email: string): Promise<boolean> {
    const window = this.config.get('LOGIN_FAILURE_WINDOW_MINUTES', { infer: true });
    const max = this.config.get('LOGIN_MAX_FAILURES', { infer: true });
    const lock = this.config.get('LOGIN_LOCK_MINUTES', { infer: true });
    const [row]: { failures: number; locked: boolean }[] = await this.dataSource.query(
      `INSERT INTO login_throttles AS t (email_hash, failures, window_started_at)
       VALUES ($1, 1, now())
       ON CONFLICT (email_hash) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(mins => $2) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => $2) THEN now() ELSE t.window_started_at END
       RETURNING failures, false AS locked`,
      [hashEmail(email), window],
    );
    if (row.failures < max) return false;
    await this.dataSource.query(
      `UPDATE login_throttles SET locked_until = now() + make_interval(mins => $2), failures = 0, window_started_at = now()
       WHERE email_hash = $1`,
      [hashEmail(email), lock],
    );
    return true;
  }

  async clear(email: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttles WHERE email_hash = $1', [hashEmail(email)]);
  }
}

function hashEmail(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
