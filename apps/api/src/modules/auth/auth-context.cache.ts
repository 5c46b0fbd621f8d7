// The auth context of open sign-ins, kept between requests so that an authenticated request sends one
// statement (its own) instead of two (issue 13). Correct only while it hears about every change:
//   - in this process, TypeORM shows it every statement: a committed write that names users, user_hubs
//     or refresh_tokens empties the cache before the writer's response goes out, so signing out,
//     deactivation, a role or hub change and a second-factor reset take effect on the next request;
//   - from other processes (another replica, the CLI, an operator's psql), triggers on those tables
//     NOTIFY 'mih_auth_context' with the user's id (migration 1765700000000), heard on a LISTEN connection:
//     their change takes effect here within the notification's delivery, milliseconds.
// While that connection is down, notifications may be lost: the cache is emptied and not used (every
// request reads the database, as before) until it listens again. A connection that went silent (a
// network that swallows packets) is found by a heartbeat every HEARTBEAT_MS. A read that began before a
// change and ends after it is never kept (the generation check). Entries also expire after ENTRY_TTL_MS.
// The LISTEN needs a session of its own: DATABASE_URL must not point at a transaction-pooling proxy.
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { AfterQueryEvent, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import type { AppConfig } from '../../config/app-config';

export const AUTH_CONTEXT_CHANNEL = 'mih_auth_context';
const ENTRY_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const RECONNECT_MS = 1_000;
const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 2_000;
/** A statement that may change an auth context: not a plain read, and naming one of its tables. */
const AUTH_TABLES = /\b(users|user_hubs|refresh_tokens)\b/i;
const READ_ONLY = /^\s*SELECT\b/i;

interface Entry<T> {
  userId: string;
  value: T;
  storedAt: number;
}

@Injectable()
export class AuthContextCache<T = unknown> implements EntitySubscriberInterface, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AuthContextCache.name);
  private readonly entries = new Map<string, Entry<T>>();
  /** Bumped by every change heard of: a read that started under an older generation is not kept. */
  private generation = 0;
  private listening = false;
  private listener: Client | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Transactions under way in this process that wrote to an auth table. */
  private readonly dirty = new WeakSet<QueryRunner>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dataSource.subscribers.push(this);
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.forgetAll();
    const listener = this.listener;
    this.listening = false;
    this.listener = null;
    // A connection to a silent network would never finish ending.
    if (listener) await Promise.race([listener.end().catch(() => undefined), delay(1_000)]);
  }

  /** The generation to hand back to `set`: take it before reading the database. */
  currentGeneration(): number {
    return this.generation;
  }

  get(sessionId: string): T | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (Date.now() - entry.storedAt > ENTRY_TTL_MS) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps what was read under `generation`, unless something changed since. */
  set(sessionId: string, userId: string, value: T, generation: number): void {
    if (!this.listening || generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(sessionId, { userId, value, storedAt: Date.now() });
  }

  forgetUser(userId: string): void {
    this.generation++;
    for (const [sessionId, entry] of this.entries) if (entry.userId === userId) this.entries.delete(sessionId);
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  // TypeORM sees every statement this process sends (query builder, repositories and raw queries).
  afterQuery(event: AfterQueryEvent): void {
    if (!event.success || READ_ONLY.test(event.query) || !AUTH_TABLES.test(event.query)) return;
    if (event.queryRunner.isTransactionActive) this.dirty.add(event.queryRunner);
    else this.forgetAll();
  }

  // A savepoint's release or rollback leaves the transaction open: only its end decides.
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive || !this.dirty.has(event.queryRunner)) return;
    this.dirty.delete(event.queryRunner);
    this.forgetAll();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.dirty.delete(event.queryRunner);
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.config.get('DATABASE_URL', { infer: true }),
      application_name: 'mih-api-auth-listener',
      connectionTimeoutMillis: this.config.get('DATABASE_CONNECT_TIMEOUT_SECONDS', { infer: true }) * 1000,
      keepAlive: true,
    });
    const lost = (reason: string) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.listening = false;
      if (this.heartbeat) clearInterval(this.heartbeat);
      this.forgetAll();
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (!this.stopped) {
        this.logger.warn(`auth context cache off until the database is back (${reason})`);
        this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
        this.reconnect.unref();
      }
    };
    this.listener = client;
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', (message) => (message.payload ? this.forgetUser(message.payload) : this.forgetAll()));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CONTEXT_CHANNEL}`);
      if (this.listener === client && !this.stopped) {
        this.forgetAll();
        this.listening = true;
        this.heartbeat = setInterval(() => {
          Promise.race([client.query('SELECT 1'), delay(HEARTBEAT_TIMEOUT_MS).then(() => Promise.reject(new Error('no answer')))]).catch(
            (error: Error) => lost(`heartbeat: ${error.message}`),
          );
        }, HEARTBEAT_MS);
        this.heartbeat.unref();
      }
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}
