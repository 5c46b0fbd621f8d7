// Tells "the database cannot be reached right now" from every other error, so the API answers 503 with
// Retry-After (the client keeps its work and tries again) instead of 401 (signed out) or 500 (a bug).
// What counts: refused/reset/timed-out connections, pg's own connection errors, and PostgreSQL's
// shutdown, crash-recovery and too-many-connections codes.
import { QueryRunnerAlreadyReleasedError } from 'typeorm';

/** Seconds a client is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, and class 08 (connection exception). */
const PG_UNAVAILABLE = /^(57P0[1-3]|53300|08\w{3})$/;
const PG_CLIENT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const { code, message, driverError, cause } = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
  // TypeORM releases a transaction's query runner when its connection dies mid-transaction (the
  // client's 'error' event): the transaction's next statement throws this instead of a connection error.
  if (error instanceof QueryRunnerAlreadyReleasedError) return true;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || PG_UNAVAILABLE.test(code))) return true;
  if (typeof message === 'string' && PG_CLIENT_MESSAGES.some((text) => message.includes(text))) return true;
  return isDatabaseUnavailable(driverError, depth + 1) || isDatabaseUnavailable(cause, depth + 1);
}
