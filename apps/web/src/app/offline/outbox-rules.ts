// What happens to a record of the outbox after each attempt to send it: the whole sync policy, as pure
// functions (no clock, no network, no storage), so every rule is a unit spec.
//
//   pending ──send──▶ sending ──2xx──────────────────────────────▶ synced (removed from the outbox)
//      ▲                 │ ├─ no answer, timeout, 5xx gateway, 429 ──▶ pending, retried with backoff
//      │                 │ ├─ 401 after the token refresh ──────▶ pending, waits for the same user's sign-in
//      └─── fix, resend ─┘ └─ 400, 403, 404, 409… ──────────────▶ needs attention (the server's reason)
import { type ApiError, ERROR_CODES } from '@mih/contracts';

export type OutboxStatus = 'pending' | 'sending' | 'needs_attention';

/** What the server said when it refused a record (its field errors too), kept for "needs attention". */
export type OutboxError = ApiError;

/** The part of an outbox entry the rules read and write. */
export interface OutboxEntryState {
  status: OutboxStatus;
  /** Failed attempts since the record was saved or last resent by the user. */
  attempts: number;
  /** Epoch ms before which the record is not sent again (backoff, Retry-After). */
  nextAttemptAt: number;
  /** The last failure: the reason shown under "needs attention", or why it waits. */
  error?: OutboxError;
}

/** A failed send as the app sees it: the API's error, plus how long the server asked to wait. */
export type SendFailure = ApiError & { retryAfterMs?: number };

export type Verdict =
  | { kind: 'synced' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'wait_for_sign_in' }
  | { kind: 'refused' };

export const FIRST_RETRY_MS = 1_000;
/** Backoff stops growing here, so a record is sent within seconds of the link coming back. */
export const MAX_RETRY_MS = 30_000;
/** A Retry-After longer than this is not believed (a misconfigured proxy must not park records for days). */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;
/** A server error (500) may be a bug that a retry will not fix: after this many, a person looks at it. */
export const MAX_SERVER_ERROR_ATTEMPTS = 5;

/** Answers that say "not now": the request may not have arrived, or the server cannot take it yet. */
const TRANSIENT_STATUSES = new Set([0, 408, 429, 502, 503, 504]);

/** The verdict on one attempt; `attempts` counts the failed attempts including this one. */
export function judge(failure: SendFailure | null, attempts: number, random: () => number = Math.random): Verdict {
  if (!failure) return { kind: 'synced' };
  // A user whose password an admin set, or who owes a second factor, sends nothing until that is done:
  // the record waits too.
  if (
    failure.statusCode === 401 ||
    failure.code === ERROR_CODES.unauthorized ||
    failure.code === ERROR_CODES.passwordChangeRequired ||
    failure.code === ERROR_CODES.secondFactorEnrolmentRequired
  ) {
    return { kind: 'wait_for_sign_in' };
  }
  if (TRANSIENT_STATUSES.has(failure.statusCode)) return { kind: 'retry', delayMs: retryDelay(failure, attempts, random) };
  if (failure.statusCode >= 500 && attempts < MAX_SERVER_ERROR_ATTEMPTS) {
    return { kind: 'retry', delayMs: retryDelay(failure, attempts, random) };
  }
  return { kind: 'refused' };
}

/** Exponential backoff with ±20 % jitter (so reconnecting hubs do not all knock at once), or Retry-After. */
export function retryDelay(failure: SendFailure, attempts: number, random: () => number = Math.random): number {
  if (failure.retryAfterMs !== undefined && failure.retryAfterMs >= 0) return Math.min(failure.retryAfterMs, MAX_RETRY_AFTER_MS);
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The entry after an attempt, or null when it reached the server (and leaves the outbox). */
export function afterAttempt<T extends OutboxEntryState>(
  entry: T,
  failure: SendFailure | null,
  now: number,
  random: () => number = Math.random,
): T | null {
  const attempts = entry.attempts + 1;
  const verdict = judge(failure, attempts, random);
  switch (verdict.kind) {
    case 'synced':
      return null;
    case 'retry':
      return { ...entry, status: 'pending', attempts, nextAttemptAt: now + verdict.delayMs, error: describe(failure) };
    case 'wait_for_sign_in':
      // Not a failure of the record: it goes as soon as its user is signed in again.
      return { ...entry, status: 'pending', nextAttemptAt: now, error: describe(failure) };
    case 'refused':
      return { ...entry, status: 'needs_attention', attempts, nextAttemptAt: Number.MAX_SAFE_INTEGER, error: describe(failure) };
  }
}

/** The user fixed it or asked to try again: back in line, first of all. */
export function resend<T extends OutboxEntryState>(entry: T, now: number): T {
  return { ...entry, status: 'pending', attempts: 0, nextAttemptAt: now, error: undefined };
}

/** Due now? `linkBack` (the browser said it is online again) skips the wait of a network failure. */
export function isDue(entry: OutboxEntryState, now: number, linkBack = false): boolean {
  if (entry.status !== 'pending') return false;
  if (entry.nextAttemptAt <= now) return true;
  return linkBack && entry.error?.statusCode === 0;
}

function describe(failure: SendFailure | null): OutboxError | undefined {
  if (!failure) return undefined;
  const { statusCode, code, message, errors } = failure;
  return { statusCode, code, message, ...(errors?.length ? { errors } : {}) };
}
