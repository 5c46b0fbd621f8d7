// Exports and reports run on their own small pool, so slow or stalled downloads and big reports can never
// take the connections that sign-in and visit logging need (issue 12: ~20 unread exports starved the
// main pool). Each caller may run HEAVY_READS_PER_USER of them at once and everyone together
// HEAVY_READS_MAX (429 with Retry-After beyond); every statement has a time limit, and waiting longer
// than HEAVY_READS_ACQUIRE_SECONDS for a connection answers 503 (isDatabaseUnavailable).
import { Global, HttpStatus, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Pool, PoolClient } from 'pg';
import { ERROR_CODES } from '@mih/contracts';
import type { AppConfig } from '../config/app-config';
import { ApiException } from './api-exception';

/** Too many heavy reads running; the filter adds Retry-After. */
export class TooBusyException extends ApiException {
  constructor(readonly retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, ERROR_CODES.tooManyRequests, 'Too many exports or reports are running; try again shortly');
  }
}

const RETRY_AFTER_SECONDS = 10;

@Injectable()
export class HeavyReadsService implements OnModuleDestroy {
  private readonly logger = new Logger(HeavyReadsService.name);
  private readonly pool: Pool;
  private readonly running = new Map<string, number>();
  private total = 0;

  constructor(private readonly config: ConfigService<AppConfig, true>) {
    this.pool = new Pool({
      connectionString: config.get('DATABASE_URL', { infer: true }),
      max: config.get('HEAVY_READS_POOL_SIZE', { infer: true }),
      application_name: 'mih-api-heavy',
      connectionTimeoutMillis: config.get('HEAVY_READS_ACQUIRE_SECONDS', { infer: true }) * 1000,
      statement_timeout: config.get('HEAVY_READS_STATEMENT_TIMEOUT_SECONDS', { infer: true }) * 1000,
      idle_in_transaction_session_timeout: 60_000,
      keepAlive: true,
    });
    // A connection dropped while idle (database restart): logged and discarded, never a crash.
    this.pool.on('error', (error) => this.logger.warn(`Heavy-read pool connection lost: ${error.message}`));
  }

  /**
   * Takes one of the caller's slots or refuses with 429. Returns the release function (safe to call
   * twice): the caller releases when its work, or its streamed download, is over.
   */
  acquire(userId: string): () => void {
    const mine = this.running.get(userId) ?? 0;
    if (mine >= this.config.get('HEAVY_READS_PER_USER', { infer: true }) || this.total >= this.config.get('HEAVY_READS_MAX', { infer: true })) {
      throw new TooBusyException(RETRY_AFTER_SECONDS);
    }
    this.running.set(userId, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
    };
  }

  /** Runs `work` in one of the caller's slots. */
  async run<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const release = this.acquire(userId);
    try {
      return await work();
    } finally {
      release();
    }
  }

  async query<T = any>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, parameters)).rows as T[];
  }

  /** A connection of the heavy pool (for a cursor); give it back with release(). */
  connect(): Promise<PoolClient> {
    return this.pool.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

@Global()
@Module({ providers: [HeavyReadsService], exports: [HeavyReadsService] })
export class HeavyReadsModule {}
