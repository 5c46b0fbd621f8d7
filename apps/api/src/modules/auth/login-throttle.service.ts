// Sign-in lockout, counted in the database so every API replica agrees, and for unknown emails too, so a
// lockout says nothing about who has an account. Two counters per email:
//   - per source (client address; an IPv6 /64 counts as one): LOGIN_MAX_FAILURES in
//     LOGIN_FAILURE_WINDOW_MINUTES, then that source is locked out of that account for LOGIN_LOCK_MINUTES;
//   - per account (source ''): LOGIN_ACCOUNT_MAX_FAILURES in LOGIN_ACCOUNT_WINDOW_MINUTES from all sources
//     together, then the account is locked for everyone for LOGIN_LOCK_MINUTES.
// So one attacker cannot lock the admin out (only their own address), and guessing from many addresses
// still hits a ceiling. An attempt is reserved BEFORE the slow password check, in one upsert per counter
// (row locks serialise a parallel burst), and released when the password was right.
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';

/** One reservation in this many also deletes dead counters (no timer to stop at shutdown). */
const SWEEP_EVERY = 200;

export interface LoginReservation {
  emailHash: string;
  source: string;
}

@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** Counts one attempt on both counters; null when either is locked or full (the caller answers 429). */
  async reserve(email: string, ip: string | null): Promise<LoginReservation | null> {
    const reservation = { emailHash: hashEmail(email), source: this.sourceOf(ip) };
    // The source's counter first; the account's counts only attempts its source let through, so
    // guesses from a locked-out address cannot lock the account for everyone. (Row locks are always
    // taken source first, account second: concurrent bursts cannot deadlock.)
    const rows: { allowed: boolean }[] = await this.dataSource.query(
      `WITH from_source AS (${UPSERT('VALUES ($1, $2, 1, now())')}),
            from_anywhere AS (${UPSERT(`SELECT $1, '', 1, now() FROM from_source WHERE allowed`)})
       SELECT allowed FROM from_source UNION ALL SELECT allowed FROM from_anywhere`,
      [reservation.emailHash, reservation.source, ...this.limits()],
    );
    if (Math.random() < 1 / SWEEP_EVERY) void this.sweep();
    return rows.length === 2 && rows.every((row) => row.allowed) ? reservation : null;
  }

  /** Counters whose window and lock have both run out count nothing: delete them (guessed emails pile up). */
  private async sweep(): Promise<void> {
    const [, sourceWindow, , accountWindow] = this.limits();
    await this.dataSource
      .query(
        `DELETE FROM login_throttles WHERE (locked_until IS NULL OR locked_until < now())
           AND window_started_at < now() - make_interval(mins => $1::int)`,
        [Math.max(sourceWindow, accountWindow)],
      )
      .catch(() => undefined);
  }

  /** The reserved attempt was a failure: lock at once when it filled a counter. Returns whether it did. */
  async recordFailure(reservation: LoginReservation): Promise<boolean> {
    // An UPDATE's raw answer is [rows, affected count]: the count says whether it locked.
    const [, lockedNow]: [unknown[], number] = await this.dataSource.query(
      `UPDATE login_throttles AS t SET locked_until = now() + make_interval(mins => $5::int)
       WHERE email_hash = $1 AND source IN ('', $2) AND locked_until IS NULL
         AND attempts >= CASE WHEN t.source = '' THEN $4::int ELSE $3::int END
       RETURNING 1`,
      [reservation.emailHash, reservation.source, ...this.limits().filter((_, i) => i === 0 || i === 2 || i === 4)],
    );
    return lockedNow > 0;
  }

  /** The password was right: this source starts afresh; the account's counter gives the attempt back. */
  async release(reservation: LoginReservation): Promise<void> {
    await this.dataSource.query(
      `WITH fresh_start AS (DELETE FROM login_throttles WHERE email_hash = $1 AND source = $2)
       UPDATE login_throttles SET attempts = greatest(attempts - 1, 0) WHERE email_hash = $1 AND source = '' AND locked_until IS NULL`,
      [reservation.emailHash, reservation.source],
    );
  }

  /**
   * The password was right but a second factor is still to come: the attempt is given back to both
   * counters, and the source does not start afresh until the code is right too (else every right
   * password would wipe the count of wrong codes).
   */
  async giveBack(reservation: LoginReservation): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_throttles SET attempts = greatest(attempts - 1, 0) WHERE email_hash = $1 AND source IN ('', $2) AND locked_until IS NULL`,
      [reservation.emailHash, reservation.source],
    );
  }

  /** $3..$7 of the statements above. */
  private limits(): number[] {
    return [
      this.config.get('LOGIN_MAX_FAILURES', { infer: true }),
      this.config.get('LOGIN_FAILURE_WINDOW_MINUTES', { infer: true }),
      this.config.get('LOGIN_ACCOUNT_MAX_FAILURES', { infer: true }),
      this.config.get('LOGIN_ACCOUNT_WINDOW_MINUTES', { infer: true }),
      this.config.get('LOGIN_LOCK_MINUTES', { infer: true }),
    ];
  }

  /** A keyed hash of the client address (never stored in clear); an IPv6 /64 is one source. */
  private sourceOf(ip: string | null): string {
    const address = ip && isIPv6(ip) && !ip.startsWith('::ffff:') ? ipv6Prefix64(ip) : (ip ?? 'unknown');
    return createHmac('sha256', this.config.get('JWT_SECRET', { infer: true })).update(address).digest('hex');
  }
}

/** The counter's cap and window, by row: the account row ('') or a source row. */
const MAX = `CASE WHEN t.source = '' THEN $5::int ELSE $3::int END`;
const WINDOW = `make_interval(mins => CASE WHEN t.source = '' THEN $6::int ELSE $4::int END)`;
/** A lock that has run out, or a window that has: the counter starts again. */
const EXPIRED = `(t.locked_until <= now() OR (t.locked_until IS NULL AND t.window_started_at < now() - ${WINDOW}))`;

/** Counts one attempt on a counter, or refuses it (locked, or full: then it locks). */
const UPSERT = (rows: string) => `
  INSERT INTO login_throttles AS t (email_hash, source, attempts, window_started_at) ${rows}
  ON CONFLICT (email_hash, source) DO UPDATE SET
    attempts = CASE
      WHEN t.locked_until > now() THEN t.attempts
      WHEN ${EXPIRED} THEN 1
      WHEN t.attempts >= ${MAX} THEN t.attempts
      ELSE t.attempts + 1 END,
    window_started_at = CASE WHEN ${EXPIRED} THEN now() ELSE t.window_started_at END,
    locked_until = CASE
      WHEN t.locked_until > now() THEN t.locked_until
      WHEN ${EXPIRED} THEN NULL
      WHEN t.attempts >= ${MAX} THEN now() + make_interval(mins => $7::int)
      ELSE NULL END
  RETURNING locked_until IS NULL AS allowed`;

function hashEmail(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

function ipv6Prefix64(ip: string): string {
  const [head, tail = ''] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
